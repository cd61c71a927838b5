/**
 * The map with an official indicator: the indicator files' sizes (raw and gzipped, as
 * served), the time from navigation until every district of a region is drawn in its
 * colour with the indicator's table, and which indicator files the map fetched on the
 * way (only indicators.csv and the one dataset it shows). Region and indicator come from
 * the build's own data: the first combined authority in areas.csv with districts, and the
 * first indicator in indicators.csv.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateMetadata } from '../../src/lib/data/indicators/validate.ts';
import { validateCsv } from '../../src/lib/data/validate.ts';
import { launch, openPage } from '../lib/browser.ts';
import { fileGzipBytes } from './sizes.ts';
import { serveCompressed } from './static-server.ts';
import { median } from 'd3-array';

export interface IndicatorFileSize {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export function indicatorFileSizes(distDir: string): IndicatorFileSize[] {
  const dir = path.join(distDir, 'data/indicators');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      return { file: `data/indicators/${name}`, rawBytes: readFileSync(file).length, gzipBytes: fileGzipBytes(file) };
    });
}

export interface MapDrawTiming {
  route: string;
  districts: number;
  runsMs: number[];
  medianMs: number;
  /** Indicator files the page fetched (one run). */
  indicatorFiles: string[];
}

export async function measureMapDraw(distDir: string, runs: number): Promise<MapDrawTiming> {
  const areas = validateCsv('areas', readFileSync(path.join(distDir, 'data/areas.csv'), 'utf8')).rows;
  const region = areas.find((a) => a.area_type === 'combined_authority' && areas.some((d) => d.parent_code === a.area_code));
  const indicator = validateMetadata(readFileSync(path.join(distDir, 'data/indicators/indicators.csv'), 'utf8')).rows[0];
  if (!region || !indicator) throw new Error('areas.csv has no combined authority with districts, or indicators.csv no indicator');
  const districts = areas.filter((a) => a.parent_code === region.area_code).length;
  const route = `#/map?region=${region.area_code}&indicator=${indicator.indicator_id}`;
  const server = await serveCompressed(distDir);
  const browser = await launch(process.env.CHROME_PATH);
  try {
    const runsMs: number[] = [];
    let indicatorFiles: string[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await openPage(browser, { width: 1280, height: 900 });
      const requested: string[] = [];
      page.on('request', (request) => {
        const pathname = new URL(request.url()).pathname;
        if (pathname.includes('/data/indicators/')) requested.push(pathname.replace(/^\//, ''));
      });
      await page.goto(new URL(route, server.url).href);
      // Drawn: every district has a colour (or the "no data" hatch) and the table shows the indicator's unit.
      // The map paints its static drawing first (Leaflet waits for the reader), so either drawing counts.
      await page.waitForFunction(
        ({ count, name }) => {
          const still = document.querySelectorAll('.map-stage .still path[data-code]');
          const shapes = still.length > 0 ? still : document.querySelectorAll('.leaflet-overlay-pane path[data-area-code][tabindex]');
          const caption = document.querySelector('table caption')?.textContent ?? '';
          return shapes.length === count && caption.startsWith(name);
        },
        { count: districts, name: indicator.name },
        { timeout: 60_000 },
      );
      runsMs.push(await page.evaluate(() => performance.now()));
      indicatorFiles = [...new Set(requested)];
      await page.context().close();
    }
    return { route, districts, runsMs, medianMs: median(runsMs) ?? Number.NaN, indicatorFiles };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Whether any of the headline's script files holds the indicator loader (it reads indicators/indicators.csv). */
export function headlineHasIndicatorLoader(distDir: string, files: readonly string[]): boolean {
  return files.some((file) => readFileSync(path.join(distDir, file), 'utf8').includes('indicators/indicators.csv'));
}
