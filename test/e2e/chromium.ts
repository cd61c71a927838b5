/** Finding Chromium lives in scripts/lib so scripts need no test code; tests import it from here. */
export * from '../../scripts/lib/chromium.ts';
