/**
 * The pipeline end to end: file input, the ONS download path (against a local server on
 * 127.0.0.1 serving the hand-made fixture), exit codes and --check.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Position } from 'geojson';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../scripts/boundaries/cli.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = path.join(REPO, 'test/fixtures/boundaries');
const AREAS = path.join(FIXTURES, 'areas.csv');
const GEOJSON_PATH = path.join(FIXTURES, 'districts.geojson');
const GEOJSON: FeatureCollection = JSON.parse(readFileSync(GEOJSON_PATH, 'utf8'));
const BASE_CONFIG = JSON.parse(readFileSync(path.join(REPO, 'boundaries.config.json'), 'utf8'));

/** A stand-in for the ONS ArcGIS FeatureServer: filters by the where clause's codes or by the envelope. */
function fakeArcGis(requests: URL[], mode: { status: number; body?: string }) {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    if (mode.status !== 200 || mode.body !== undefined) {
      res.writeHead(mode.status, { 'Content-Type': 'application/json' });
      res.end(mode.body ?? '{}');
      return;
    }
    const where = url.searchParams.get('where') ?? '';
    const envelope = url.searchParams.get('geometry');
    let features = GEOJSON.features;
    if (envelope) {
      const [xmin = 0, ymin = 0, xmax = 0, ymax = 0] = envelope.split(',').map(Number);
      features = features.filter((f) => {
        const ring = (f.geometry as { coordinates: Position[][] }).coordinates[0] ?? [];
        return ring.some(([x = 0, y = 0]) => x >= xmin && x <= xmax && y >= ymin && y <= ymax);
      });
    } else {
      const codes = [...where.matchAll(/'([A-Z]\d{8})'/g)].map((m) => m[1]);
      features = features.filter((f) => codes.includes(f.properties?.LAD24CD));
    }
    res.writeHead(200, { 'Content-Type': 'application/geo+json' });
    res.end(JSON.stringify({ type: 'FeatureCollection', features }));
  });
}

let dir: string;
let logs: string[];
let warnings: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'boundaries-'));
  logs = [];
  warnings = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(argv: string[], env: Record<string, string | undefined> = {}) {
  return main({ argv, env, cwd: REPO, log: (l) => logs.push(l), warn: (l) => warnings.push(l) });
}

function configWith(origin: string): string {
  const file = path.join(dir, 'config.json');
  const query = '/arcgis/query?where={where}&outFields=LAD24CD,LAD24NM&outSR=4326&f=geojson';
  const context = '/arcgis/query?where=1%3D1&geometry={envelope}&geometryType=esriGeometryEnvelope&f=geojson';
  writeFileSync(file, JSON.stringify({ ...BASE_CONFIG, download: { ...BASE_CONFIG.download, queryUrlTemplate: origin + query, contextUrlTemplate: origin + context, timeoutMs: 5000 } }));
  return file;
}

const outputCodes = (file: string) => JSON.parse(readFileSync(file, 'utf8')).objects.districts.geometries.map((g: { id: string }) => g.id);

describe('with BOUNDARIES_FILE', () => {
  it('writes the districts and their neighbours', async () => {
    const out = path.join(dir, 'boundaries.topo.json');
    expect(await run(['--areas', AREAS, '--out', out], { BOUNDARIES_FILE: GEOJSON_PATH })).toBe(0);
    expect(outputCodes(out)).toEqual(['E08900001', 'E08900002', 'E08900003', 'E07900001', 'E07900002']);
    expect(JSON.parse(readFileSync(out, 'utf8')).metadata).toMatchObject({ year: 2024, source: 'local file districts.geojson (BOUNDARIES_FILE)' });
    expect(logs.join('\n')).toMatch(/3 districts \+ 2 neighbours/);
  });

  it('resolves a relative BOUNDARIES_FILE against the working directory', async () => {
    const out = path.join(dir, 'b.json');
    expect(await run(['--areas', AREAS, '--out', out], { BOUNDARIES_FILE: 'test/fixtures/boundaries/districts.geojson' })).toBe(0);
  });

  it.each([
    ['a missing file', () => path.join(dir, 'nope.json'), /FAILED: BOUNDARIES_FILE not found/],
    ['a file that is not JSON', () => AREAS, /is not valid JSON/],
    [
      'a file lacking a district',
      () => {
        const file = path.join(dir, 'partial.geojson');
        writeFileSync(file, JSON.stringify({ ...GEOJSON, features: GEOJSON.features.filter((f) => f.properties?.LAD24CD !== 'E08900003') }));
        return file;
      },
      /no shape for 1 district.*E08900003 \(Gamma\)/,
    ],
  ])('exits 1 with a clear reason for %s', async (_, file, reason) => {
    const out = path.join(dir, 'boundaries.topo.json');
    expect(await run(['--areas', AREAS, '--out', out], { BOUNDARIES_FILE: file() })).toBe(1);
    expect(warnings.join('\n')).toMatch(reason);
    expect(existsSync(out)).toBe(false);
  });
});

