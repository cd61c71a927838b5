/**
 * Derived, view-ready values: headline figures per combined authority, source lookups,
 * per-resident rates. Pure; every string a view shows comes formatted from here.
 */
import { formatFigure, formatPartialDate, formatCount, type FormattedFigure } from './format.ts';
import { CATEGORY_LABEL, MEASURE_IS_EXPECTATION, MEASURE_LABEL, NEW_MONEY_LABEL, SCHOOLS_STATUS_LABEL, RELATION_LABEL } from './labels.ts';
import { rowFigure, type FigureDataset, type FundingLine, type Programme, type ProgrammeItem, type Qualifier, type RowOf, type Source, type RowsByDataset } from './schema.ts';
import { combinedAuthorities } from './areas.ts';

export interface SourceRef {
  id: string;
  title: string;
  publisher: string;
  publishedText: string;
  url: string | null;
  note: string | null;
}

export interface HeadlineFigure {
  /** The data row's id, rendered as data-figure-id. */
  id: string;
  dataset: 'funding' | 'completions' | 'schools_reached';
  value: FormattedFigure;
  /** What the figure counts: "National Retraining Scheme pilot", "places funded". */
  label: string;
  /** When: "by March 2024", "announced 18 July 2018". */
  when: string;
  /** Short tags such as "Target", "Part of Whole deal", "Wider investment (not skills funding)". */
  tags: string[];
  note: string | null;
  sourceId: string;
  /** Null when sources.csv could not be used; the view then says the source is unavailable. */
  source: SourceRef | null;
}

export interface SectorMention {
  id: string;
  label: string;
  termUsed: string;
  relation: string;
  sourceId: string;
  source: SourceRef | null;
}

export interface ProgrammeHeadline {
  id: string;
  name: string;
  summary: string | null;
  figures: HeadlineFigure[];
  items: { type: ProgrammeItem['item_type']; texts: string[]; source: SourceRef | null }[];
  sectors: SectorMention[];
}

export interface RegionHeadline {
  code: string;
  name: string;
  populationText: string | null;
  programmes: ProgrammeHeadline[];
}

export function sourceRef(source: Source): SourceRef {
  return {
    id: source.source_id,
    title: source.title,
    publisher: source.publisher,
    publishedText: formatPartialDate(source.published),
    url: source.url,
    note: source.note,
  };
}

export function sourceLookup(data: RowsByDataset): (id: string) => SourceRef | null {
  const byId = new Map((data.sources ?? []).map((s) => [s.source_id, sourceRef(s)]));
  return (id) => byId.get(id) ?? null;
}

/** A row's figure formatted with its qualifier, from the column and unit its dataset's spec names. */
function formatRowFigure<N extends FigureDataset>(name: N, row: RowOf<N>): FormattedFigure {
  const { value, qualifier, unit, statedAs } = rowFigure(name, row);
  return formatFigure(value, qualifier, unit, statedAs);
}

function fundingFigure(line: FundingLine, all: FundingLine[], source: (id: string) => SourceRef | null): HeadlineFigure {
  const tags: string[] = [];
  if (line.category !== 'skills') tags.push(CATEGORY_LABEL[line.category]);
  const whole = line.part_of ? all.find((l) => l.id === line.part_of) : undefined;
  if (whole) tags.push(`Part of: ${whole.component} (${formatRowFigure('funding', whole).text})`);
  if (line.period_years !== null) tags.push(`Over ${formatCount(line.period_years)} years`);
  if (line.funder_type !== 'not_stated') tags.push(`Funder: ${line.funder}`);
  // "Not stated" matters only where there is an amount to be new or not.
  if (line.new_money !== 'not_stated' || line.amount_gbp !== null) tags.push(NEW_MONEY_LABEL[line.new_money]);
  return {
    id: line.id,
    dataset: 'funding',
    value: formatRowFigure('funding', line),
    label: line.component,
    when: `announced ${formatPartialDate(line.announced)}`,
    tags,
    note: line.note,
    sourceId: line.source_id,
    source: source(line.source_id),
  };
}

/** Parts follow their whole so a deal reads top-down: the total, then what it is made of. */
/**
 * Each whole followed by its parts, depth first, in file order. Children are indexed once
 * and the walk uses an explicit stack, so a part_of chain thousands of lines deep is
 * linear and cannot overflow the call stack. Lines in a part_of loop (which the checker
 * rejects) are not reachable from a root and are left out, as before.
 */
function orderWholesFirst(lines: FundingLine[]): FundingLine[] {
  const ids = new Set(lines.map((l) => l.id));
  const children = new Map<string, FundingLine[]>();
  const roots: FundingLine[] = [];
  for (const line of lines) {
    if (!line.part_of || !ids.has(line.part_of)) {
      roots.push(line);
      continue;
    }
    const siblings = children.get(line.part_of);
    if (siblings) siblings.push(line);
    else children.set(line.part_of, [line]);
  }
  const ordered: FundingLine[] = [];
  // Pushed in reverse so the first child is visited first.
  const stack = roots.slice().reverse();
  for (let line = stack.pop(); line; line = stack.pop()) {
    ordered.push(line);
    const parts = children.get(line.id);
    if (parts) for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i] as FundingLine);
  }
  return ordered;
}

