/**
 * Derived, view-ready values: headline figures per combined authority, source lookups,
 * per-resident rates. Pure; every string a view shows comes formatted from here.
 */
import { isolate } from './bidi.ts';
import { formatFigure, formatPartialDate, formatCount, type FormattedFigure } from './format.ts';
import { CATEGORY_LABEL, MEASURE_IS_EXPECTATION, MEASURE_LABEL, NEW_MONEY_LABEL, SCHOOLS_STATUS_LABEL, RELATION_LABEL } from './labels.ts';
import { figureCitation } from '../export/citation.ts';
import { buildPromises, type PromiseStatus } from './promises.ts';
import { rowFigure, type Completion, type FigureDataset, type FundingLine, type Programme, type ProgrammeItem, type Qualifier, type RowOf, type Source, type RowsByDataset } from './schema.ts';
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
  /** Rows shown on this card as well (a funding line with no amount, tied to this count by funded_by). */
  alsoIds: string[];
  value: FormattedFigure;
  /** What the figure counts: "National Retraining Scheme pilot", "places funded". */
  label: string;
  /** When: "by March 2024", "announced 18 July 2018". */
  when: string;
  /** The district's name when the row is for a district rather than the combined authority. */
  district: string | null;
  /** Short tags such as "Target", "Part of Whole deal", "Wider investment (not skills funding)". */
  tags: string[];
  note: string | null;
  /** For a target or plan: its status against today's date and the outcomes in the data. */
  promise: PromiseStatus | null;
  /** Plain text for the Copy control: the figure with its qualifier, what, where, when and source. */
  citation: string;
  sourceId: string;
  /** Null when sources.csv could not be used; the view then says the source is unavailable. */
  source: SourceRef | null;
}

/** A row with no number and no words for one: it only says something happened, so it is a note, not a card. */
export interface ProgrammeNote {
  id: string;
  text: string;
  sourceId: string;
  source: SourceRef | null;
}

export interface SectorMention {
  id: string;
  label: string;
  /** The source's own wording, only where it differs from the label. */
  wording: string | null;
}

/** The sectors a programme names in one way ("Training offered"), with the sources that name them. */
export interface SectorGroup {
  relation: string;
  mentions: SectorMention[];
  sources: { sourceId: string; source: SourceRef | null }[];
}

