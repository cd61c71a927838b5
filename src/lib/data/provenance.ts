/**
 * Provenance checks: does each figure row say what its sources say? stated_in.csv records,
 * per source and row, the number, qualifier, date and other facts the source gives; these
 * checks compare the figure rows with those records. Pure, no I/O; the data-contract suite
 * runs them on public/data.
 */
import { rowFigure, STATED_DATASETS, type RowsByDataset, type Source, type StatedIn } from './schema.ts';

type StatedDataset = (typeof STATED_DATASETS)[number];

/** One row in any stated dataset, reduced to the facts the records are compared with. */
interface FigureFacts {
  dataset: StatedDataset;
  id: string;
  sourceId: string;
  /** Null for programmes, which carry no number. */
  quantity: { value: number | null; qualifier: string } | null;
  date: string | null;
  periodYears: number | null;
  funderType: string | null;
  measure: string | null;
  newMoney: string | null;
  /** Funding only: the line this one is part of, whose dates it may share. */
  partOf: string | null;
  name: string | null;
}

function figureFacts(data: RowsByDataset): FigureFacts[] {
  const none = { periodYears: null, funderType: null, measure: null, newMoney: null, partOf: null, name: null };
  return [
    ...(data.funding ?? []).map((r): FigureFacts => ({
      ...none,
      dataset: 'funding',
      id: r.id,
      sourceId: r.source_id,
      quantity: rowFigure('funding', r),
      date: r.announced,
      periodYears: r.period_years,
      funderType: r.funder_type === 'not_stated' ? null : r.funder_type,
      newMoney: r.new_money === 'not_stated' ? null : r.new_money,
      partOf: r.part_of,
    })),
    ...(data.completions ?? []).map((r): FigureFacts => ({ ...none, dataset: 'completions', id: r.id, sourceId: r.source_id, quantity: rowFigure('completions', r), date: r.as_of, periodYears: r.period_years, measure: r.measure })),
    ...(data.schools_reached ?? []).map((r): FigureFacts => ({ ...none, dataset: 'schools_reached', id: r.id, sourceId: r.source_id, quantity: rowFigure('schools_reached', r), date: r.as_of })),
    ...(data.programmes ?? []).map((r): FigureFacts => ({ ...none, dataset: 'programmes', id: r.programme_id, sourceId: r.source_id, quantity: null, date: r.started, name: r.programme_name })),
  ];
}

/** Notes that admit a figure rests on a report the project has not got. */
const NOT_HELD = /\b(?:do|does|did) not hold\b|\bnot held\b/i;

/**
 * Every way the figure rows disagree with stated_in.csv and sources.csv, one sentence each.
 * Needs sources and stated_in; datasets that are absent are skipped.
 */
export function provenanceProblems(data: RowsByDataset): string[] {
  const problems: string[] = [];
  const sources = new Map<string, Source>((data.sources ?? []).map((s) => [s.source_id, s]));
  const records = data.stated_in ?? [];
  const figures = figureFacts(data);
  const key = (dataset: string, id: string) => `${dataset}:${id}`;
  const byRow = new Map<string, StatedIn[]>();
  for (const record of records) byRow.set(key(record.dataset, record.row_id), [...(byRow.get(key(record.dataset, record.row_id)) ?? []), record]);
  const known = new Set(figures.map((f) => key(f.dataset, f.id)));

  for (const record of records) {
    const where = `stated_in.csv line ${record._line} (${record.id})`;
    if (!known.has(key(record.dataset, record.row_id))) problems.push(`${where}: ${record.dataset}.csv has no row ${record.row_id}.`);
    if ((record.date === null) !== (record.date_from === null)) problems.push(`${where}: a date needs date_from (text or published), and date_from needs a date.`);
    const source = sources.get(record.source_id);
    if (record.date_from === 'published' && record.date !== null && source && source.published !== record.date) {
      problems.push(`${where}: the date ${record.date} is said to be the publication date, but ${record.source_id} is dated ${source.published}.`);
    }
    if (record.qualifier === 'unquantified' && record.value !== null) problems.push(`${where}: an unquantified record has a number.`);
  }

  for (const source of sources.values()) {
    if (source.note && NOT_HELD.test(source.note)) problems.push(`sources.csv ${source.source_id}: the note says a report is not held; cite that report itself.`);
  }

  for (const figure of figures) {
    const where = `${figure.dataset}.csv ${figure.id}`;
    if (!sources.has(figure.sourceId)) problems.push(`${where}: source ${figure.sourceId} is not in sources.csv.`);
    const own = byRow.get(key(figure.dataset, figure.id)) ?? [];
    const primary = own.filter((r) => r.source_id === figure.sourceId);
    if (primary.length === 0) {
      problems.push(`${where}: stated_in.csv does not record that its source ${figure.sourceId} states it.`);
    } else if (figure.quantity && !primary.some((r) => r.qualifier === figure.quantity?.qualifier && r.value === figure.quantity.value)) {
      const stated = primary.map((r) => `${r.qualifier ?? 'no qualifier'} ${r.value ?? ''}`.trim()).join(', ');
      problems.push(`${where}: ${figure.quantity.qualifier} ${figure.quantity.value ?? ''} differs from what ${figure.sourceId} states (${stated}); cite the source whose wording it follows.`);
    }
    // A part of a deal is announced with it, so it may carry the date a source gives for the whole.
    const whole = figure.partOf ? (byRow.get(key('funding', figure.partOf)) ?? []) : [];
    if (figure.date !== null && ![...own, ...whole].some((r) => r.date === figure.date)) {
      problems.push(`${where}: no source in stated_in.csv gives the date ${figure.date}${own.length ? ` (they give ${own.map((r) => r.date ?? 'none').join(', ')})` : ''}.`);
    }
    const stated = (fact: 'period_years' | 'funder_type' | 'measure' | 'new_money', value: string | number | null) => {
      const givers = own.filter((r) => r[fact] !== null);
      if (value !== null && !givers.some((r) => r[fact] === value)) problems.push(`${where}: no source in stated_in.csv gives ${fact} ${value}.`);
      if (fact === 'period_years' && value === null && givers.length > 0) problems.push(`${where}: a source gives a period of ${givers[0]?.period_years} years; record it in period_years.`);
    };
    if (figure.dataset === 'funding' || figure.dataset === 'completions') stated('period_years', figure.periodYears);
    if (figure.dataset === 'funding') {
      stated('funder_type', figure.funderType);
      stated('new_money', figure.newMoney);
    }
    if (figure.dataset === 'completions') stated('measure', figure.measure);
    // A year in a programme's name ("Strategy 2018–2023") must be one its sources give.
    const statedYears = new Set(own.map((r) => r.date?.slice(0, 4)));
    for (const year of figure.name?.match(/\b(?:19|20)\d{2}\b/g) ?? []) {
      if (!statedYears.has(year)) problems.push(`${where}: the name carries the year ${year}, which no source in stated_in.csv gives for it.`);
    }
  }
  return problems;
}
