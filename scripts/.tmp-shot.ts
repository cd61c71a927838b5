import { launch, openPage, serveDist, collectProblems } from './lib/browser.ts';
async function main() {
  const [browser, server] = await Promise.all([launch(), serveDist()]);
  const routes = process.argv.slice(2);
  for (const route of routes) {
    for (const js of [true, false]) {
      for (const width of [375, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: width === 375 ? 812 : 900 }, javaScriptEnabled: js });
        const page = await context.newPage();
        const problems = collectProblems(page);
        await page.goto(server.url + route, { waitUntil: 'networkidle' });
        const name = `/tmp/fs/${route.replace(/[^a-z0-9]+/gi, '-')}-${width}-${js ? 'js' : 'nojs'}.png`;
        await page.screenshot({ path: name });
        console.log(name, problems.all());
        await context.close();
      }
    }
  }
  await browser.close();
  await server.close();
}
void main();
