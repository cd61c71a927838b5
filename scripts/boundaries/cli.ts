/**
 * Command line of the boundaries pipeline: `npm run data:boundaries` builds the shipped
 * file; `--check` (run by `npm run build`) only reports whether the committed file is
 * missing or stale, and never writes or deletes it.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BoundariesError, isRecord, OUTPUT_PATH, parseConfig } from './config.ts';
import { downloadBoundaries } from './download.ts';
import { districtsMissingFromOutput, listDistricts, neededDistricts, type NeededDistrict } from './input.ts';
import { buildBoundaries } from './simplify.ts';

const USAGE = 'Usage: build-boundaries [--check] [--config FILE] [--areas FILE] [--out FILE]';
const REBUILD = 'Rebuild it with BOUNDARIES_FILE=path/to/ONS-districts.topo.json npm run data:boundaries (or without BOUNDARIES_FILE, with internet access) and commit it.';

export interface CliOptions {
  check: boolean;
  configPath: string;
  areasPath: string | null;
  outPath: string | null;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { check: false, configPath: 'boundaries.config.json', areasPath: null, outPath: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new BoundariesError(`${arg} needs a file path after it.`);
      return next;
    };
    if (arg === '--check') options.check = true;
    else if (arg === '--config') options.configPath = value();
    else if (arg === '--areas') options.areasPath = value();
    else if (arg === '--out') options.outPath = value();
    else throw new BoundariesError(`Unknown option ${arg}. ${USAGE}`);
  }
  return options;
}

export interface CliEnvironment {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  /** Directory relative paths are resolved against (the repository root when run by npm). */
  cwd: string;
  fetchImpl?: typeof fetch;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = isRecord(error) && typeof error.code === 'string' ? error.code : '';
    throw new BoundariesError(code === 'ENOENT' ? `${what} not found: ${file}` : `Could not read ${what} ${file}: ${String(error)}`);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BoundariesError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The build's check: says whether the committed file is missing or lacks districts; never writes. */
async function checkOutput(outPath: string, shown: string, needed: NeededDistrict[], log: (line: string) => void, warn: (line: string) => void): Promise<void> {
  let text: string;
  try {
    text = await readFile(outPath, 'utf8');
  } catch {
    warn(`boundaries: WARNING: ${shown} is missing, so the map view will say the boundaries are missing and show its table. ${REBUILD}`);
    return;
  }
  const missing = districtsMissingFromOutput(parseJson(text, shown), needed);
  if (missing.length > 0) {
    warn(`boundaries: WARNING: ${shown} is stale: it has no shape for ${missing.length} district(s) in areas.csv: ${listDistricts(missing)}. The map leaves them out until it is rebuilt. ${REBUILD}`);
    return;
  }
  log(`boundaries: ${shown} is current (all ${needed.length} districts in areas.csv have a shape).`);
}

/** Runs the pipeline; returns the process exit code. Never throws for expected failures. */
export async function main({ argv, env, cwd, fetchImpl = fetch, log = console.log, warn = console.warn }: CliEnvironment): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    warn(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const resolve = (file: string) => path.resolve(cwd, file);
  const outPath = resolve(options.outPath ?? OUTPUT_PATH);
  const shown = path.relative(cwd, outPath) || outPath;
  try {
    const config = parseConfig(parseJson(await readText(resolve(options.configPath), 'Config file'), options.configPath));
    const areasPath = resolve(options.areasPath ?? config.areas);
    const needed = neededDistricts(await readText(areasPath, 'Areas file'));
    if (needed.length === 0) throw new BoundariesError(`${areasPath} lists no local_authority districts, so there is nothing to draw.`);
    if (options.check) {
      await checkOutput(outPath, shown, needed, log, warn);
      return 0;
    }

    let input: unknown;
    let source: string;
    const file = env.BOUNDARIES_FILE;
    if (file) {
      const inputPath = resolve(file);
      log(`boundaries: reading ${inputPath} (BOUNDARIES_FILE)`);
      input = parseJson(await readText(inputPath, 'BOUNDARIES_FILE'), inputPath);
      source = `local file ${path.basename(inputPath)} (BOUNDARIES_FILE)`;
    } else {
      log('boundaries: BOUNDARIES_FILE is not set; downloading from the ONS Open Geography Portal…');
      ({ input, source } = await downloadBoundaries(config, needed, fetchImpl));
    }

    const built = buildBoundaries(input, needed, config, source);
    await mkdir(path.dirname(outPath), { recursive: true });
    // Write then rename so a failed run never leaves a half-written file behind.
    const temporary = `${outPath}.partial`;
    await writeFile(temporary, `${JSON.stringify(built.topology)}\n`);
    await rename(temporary, outPath);
    log(
      `boundaries: wrote ${shown}: ${needed.length} districts + ${built.neighbourCodes.length} neighbours, ` +
        `${(built.bytes / 1024).toFixed(1)} KB (kept ${Math.round(built.retained * 100)}% of points), boundaries of ${config.vintage.year}. Commit it.`,
    );
    return 0;
  } catch (error) {
    const reason = error instanceof BoundariesError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    if (options.check) {
      // The build goes on: the map view says what is wrong and shows its table.
      warn(`boundaries: WARNING: could not check ${shown}: ${reason}`);
      return 0;
    }
    warn(`boundaries: FAILED: ${reason}`);
    return 1;
  }
}