function programmeHeadline(programme: Pick<Programme, 'programme_id' | 'programme_name'> & { summary: string | null }, data: RowsByDataset, source: (id: string) => SourceRef | null): ProgrammeHeadline {
  const id = programme.programme_id;
  const funding = (data.funding ?? []).filter((l) => l.programme_id === id);
  const sectorLabel = new Map((data.sectors ?? []).map((s) => [s.sector_id, s.label]));
  const figures: HeadlineFigure[] = [
    ...orderWholesFirst(funding).map((line) => fundingFigure(line, data.funding ?? [], source)),
    ...(data.completions ?? [])
      .filter((c) => c.programme_id === id)
      .map((c): HeadlineFigure => ({
        id: c.id,
        dataset: 'completions',
        value: formatRowFigure('completions', c),
        label: MEASURE_LABEL[c.measure],
        // An expectation over a period ("over the next ten years") has no deadline to show.
        when:
          c.period_years !== null
            ? `over ${formatCount(c.period_years)} years from ${formatPartialDate(c.as_of)}`
            : `${MEASURE_IS_EXPECTATION[c.measure] || c.measure === 'completed' ? 'by' : 'as of'} ${formatPartialDate(c.as_of)}`,
        tags: MEASURE_IS_EXPECTATION[c.measure] ? ['Expected, not yet achieved'] : [],
        note: c.note,
        sourceId: c.source_id,
        source: source(c.source_id),
      })),
    ...(data.schools_reached ?? [])
      .filter((s) => s.programme_id === id)
      .map((s): HeadlineFigure => ({
        id: s.id,
        dataset: 'schools_reached',
        value: formatRowFigure('schools_reached', s),
        label: SCHOOLS_STATUS_LABEL[s.status],
        when: `${s.status === 'planned' ? 'announced' : 'as of'} ${formatPartialDate(s.as_of)}`,
        tags: s.status === 'planned' ? ['Planned'] : [],
        note: s.note,
        sourceId: s.source_id,
        source: source(s.source_id),
      })),
  ];
  const itemRows = (data.programme_items ?? []).filter((i) => i.programme_id === id).sort((a, b) => a.position - b.position);
  const itemTypes = [...new Set(itemRows.map((i) => i.item_type))];
  return {
    id,
    name: programme.programme_name,
    summary: programme.summary,
    figures,
    items: itemTypes.map((type) => {
      const ofType = itemRows.filter((i) => i.item_type === type);
      return { type, texts: ofType.map((i) => i.text), source: source(ofType[0]?.source_id ?? '') };
    }),
    sectors: (data.sector_shortages ?? [])
      .filter((s) => s.programme_id === id)
      .map((s) => ({ id: s.id, label: sectorLabel.get(s.sector) ?? s.sector, termUsed: s.term_used, relation: RELATION_LABEL[s.relation], sourceId: s.source_id, source: source(s.source_id) })),
  };
}

/** Headline figures for every combined authority, grouped by programme, in data order. */
export function buildHeadlines(data: RowsByDataset): RegionHeadline[] {
  const source = sourceLookup(data);
  return combinedAuthorities(data).map(({ code, name, area }) => {
    const programmeIds = new Set(
      [...(data.funding ?? []), ...(data.completions ?? []), ...(data.schools_reached ?? []), ...(data.sector_shortages ?? [])]
        .filter((row) => row.area_code === code)
        .map((row) => row.programme_id),
    );
    const known = (data.programmes ?? []).filter((p) => p.area_code === code || programmeIds.has(p.programme_id));
    // Figures whose programme row is unavailable still show, under their id.
    const unknown = [...programmeIds].filter((id) => !known.some((p) => p.programme_id === id)).map((id) => ({ programme_id: id, programme_name: id, summary: null }));
    return {
      code,
      name,
      populationText: area ? `Population ${formatCount(area.population)} in ${area.population_year} (${source(area.population_source_id)?.publisher ?? area.population_source_id})` : null,
      programmes: [...known, ...unknown].map((p) => programmeHeadline(p, data, source)).filter((p) => p.figures.length + p.items.length + p.sectors.length > 0),
    };
  });
}

/**
 * The credit line for the populations in areas.csv, from their sources' rows:
 * "Population: Office for National Statistics, <title>, 28 June 2022." Null without areas.
 */
export function populationCredit(data: RowsByDataset): string | null {
  const source = sourceLookup(data);
  const credits = [...new Set((data.areas ?? []).map((area) => area.population_source_id))].map((id) => {
    const ref = source(id);
    return ref ? `${ref.publisher}, ${ref.title}, ${ref.publishedText}` : id;
  });
  return credits.length > 0 ? `Population: ${credits.join('; ')}.` : null;
}

export interface QualifiedValue {
  value: number;
  qualifier: Exclude<Qualifier, 'unquantified'>;
}

/**
 * Adds qualified figures. Exact parts keep the other parts' qualifier: a ceiling plus
 * exact amounts is a ceiling, a floor plus exact amounts a floor. Two different inexact
 * kinds (a ceiling and a floor, or "about" and a ceiling) bound nothing honest, so the
 * sum is null and the view says it cannot be totalled.
 */
export function sumQualified(parts: readonly QualifiedValue[]): QualifiedValue | null {
  if (parts.length === 0) return null;
  const inexact = new Set(parts.map((part) => part.qualifier).filter((q) => q !== 'exact'));
  if (inexact.size > 1) return null;
  const [qualifier = 'exact'] = [...inexact];
  return { value: parts.reduce((sum, part) => sum + part.value, 0), qualifier };
}
