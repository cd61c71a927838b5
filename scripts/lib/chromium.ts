import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NOT_FOUND =
  'Chromium not found. Install Debian\'s package (sudo apt-get install chromium) or set CHROMIUM_PATH.';

// Playwright's own browser download is unavailable on this machine, so we only
// ever use a system Chromium (Debian's package) or an explicit CHROMIUM_PATH.
function locate(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  const candidates = [fromEnv, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p));
}

function canAptInstall(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) return false;
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/** Absolute path of a Chromium executable, installing Debian's package as a last resort (root only). */
export function findChromium(): string {
  const found = locate();
  if (found) return found;

  if (canAptInstall()) {
    console.log('[e2e] Chromium not found; installing Debian package "chromium" via apt-get…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
    const installed = locate();
    if (installed) return installed;
  }

  throw new Error(NOT_FOUND);
}
