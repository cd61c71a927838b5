import { describe, expect, it } from 'vitest';
import { FileCheck, ValidationService, crossCheck, readChunks } from '../../../src/lib/workers/check-core.ts';
import { MAX_ISSUES_SENT, SAMPLE_ROWS, type FromWorker, type ToWorker } from '../../../src/lib/workers/protocol.ts';
import type { FundingLine, RowsByDataset } from '../../../src/lib/data/schema.ts';
import { validateCsv } from '../../../src/lib/data/validate.ts';

const FUNDING_HEADER = 'id,area_code,programme_id,component,funder,funder_type,category,amount_gbp,qualifier,stated_as,part_of,period_years,announced,source_id,new_money,note';
const fundingRow = (id: string, amount = '5000000', extra: { component?: string; programme?: string; partOf?: string } = {}) =>
  `${id},E47000007,${extra.programme ?? 'deal'},${extra.component ?? 'Pilot'},DfE,government,skills,${amount},exact,,${extra.partOf ?? ''},,2018-07-18,src,not_stated,`;
const fundingCsv = (...rows: string[]) => [FUNDING_HEADER, ...rows].join('\n') + '\n';

const encode = (text: string) => new TextEncoder().encode(text);

/** Split bytes into chunks of `size`, cutting through multi-byte characters on purpose. */
function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

function runCheck(text: string, chunkSize: number) {
  const bytes = encode(text);
  const check = new FileCheck('funding', 'funding.csv', bytes.length);
  const progress = chunksOf(bytes, chunkSize).map((chunk) => check.push(chunk));
  return { progress, ...check.finish() };
}

describe('FileCheck', () => {
  it.each([1, 2, 3, 7, 64, 1 << 20])('decodes "£" and "–" split across chunks of %i bytes exactly like the whole text', (size) => {
    const text = fundingCsv(fundingRow('a', '1000', { component: 'Caf£ – “quoted”' }), fundingRow('b'));
    const { report, rows } = runCheck(text, size);
    expect(report.errors.total).toBe(0);
    expect((rows as FundingLine[]).map((row) => row.component)).toEqual(['Caf£ – “quoted”', 'Pilot']);
  });

  it('reports progress per chunk in bytes and records, ending at the total size', () => {
    const text = fundingCsv(fundingRow('a'), fundingRow('b'));
    const { progress } = runCheck(text, 50);
    const total = encode(text).length;
    expect(progress.map((p) => p.totalBytes)).toEqual(progress.map(() => total));
    expect(progress.map((p) => p.bytesRead)).toEqual([...progress.keys()].map((i) => Math.min((i + 1) * 50, total)));
    const records = progress.map((p) => p.recordsRead);
    expect(records).toEqual([...records].sort((a, b) => a - b));
    expect(records.at(-1)).toBe(3);
  });

  it('gives the same rows and errors as validateCsv on the whole text', () => {
    const text = fundingCsv(fundingRow('a'), fundingRow('b', '£11.2m'), 'ragged,row', fundingRow('c'));
    const direct = validateCsv('funding', text);
    const { report, rows } = runCheck(text, 16);
    expect(rows).toEqual(direct.rows);
    expect(report.errors).toEqual({ shown: direct.errors, total: direct.errors.length });
    expect(report).toMatchObject({ validRows: 2, rowsWithErrors: 2, headerOk: true });
    expect(report.errors.shown.map((e) => [e.line, e.column, e.value])).toEqual([
      [3, 'amount_gbp', '£11.2m'],
      [4, null, null],
    ]);
  });

  it('turns bytes that are not UTF-8 into an encoding error', () => {
    const bytes = new Uint8Array([...encode(FUNDING_HEADER + '\n'), ...encode('a,E47000007,deal,Caf'), 0xa3, ...encode(',DfE,government,skills,1000,exact,,,,2018,src,not_stated,\n')]);
    const check = new FileCheck('funding', 'funding.csv', bytes.length);
    check.push(bytes);
    const { report } = check.finish();
    expect(report.errors.shown[0]).toMatchObject({ line: 2, column: 'component', expected: 'UTF-8 text' });
  });

  it('caps the errors it reports but counts them all', () => {
    const bad = Array.from({ length: MAX_ISSUES_SENT + 20 }, (_, i) => fundingRow(`r${i}`, 'lots'));
    const { report } = runCheck(fundingCsv(...bad), 1 << 16);
    expect(report.errors.shown).toHaveLength(MAX_ISSUES_SENT);
    expect(report.errors.total).toBe(MAX_ISSUES_SENT + 20);
    expect(report.rowsWithErrors).toBe(MAX_ISSUES_SENT + 20);
  });

  it('reports a broken header without checking rows', () => {
    const { report } = runCheck('id,area_code\na,E47000007\n', 1024);
    expect(report.headerOk).toBe(false);
    expect(report.validRows).toBe(0);
    expect(report.rowsWithErrors).toBe(0);
    expect(report.errors.total).toBeGreaterThan(0);
  });

  it('adds suspicious-value and unknown-column warnings, and a sample of the first rows as text', () => {
    const header = FUNDING_HEADER + ',extra';
    const rows = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => fundingRow(id, i === 5 ? '900000000' : '1000000') + ',x');
    const { report } = runCheck([header, ...rows].join('\n'), 1 << 16);
    expect(report.warnings.shown.map((w) => [w.line, w.column])).toEqual([
      [1, 'extra'],
      [7, 'amount_gbp'],
    ]);
    expect(report.sample).toHaveLength(SAMPLE_ROWS);
    expect(report.sample[0]).toEqual({ line: 2, cells: report.columns.map((c) => ({ id: 'a', area_code: 'E47000007', programme_id: 'deal', component: 'Pilot', funder: 'DfE', funder_type: 'government', category: 'skills', amount_gbp: '1000000', qualifier: 'exact', announced: '2018-07-18', source_id: 'src', new_money: 'not_stated' })[c] ?? '') });
  });

  it('reports an empty file', () => {
    const check = new FileCheck('funding', 'funding.csv', 0);
    const { report } = check.finish();
    expect(report).toMatchObject({ validRows: 0, headerOk: false, bytes: 0 });
    expect(report.errors.shown[0]?.line).toBe(0);
  });
});