export interface ProgrammeHeadline {
  id: string;
  name: string;
  summary: string | null;
  figures: HeadlineFigure[];
  notes: ProgrammeNote[];
  items: { type: ProgrammeItem['item_type']; texts: string[]; source: SourceRef | null }[];
  sectors: SectorGroup[];
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

/**
 * Funding lines by id, built once per loaded array (the rows are not mutated after
 * loading), so looking up each line's whole is constant time rather than a scan.
 */
const fundingIndexes = new WeakMap<readonly FundingLine[], ReadonlyMap<string, FundingLine>>();
function fundingById(all: readonly FundingLine[]): ReadonlyMap<string, FundingLine> {
  let index = fundingIndexes.get(all);
  if (!index) {
    const byId = new Map<string, FundingLine>();
    // The first line wins, as a scan would find it.
    for (const l of all) if (!byId.has(l.id)) byId.set(l.id, l);
    index = byId;
    fundingIndexes.set(all, index);
  }
  return index;
}


/** What a card needs beyond its row: where it is and its citation's context. */
interface FigureContext {
  source: (id: string) => SourceRef | null;
  area: (code: string) => { name: string; district: boolean };
  programmeName: string;
  promise: (dataset: HeadlineFigure['dataset'], id: string) => PromiseStatus | null;
}

/** A card from its parts; the district, promise and citation follow from them. */
function figureCard(card: Omit<HeadlineFigure, 'district' | 'promise' | 'citation' | 'source' | 'alsoIds'> & { areaCode: string; alsoIds?: string[] }, context: FigureContext): HeadlineFigure {
  const { areaCode, alsoIds = [], ...rest } = card;
  const area = context.area(areaCode);
  const promise = context.promise(card.dataset, card.id);
  const source = context.source(card.sourceId);
  const caveats = [...card.tags.filter((tag) => CITED_TAGS.has(tag)), ...(promise ? [`${promise.detail}`] : [])];
  return {
    ...rest,
    alsoIds,
    district: area.district ? area.name : null,
    promise,
    source,
    citation: figureCitation({ value: card.value.long === NO_FIGURE.long ? null : card.value.long, label: card.label, programme: context.programmeName, area: area.name, when: card.when, caveats, source, sourceId: card.sourceId }),
  };
}

/** How a row with no number and no words for one reads; its citation says "no figure published" instead. */
const NO_FIGURE = formatFigure(null, 'unquantified', 'count');

/** Tags that change what a figure means, so a pasted figure keeps them. */
const CITED_TAGS = new Set<string>([CATEGORY_LABEL.wider_investment, CATEGORY_LABEL.expected_investment, 'Expected, not yet achieved', 'Planned']);

function fundingTags(line: FundingLine, all: FundingLine[]): string[] {
  const tags: string[] = [];
  if (line.category !== 'skills') tags.push(CATEGORY_LABEL[line.category]);
  const whole = line.part_of ? fundingById(all).get(line.part_of) : undefined;
  if (whole) tags.push(`Part of: ${isolate(whole.component)} (${formatRowFigure('funding', whole).text})`);
  if (line.period_years !== null) tags.push(`Over ${formatCount(line.period_years)} years`);
  if (line.funder_type !== 'not_stated') tags.push(`Funder: ${isolate(line.funder)}`);
  // "Not stated" matters only where there is an amount to be new or not.
  if (line.new_money !== 'not_stated' || line.amount_gbp !== null) tags.push(NEW_MONEY_LABEL[line.new_money]);
  return tags;
}

function fundingFigure(line: FundingLine, all: FundingLine[], context: FigureContext): HeadlineFigure {
  return figureCard(
    {
      id: line.id,
      dataset: 'funding',
      areaCode: line.area_code,
      value: formatRowFigure('funding', line),
      label: line.component,
      when: `announced ${formatPartialDate(line.announced)}`,
      tags: fundingTags(line, all),
      note: line.note,
      sourceId: line.source_id,
    },
    context,
  );
}

/** "over 10 years from December 2024" for an expectation over a period, else "by March 2025" or "as of 2024". */
function completionWhen(c: Completion): string {
  if (c.period_years !== null) return `over ${formatCount(c.period_years)} years from ${formatPartialDate(c.as_of)}`;
  return `${MEASURE_IS_EXPECTATION[c.measure] || c.measure === 'completed' ? 'by' : 'as of'} ${formatPartialDate(c.as_of)}`;
}

/**
 * A funding line with no published amount that a count names in funded_by (same programme
 * and source) adds nothing a card of its own could show: its name and tags go on the
 * count's card. A line with an amount keeps its card; the count is tagged with it.
 */
function fundedLine(c: Completion, funding: FundingLine[]): { line: FundingLine; merged: boolean } | null {
  const line = c.funded_by ? funding.find((l) => l.id === c.funded_by && l.programme_id === c.programme_id) : undefined;
  if (!line) return null;
  return { line, merged: line.amount_gbp === null && line.source_id === c.source_id };
}

function completionFigure(c: Completion, funding: FundingLine[], all: FundingLine[], context: FigureContext): HeadlineFigure {
  const funded = fundedLine(c, funding);
  const tags = MEASURE_IS_EXPECTATION[c.measure] ? ['Expected, not yet achieved'] : [];
  const base = {
    id: c.id,
    dataset: 'completions' as const,
    areaCode: c.area_code,
    value: formatRowFigure('completions', c),
    label: MEASURE_LABEL[c.measure],
    when: completionWhen(c),
    note: c.note,
    sourceId: c.source_id,
  };
  if (!funded) return figureCard({ ...base, tags }, context);
  const { line, merged } = funded;
  if (!merged) return figureCard({ ...base, tags: [...tags, `Paid for by: ${line.component} (${formatRowFigure('funding', line).text})`] }, context);
  return figureCard(
    {
      ...base,
      alsoIds: [line.id],
      label: `${line.component}: ${MEASURE_LABEL[c.measure]}`,
      tags: [...tags, 'Funding amount not published', ...fundingTags(line, all)],
      note: [c.note, line.note].filter(Boolean).join(' ') || null,
    },
    context,
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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

/** The sectors a programme names, grouped by how it names them; the source's wording shown once, where it differs. */
function sectorGroups(programmeId: string, data: RowsByDataset, source: (id: string) => SourceRef | null): SectorGroup[] {
  const sectorLabel = new Map((data.sectors ?? []).map((s) => [s.sector_id, s.label]));
  const mentions = (data.sector_shortages ?? []).filter((s) => s.programme_id === programmeId);
  const relations = [...new Set(mentions.map((m) => m.relation))];
  return relations.map((relation) => {
    const ofRelation = mentions.filter((m) => m.relation === relation);
    return {
      relation: RELATION_LABEL[relation],
      mentions: ofRelation.map((m) => {
        const label = sectorLabel.get(m.sector) ?? m.sector;
        return { id: m.id, label, wording: m.term_used.trim().toLowerCase() === label.trim().toLowerCase() ? null : m.term_used };
      }),
      sources: [...new Set(ofRelation.map((m) => m.source_id))].map((sourceId) => ({ sourceId, source: source(sourceId) })),
    };
  });
}

function programmeHeadline(
  programme: Pick<Programme, 'programme_id' | 'programme_name'> & { summary: string | null },
  data: RowsByDataset,
  context: Omit<FigureContext, 'programmeName'>,
): ProgrammeHeadline {
  const id = programme.programme_id;
  const ctx: FigureContext = { ...context, programmeName: programme.programme_name };
  const allFunding = data.funding ?? [];
  const funding = allFunding.filter((l) => l.programme_id === id);
  const completions = (data.completions ?? []).filter((c) => c.programme_id === id);
  // A count with no number and no words for one only says that something happened.
  const isNote = (c: Completion) => c.value === null && c.stated_as === null && !MEASURE_IS_EXPECTATION[c.measure] && !fundedLine(c, funding)?.merged;
  const mergedLines = new Set(completions.map((c) => fundedLine(c, funding)).filter((f) => f?.merged).map((f) => f?.line.id));
  const figures: HeadlineFigure[] = [
    ...orderWholesFirst(funding)
      .filter((line) => !mergedLines.has(line.id))
      .map((line) => fundingFigure(line, allFunding, ctx)),
    ...completions.filter((c) => !isNote(c)).map((c) => completionFigure(c, funding, allFunding, ctx)),
    ...(data.schools_reached ?? [])
      .filter((s) => s.programme_id === id)
      .map((s) =>
        figureCard(
          {
            id: s.id,
            dataset: 'schools_reached',
            areaCode: s.area_code,
            value: formatRowFigure('schools_reached', s),
            label: SCHOOLS_STATUS_LABEL[s.status],
            when: `${s.status === 'planned' ? 'announced' : 'as of'} ${formatPartialDate(s.as_of)}`,
            tags: s.status === 'planned' ? ['Planned'] : [],
            note: s.note,
            sourceId: s.source_id,
          },
          ctx,
        ),
      ),
  ];
  const notes = completions.filter(isNote).map((c): ProgrammeNote => {
    const area = context.area(c.area_code);
    const where = area.district ? ` (${area.name})` : '';
    return { id: c.id, text: `${capitalise(MEASURE_LABEL[c.measure])}${where} ${completionWhen(c)}: no number is published.${c.note ? ` ${c.note}` : ''}`, sourceId: c.source_id, source: context.source(c.source_id) };
  });
  const itemRows = (data.programme_items ?? []).filter((i) => i.programme_id === id).sort((a, b) => a.position - b.position);
  const itemTypes = [...new Set(itemRows.map((i) => i.item_type))];
  return {
    id,
    name: programme.programme_name,
    summary: programme.summary,
    figures,
    notes,
    items: itemTypes.map((type) => {
      const ofType = itemRows.filter((i) => i.item_type === type);
      return { type, texts: ofType.map((i) => i.text), source: context.source(ofType[0]?.source_id ?? '') };
    }),
    sectors: sectorGroups(id, data, context.source),
  };
}

/** Headline figures for every combined authority, grouped by programme, in data order. */
export function buildHeadlines(data: RowsByDataset, today: Date = new Date()): RegionHeadline[] {
  const source = sourceLookup(data);
  const areas = new Map((data.areas ?? []).map((a) => [a.area_code, a]));
  const promises = new Map(buildPromises(data, today).map((p) => [`${p.dataset}:${p.id}`, p]));
  const context: Omit<FigureContext, 'programmeName'> = {
    source,
    area: (areaCode) => {
      const area = areas.get(areaCode);
      return { name: area?.short_name ?? areaCode, district: area?.area_type === 'local_authority' };
    },
    promise: (dataset, id) => promises.get(`${dataset}:${id}`) ?? null,
  };
  return combinedAuthorities(data).map(({ code, name, area }) => {
    const programmeIds = new Set(
      [...(data.funding ?? []), ...(data.completions ?? []), ...(data.schools_reached ?? []), ...(data.sector_shortages ?? [])]
        // A district's rows belong to its combined authority.
        .filter((row) => row.area_code === code || areas.get(row.area_code)?.parent_code === code)
        .map((row) => row.programme_id),
    );
    const known = (data.programmes ?? []).filter((p) => p.area_code === code || programmeIds.has(p.programme_id));
    // Figures whose programme row is unavailable still show, under their id.
    const unknown = [...programmeIds].filter((id) => !known.some((p) => p.programme_id === id)).map((id) => ({ programme_id: id, programme_name: id, summary: null }));
    return {
      code,
      name,
      populationText: area ? `Population ${formatCount(area.population)} in ${area.population_year} (${isolate(source(area.population_source_id)?.publisher ?? area.population_source_id)})` : null,
      programmes: [...known, ...unknown].map((p) => programmeHeadline(p, data, context)).filter((p) => p.figures.length + p.notes.length + p.items.length + p.sectors.length > 0),
    };
  });
}

/** One target or plan for the Promises list: what, where, its status and its source. */
export interface PromiseEntry extends PromiseStatus {
  areaName: string;
  programmeName: string;
  source: SourceRef | null;
}

/** Every target or plan in the data with its status on `today`, combined authority by combined authority. */
export function buildPromiseList(data: RowsByDataset, today: Date = new Date()): PromiseEntry[] {
  const source = sourceLookup(data);
  const areas = new Map((data.areas ?? []).map((a) => [a.area_code, a]));
  const programmes = new Map((data.programmes ?? []).map((p) => [p.programme_id, p.programme_name]));
  const order = combinedAuthorities(data).map((a) => a.code);
  const rank = (code: string) => {
    const at = order.indexOf(areas.get(code)?.parent_code ?? code);
    return at === -1 ? order.length : at;
  };
  return buildPromises(data, today)
    .map((p) => ({ ...p, areaName: areas.get(p.areaCode)?.short_name ?? p.areaCode, programmeName: programmes.get(p.programmeId) ?? p.programmeId, source: source(p.sourceId) }))
    .sort((a, b) => rank(a.areaCode) - rank(b.areaCode));
}

/**
 * The credit line for the populations in areas.csv, from their sources' rows:
 * "Population: Office for National Statistics, <title>, 28 June 2022." Null without areas.
 */
export function populationCredit(data: RowsByDataset): string | null {
  const source = sourceLookup(data);
  const credits = [...new Set((data.areas ?? []).map((area) => area.population_source_id))].map((id) => {
    const ref = source(id);
    return ref ? `${isolate(ref.publisher)}, ${isolate(ref.title)}, ${ref.publishedText}` : isolate(id);
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