describe('--check (run by npm run build)', () => {
  async function built(): Promise<string> {
    const out = path.join(dir, 'boundaries.topo.json');
    expect(await run(['--areas', AREAS, '--out', out], { BOUNDARIES_FILE: GEOJSON_PATH })).toBe(0);
    return out;
  }

  it('says a current file is current and never rewrites it', async () => {
    const out = await built();
    const before = readFileSync(out, 'utf8');
    expect(await run(['--check', '--areas', AREAS, '--out', out], { BOUNDARIES_FILE: GEOJSON_PATH })).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(logs.at(-1)).toMatch(/is current \(all 3 districts/);
    expect(warnings).toEqual([]);
  });

  it('says a file that lacks a district in areas.csv is stale, naming the district, and leaves it alone', async () => {
    const out = await built();
    const areas = path.join(dir, 'areas.csv');
    writeFileSync(areas, `${readFileSync(AREAS, 'utf8').trimEnd()}\nE08900009,Omega,Omega,local_authority,E47900001,0,2021,test-source,\n`);
    const before = readFileSync(out, 'utf8');
    expect(await run(['--check', '--areas', areas, '--out', out])).toBe(0);
    expect(warnings.join('\n')).toMatch(/is stale: it has no shape for 1 district\(s\) in areas\.csv: E08900009 \(Omega\)/);
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('says a missing file is missing, builds nothing and exits 0 so the build goes on', async () => {
    const out = path.join(dir, 'boundaries.topo.json');
    expect(await run(['--check', '--areas', AREAS, '--out', out], { BOUNDARIES_FILE: GEOJSON_PATH })).toBe(0);
    expect(warnings.join('\n')).toMatch(/is missing, so the map view will say the boundaries are missing/);
    expect(existsSync(out)).toBe(false);
  });

  it('says an unusable file cannot be checked', async () => {
    const out = path.join(dir, 'boundaries.topo.json');
    writeFileSync(out, '{"type":"Topology","arcs":[],"objects":{}}');
    expect(await run(['--check', '--areas', AREAS, '--out', out])).toBe(0);
    expect(warnings.join('\n')).toMatch(/could not check .*no "districts" collection/);
  });
});

describe('downloading from the ONS portal (a local stand-in)', () => {
  let server: Server;
  let origin: string;
  const requests: URL[] = [];
  const mode: { status: number; body?: string } = { status: 200 };

  beforeAll(async () => {
    server = fakeArcGis(requests, mode);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    requests.length = 0;
    mode.status = 200;
    delete mode.body;
  });

  it('queries the needed codes, then their surroundings, and keeps bordering districts only', async () => {
    const out = path.join(dir, 'boundaries.topo.json');
    expect(await run(['--config', configWith(origin), '--areas', AREAS, '--out', out])).toBe(0);
    expect(requests).toHaveLength(2);
    expect(requests[0]?.searchParams.get('where')).toBe("LAD24CD IN ('E08900001','E08900002','E08900003')");
    expect(requests[1]?.searchParams.get('geometry')).toBe('-3.050000,52.950000,-2.750000,53.250000');
    // Corner falls inside the envelope but only touches a neighbour at a point: left out.
    expect(outputCodes(out)).toEqual(['E08900001', 'E08900002', 'E08900003', 'E07900001', 'E07900002']);
    expect(JSON.parse(readFileSync(out, 'utf8')).metadata.source).toBe(`${origin}/arcgis/query`);
  });

  it.each([
    ['a server error', { status: 500 }, /answered 500/],
    ['an ArcGIS error inside a 200', { status: 200, body: '{"error":{"code":400,"message":"Invalid query"}}' }, /reported an error: Invalid query/],
    ['a truncated result', { status: 200, body: '{"type":"FeatureCollection","features":[],"exceededTransferLimit":true}' }, /only part of the result/],
    ['an answer that is not JSON', { status: 200, body: '<html>' }, /not JSON/],
  ])('exits 1 on %s', async (_, response, reason) => {
    Object.assign(mode, response);
    expect(await run(['--config', configWith(origin), '--areas', AREAS, '--out', path.join(dir, 'b.json')])).toBe(1);
    expect(warnings.join('\n')).toMatch(reason);
  });

  it('exits 1 naming the host when the server cannot be reached', async () => {
    expect(await run(['--config', configWith('http://127.0.0.1:9'), '--areas', AREAS, '--out', path.join(dir, 'b.json')])).toBe(1);
    expect(warnings.join('\n')).toMatch(/Could not download boundaries from http:\/\/127\.0\.0\.1:9/);
  });
});