describe('readChunks', () => {
  it.each([
    [0, 4, []],
    [10, 4, [4, 4, 2]],
    [8, 4, [4, 4]],
    [3, 100, [3]],
  ])('a %i-byte blob in %i-byte chunks', async (size, chunk, expected) => {
    const sizes: number[] = [];
    for await (const bytes of readChunks(new Blob([new Uint8Array(size)]), chunk)) sizes.push(bytes.byteLength);
    expect(sizes).toEqual(expected);
  });
});

const published: RowsByDataset = {
  programmes: validateCsv('programmes', 'programme_id,area_code,programme_name,kind,started,source_id,summary\ndeal,E47000007,Deal,deal,2018,src,A deal.\n').rows,
};

describe('crossCheck', () => {
  it('checks uploads against each other and the published data, keeping published errors apart', () => {
    const fundingRows = validateCsv('funding', fundingCsv(fundingRow('a'), fundingRow('b', '1000', { programme: 'nope' }), fundingRow('c', '1000', { partOf: 'missing' }))).rows;
    const report = crossCheck(new Map([[7, { dataset: 'funding' as const, rows: fundingRows }]]), published);
    expect(report.byCheck).toHaveLength(1);
    expect(report.byCheck[0]?.checkId).toBe(7);
    expect(report.byCheck[0]?.issues.shown.map((i) => [i.line, i.column, i.value])).toEqual([
      [3, 'programme_id', 'nope'],
      [4, 'part_of', 'missing'],
    ]);
    expect(report.published.total).toBe(0);
  });

  it('lets an upload replace a published dataset, and reports published rows it leaves dangling', () => {
    const publishedFunding = validateCsv('funding', fundingCsv(fundingRow('a'))).rows;
    const newProgrammes = validateCsv('programmes', 'programme_id,area_code,programme_name,kind,started,source_id,summary\nother,E47000007,Other,deal,2018,src,Other.\n').rows;
    const report = crossCheck(new Map([[1, { dataset: 'programmes' as const, rows: newProgrammes }]]), { ...published, funding: publishedFunding });
    expect(report.byCheck[0]?.issues.total).toBe(0);
    expect(report.published.shown.map((i) => [i.file, i.line, i.value])).toEqual([['funding.csv', 2, 'deal']]);
  });
});

