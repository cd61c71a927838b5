/**
 * The pure half of `npm run data:indicators`: one ONS tidy file in, the rows the
 * dashboard shows out, checked and written in a stable order so importing the same file
 * twice gives the same bytes. Cells are copied exactly as published; only rows are dropped.
 */
import Papa from 'papaparse';
import type { DataIssue } from '../issues.ts';
import { parseCsv } from '../parse.ts';
import { comparePeriods } from './period.ts';
import { TIDY_COLUMNS, isShownArea, type IndicatorMeta } from './schema.ts';
import { validateTidyTable } from './validate.ts';

export interface ImportResult {
  /** The file to write, or null when it has errors. */
  csv: string | null;
  kept: number;
  dropped: number;
  /** Areas in areas.csv with no row in the file (often a district whose GSS code changed): worth a look, not an error. */
  absent: string[];
  errors: DataIssue[];
  warnings: DataIssue[];
}

/** Written first so Excel reads the file as UTF-8, as the ONS's own files do. */
const BOM = '\uFEFF';

export function importTidyFile(file: string, text: string, metadata: readonly IndicatorMeta[], districts: ReadonlySet<string>): ImportResult {
  const parsed = parseCsv(text, file);
  const header = parsed.table.header;
  const areaAt = header.indexOf('areacd');
  const records = parsed.table.records.filter((r) => isShownArea(r.cells[areaAt] ?? '', districts));
  const dropped = parsed.table.records.length - records.length;
  const checked = validateTidyTable(file, { header, records }, { metadata, districts });
  const errors = [...parsed.errors, ...checked.errors];
  if (errors.length > 0 || areaAt < 0) return { csv: null, kept: 0, dropped, absent: [], errors, warnings: checked.warnings };

  const at = TIDY_COLUMNS.map((column) => header.indexOf(column));
  const column = (name: (typeof TIDY_COLUMNS)[number]) => at[TIDY_COLUMNS.indexOf(name)] ?? -1;
  const [labelAt, periodAt] = [column('indicator'), column('period')];
  const periodOf = (cells: string[]) => checked.periods.get(cells[periodAt] ?? '');
  // Code-point order, not locale collation: the bytes written must not depend on the machine.
  const byText = (x = '', y = '') => (x < y ? -1 : x > y ? 1 : 0);
  const sorted = [...records].sort((a, b) => {
    const pa = periodOf(a.cells);
    const pb = periodOf(b.cells);
    return (
      byText(a.cells[labelAt], b.cells[labelAt]) ||
      byText(a.cells[areaAt], b.cells[areaAt]) ||
      (pa && pb ? comparePeriods(pa, pb) : 0) ||
      byText(a.cells[periodAt], b.cells[periodAt])
    );
  });
  const rows = sorted.map((r) => at.map((i) => r.cells[i] ?? ''));
  const csv = `${BOM}${Papa.unparse({ fields: [...TIDY_COLUMNS], data: rows }, { newline: '\n' })}\n`;
  // Warnings about dropped areas are expected here: the import is what removes them.
  const warnings = checked.warnings.filter((w) => w.column !== 'areacd');
  const present = new Set(records.map((r) => r.cells[areaAt]));
  const absent = [...districts].filter((code) => !present.has(code)).sort();
  return { csv, kept: rows.length, dropped, absent, errors: [], warnings };
}