describe('ValidationService', () => {
  function service(chunkBytes = 64) {
    const posted: FromWorker[] = [];
    const svc = new ValidationService((message) => posted.push(message), chunkBytes);
    return { posted, receive: (message: ToWorker) => svc.receive(message) };
  }
  const file = (text: string) => new Blob([text]);

  it('answers a check with reading progress, a checking phase, then the report', async () => {
    const { posted, receive } = service();
    const text = fundingCsv(fundingRow('a'), fundingRow('b', '£11.2m'));
    await receive({ type: 'check', checkId: 1, dataset: 'funding', fileName: 'my funding.csv', file: file(text) });
    const size = new Blob([text]).size;
    const progress = posted.filter((m) => m.type === 'progress');
    expect(progress[0]).toEqual({ type: 'progress', checkId: 1, phase: 'reading', bytesRead: 0, totalBytes: size, recordsRead: 0 });
    expect(progress.at(-2)).toMatchObject({ phase: 'reading', bytesRead: size, recordsRead: 3 });
    expect(progress.at(-1)).toMatchObject({ type: 'progress', checkId: 1, phase: 'checking', bytesRead: size, totalBytes: size });
    expect(progress.length).toBe(Math.ceil(size / 64) + 2);
    const last = posted.at(-1);
    expect(last?.type).toBe('checked');
    if (last?.type !== 'checked') return;
    expect(last.report).toMatchObject({ fileName: 'my funding.csv', dataset: 'funding', validRows: 1, rowsWithErrors: 1, bytes: size });
    expect(last.report.errors.shown[0]).toMatchObject({ line: 3, column: 'amount_gbp', value: '£11.2m' });
  });

  it('keeps rows for cross-checks and drops them when told to forget', async () => {
    const { posted, receive } = service();
    await receive({ type: 'check', checkId: 1, dataset: 'funding', fileName: 'funding.csv', file: file(fundingCsv(fundingRow('a', '1000', { programme: 'nope' }))) });
    await receive({ type: 'cross-check', requestId: 9, checkIds: [1], published });
    const answer = posted.at(-1);
    expect(answer).toMatchObject({ type: 'cross-checked', requestId: 9 });
    if (answer?.type !== 'cross-checked') return;
    expect(answer.report.byCheck[0]?.issues.shown[0]).toMatchObject({ column: 'programme_id', value: 'nope' });

    await receive({ type: 'forget', checkId: 1 });
    await receive({ type: 'cross-check', requestId: 10, checkIds: [1], published });
    expect(posted.at(-1)).toEqual({ type: 'cross-checked', requestId: 10, report: { byCheck: [], published: { shown: [], total: 0 } } });
  });

  it('stops reading a file it is told to forget, and posts nothing more for it', async () => {
    const { posted, receive } = service(8);
    const checking = receive({ type: 'check', checkId: 3, dataset: 'funding', fileName: 'funding.csv', file: file(fundingCsv(fundingRow('a'), fundingRow('b'))) });
    await receive({ type: 'forget', checkId: 3 });
    await checking;
    expect(posted.some((m) => m.type === 'checked')).toBe(false);
    expect(posted.filter((m) => m.type === 'progress').length).toBeLessThan(5);
  });

  it('handles checks one at a time, in order', async () => {
    const { posted, receive } = service();
    const first = receive({ type: 'check', checkId: 1, dataset: 'funding', fileName: 'a.csv', file: file(fundingCsv(fundingRow('a'))) });
    const second = receive({ type: 'check', checkId: 2, dataset: 'funding', fileName: 'b.csv', file: file(fundingCsv(fundingRow('b'))) });
    await Promise.all([first, second]);
    const order = posted.map((m) => ('checkId' in m ? m.checkId : 0));
    expect(order.lastIndexOf(1)).toBeLessThan(order.indexOf(2));
  });

  it('reports a file that cannot be read', async () => {
    const { posted, receive } = service();
    const unreadable = { size: 10, slice: () => ({ arrayBuffer: () => Promise.reject(new Error('The file was moved.')) }) } as unknown as Blob;
    await receive({ type: 'check', checkId: 4, dataset: 'funding', fileName: 'funding.csv', file: unreadable });
    expect(posted.at(-1)).toEqual({ type: 'check-failed', checkId: 4, message: 'The file was moved.' });
  });
});
