/**
 * Promises tracked: every target or plan in the data (expected completions, expected jobs,
 * planned schools, expected investment) checked against today's date and the outcome
 * figures the data publish. Pure: "today" is a parameter, so tests fix it and the views
 * pass the clock's.
 *
 * A target's outcome is found through the data only: rows of the same area and programme
 * whose measure (or status) is the target's outcome measure in labels.ts.
 */
import { formatFigure, formatPartialDate, type FigureUnit, type FormattedFigure } from './format.ts';
import { CATEGORY_OUTCOME, MEASURE_LABEL, MEASURE_OUTCOME, SCHOOLS_STATUS_LABEL, SCHOOLS_STATUS_OUTCOME } from './labels.ts';
import type { Qualifier, RowsByDataset } from './schema.ts';

/** A figure row reduced to what a promise check needs; targets and outcomes share it. */
export interface CheckedFigure {
  id: string;
  dataset: 'funding' | 'completions' | 'schools_reached';
  areaCode: string;
  programmeId: string;
  value: number | null;
  qualifier: Qualifier;
  statedAs: string | null;
  unit: FigureUnit;
  /** Partial ISO date the figure refers to. */
  date: string;
  sourceId: string;
}

export interface Target extends CheckedFigure {
  /** What is promised: "expected to have completed". */
  label: string;
  /** When it is due (partial ISO), or null when the data give no target date. */
  due: string | null;
  /** When the target was set (partial ISO): outcomes before it cannot settle a target with no date. */
  setOn: string;
  /** For a target over a period, its length: the period starts at setOn and it is due at the end. */
  periodYears: number | null;
  /** Which rows record the outcome; null when the schema has no outcome measure for it. */
  isOutcome: ((row: CheckedFigure & { kind: string }) => boolean) | null;
}

export type PromiseState = 'met' | 'met_late' | 'not_met' | 'undetermined' | 'overdue' | 'due' | 'no_date' | 'no_number';

export interface PromiseStatus {
  /** The target row's id. */
  id: string;
  dataset: CheckedFigure['dataset'];
  areaCode: string;
  programmeId: string;
  label: string;
  target: FormattedFigure;
  /** The promise in words: "6,500 expected to have completed by March 2025", "8,000 jobs expected over 10 years from December 2024". */
  what: string;
  dueText: string | null;
  state: PromiseState;
  /** Short status for a badge: "Met", "Target date passed", "Due December 2034". */
  headline: string;
  /** One or two sentences saying what the data show, with the figures compared; starts with the headline. */
  detail: string;
  /** The detail after its opening headline words, so a view can set the headline in bold. */
  rest: string;
  /** The outcome row the verdict rests on, or the latest progress figure; null when there is none. */
  outcomeId: string | null;
  sourceId: string;
}

/** A row with the measure or status it records, for matching outcomes. */
type KindedFigure = CheckedFigure & { kind: string };

const MS_PER_DAY = 86_400_000;

/** The half-open interval [start, end) a partial ISO date names, in UTC milliseconds. */
export function partialDateInterval(iso: string): { start: number; end: number } | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[3]) {
    const start = Date.UTC(year, Number(match[2]) - 1, Number(match[3]));
    return { start, end: start + MS_PER_DAY };
  }
  if (match[2]) {
    const month = Number(match[2]) - 1;
    return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) };
  }
  return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
}

/** The end of a period that starts on a partial date: "2024-12" plus 10 years → "2034-12", same precision. */
export function addYears(iso: string, years: number): string {
  const [year, ...rest] = iso.split('-');
  return [String(Number(year) + years).padStart(4, '0'), ...rest].join('-');
}

/** Every row of the figure files, in the shape the checks use. */
function figures(data: RowsByDataset): KindedFigure[] {
  return [
    ...(data.completions ?? []).map((c): KindedFigure => ({ id: c.id, dataset: 'completions', kind: c.measure, areaCode: c.area_code, programmeId: c.programme_id, value: c.value, qualifier: c.qualifier, statedAs: c.stated_as, unit: 'count', date: c.as_of, sourceId: c.source_id })),
    ...(data.schools_reached ?? []).map((s): KindedFigure => ({ id: s.id, dataset: 'schools_reached', kind: s.status, areaCode: s.area_code, programmeId: s.programme_id, value: s.schools_and_colleges, qualifier: s.qualifier, statedAs: s.stated_as, unit: 'count', date: s.as_of, sourceId: s.source_id })),
    ...(data.funding ?? []).map((f): KindedFigure => ({ id: f.id, dataset: 'funding', kind: f.category, areaCode: f.area_code, programmeId: f.programme_id, value: f.amount_gbp, qualifier: f.qualifier, statedAs: f.stated_as, unit: 'gbp', date: f.announced, sourceId: f.source_id })),
  ];
}

/** An outcome matcher: same dataset, area and programme, and the outcome measure. */
function outcomeOf(target: CheckedFigure, outcomeKind: string | null | undefined): Target['isOutcome'] {
  if (outcomeKind === null || outcomeKind === undefined) return null;
  return (row) => row.dataset === target.dataset && row.areaCode === target.areaCode && row.programmeId === target.programmeId && row.kind === outcomeKind && row.id !== target.id;
}

/**
 * The targets in the data. Dates follow the schema: a completions target's as_of is its
 * target date (with period_years, the start of the period, so it is due at the period's
 * end); a planned schools row's as_of is when the plan was announced, so it has no target
 * date; an expected investment is due at the end of its period, if one is published.
 */
export function targetsIn(data: RowsByDataset): Target[] {
  const targets: Target[] = [];
  for (const c of data.completions ?? []) {
    if (!Object.hasOwn(MEASURE_OUTCOME, c.measure)) continue;
    const base: CheckedFigure = { id: c.id, dataset: 'completions', areaCode: c.area_code, programmeId: c.programme_id, value: c.value, qualifier: c.qualifier, statedAs: c.stated_as, unit: 'count', date: c.as_of, sourceId: c.source_id };
    targets.push({ ...base, label: MEASURE_LABEL[c.measure], due: c.period_years !== null ? addYears(c.as_of, c.period_years) : c.as_of, setOn: c.as_of, periodYears: c.period_years, isOutcome: outcomeOf(base, MEASURE_OUTCOME[c.measure]) });
  }
  for (const s of data.schools_reached ?? []) {
    if (!Object.hasOwn(SCHOOLS_STATUS_OUTCOME, s.status)) continue;
    const base: CheckedFigure = { id: s.id, dataset: 'schools_reached', areaCode: s.area_code, programmeId: s.programme_id, value: s.schools_and_colleges, qualifier: s.qualifier, statedAs: s.stated_as, unit: 'count', date: s.as_of, sourceId: s.source_id };
    targets.push({ ...base, label: SCHOOLS_STATUS_LABEL[s.status], due: null, setOn: s.as_of, periodYears: null, isOutcome: outcomeOf(base, SCHOOLS_STATUS_OUTCOME[s.status]) });
  }
  for (const f of data.funding ?? []) {
    if (!Object.hasOwn(CATEGORY_OUTCOME, f.category)) continue;
    const base: CheckedFigure = { id: f.id, dataset: 'funding', areaCode: f.area_code, programmeId: f.programme_id, value: f.amount_gbp, qualifier: f.qualifier, statedAs: f.stated_as, unit: 'gbp', date: f.announced, sourceId: f.source_id };
    targets.push({ ...base, label: lowerFirst(f.component), due: f.period_years !== null ? addYears(f.announced, f.period_years) : null, setOn: f.announced, periodYears: f.period_years, isOutcome: outcomeOf(base, CATEGORY_OUTCOME[f.category]) });
  }
  return targets;
}

type Verdict = 'met' | 'not_met' | 'unknown';

/**
 * Whether an outcome proves a target met, proves it missed, or neither. A floor ("more
 * than 4,000") proves met only when the floor itself reaches the target, and never proves
 * a miss; a ceiling ("up to") proves a miss only when it falls short; "about" the target
 * itself settles nothing; an outcome with no number settles nothing. A target that is
 * itself a ceiling is not missed by falling short of it.
 */
export function compareOutcome(target: Pick<CheckedFigure, 'value' | 'qualifier'>, outcome: Pick<CheckedFigure, 'value' | 'qualifier'>): Verdict {
  const goal = target.value;
  const got = outcome.value;
  if (goal === null || got === null || target.qualifier === 'unquantified' || outcome.qualifier === 'unquantified') return 'unknown';
  // A "more than V" target needs more than V; any other needs V or more.
  const reaches = (n: number) => (target.qualifier === 'more_than' ? n > goal : n >= goal);
  let verdict: Verdict;
  switch (outcome.qualifier) {
    case 'exact':
      verdict = reaches(got) ? 'met' : 'not_met';
      break;
    case 'about':
      verdict = got === goal ? 'unknown' : reaches(got) ? 'met' : 'not_met';
      break;
    case 'more_than':
      // The true figure is above `got`, so a floor at the goal already clears "more than" it.
      verdict = got >= goal ? 'met' : 'unknown';
      break;
    case 'up_to':
      verdict = reaches(got) ? 'unknown' : 'not_met';
      break;
  }
  if (verdict === 'not_met' && target.qualifier === 'up_to') return 'unknown';
  return verdict;
}

const format = (f: CheckedFigure) => formatFigure(f.value, f.qualifier, f.unit, f.statedAs);
/** "more than 4,000 (March 2024)" */
const figureAt = (f: CheckedFigure) => `${format(f).long} (${formatPartialDate(f.date)})`;

function byDate(a: CheckedFigure, b: CheckedFigure): number {
  const ia = partialDateInterval(a.date);
  const ib = partialDateInterval(b.date);
  return (ia?.end ?? 0) - (ib?.end ?? 0) || (ia?.start ?? 0) - (ib?.start ?? 0);
}

/**
 * The status of one target on `today`, given every row of the data (outcomes are picked
 * from them). Rules, in order:
 * - no number set: say so, with the date;
 * - an outcome dated on or before the target date (or, with no date, after the target was
 *   set) that proves it met: met;
 * - date passed: the first outcome dated in or after the target's period settles it (met
 *   after the date, not met, or undecidable); with none, "Target date passed";
 * - otherwise due, or no date; the latest figure so far is named as progress.
 */
export function promiseStatus(target: Target, rows: readonly KindedFigure[], today: Date): PromiseStatus {
  const base = { id: target.id, dataset: target.dataset, areaCode: target.areaCode, programmeId: target.programmeId, label: target.label, target: format(target), sourceId: target.sourceId };
  const dueText = target.due ? formatPartialDate(target.due) : null;
  const due = target.due ? partialDateInterval(target.due) : null;
  const setOn = partialDateInterval(target.setOn);
  const now = today.getTime();
  const passed = due !== null && now >= due.end;
  const what = promiseWhat(target, base.target, dueText);
  const result = (state: PromiseState, headline: string, detail: string, outcome: CheckedFigure | null = null): PromiseStatus => {
    if (!detail.startsWith(headline)) throw new Error(`A promise's detail must open with its headline ("${headline}").`);
    return { ...base, what, dueText, state, headline, detail, rest: detail.slice(headline.length), outcomeId: outcome?.id ?? null };
  };
  const outcomes = (target.isOutcome ? rows.filter(target.isOutcome) : []).filter((r) => partialDateInterval(r.date) !== null).sort(byDate);
  const noOutcomeMeasure = target.isOutcome === null ? ' The data have no measure for this outcome yet.' : '';
  const targetText = `${base.target.long}${dueText ? ` by ${dueText}` : ''}`;

  if (target.value === null || target.qualifier === 'unquantified') {
    const when = dueText ? `; its target date (${dueText}) ${passed ? 'has passed' : 'is ahead'}` : '';
    return result('no_number', 'No number was set', `No number was set, so the data cannot show whether it was met${when}.`);
  }

  const start = (r: CheckedFigure) => partialDateInterval(r.date)?.start ?? 0;
  // Outcomes that count towards the promise: by its date, or after it was made when it has none.
  const inTime = outcomes.filter((r) => (due ? start(r) < due.end : setOn ? start(r) >= setOn.start : false));
  const metBy = inTime.find((r) => compareOutcome(target, r) === 'met');
  if (metBy) return result('met', 'Met', `Met: ${figureAt(metBy)} against a target of ${targetText}.`, metBy);

  const latest = inTime.at(-1) ?? null;
  if (passed && due) {
    const settling = outcomes.find((r) => (partialDateInterval(r.date)?.end ?? 0) >= due.end);
    if (settling) {
      const verdict = compareOutcome(target, settling);
      if (verdict === 'not_met') return result('not_met', 'Not met', `Not met: ${figureAt(settling)} against a target of ${targetText}.`, settling);
      if (verdict === 'met') return result('met_late', 'Reached after the target date', `Reached after the target date: ${figureAt(settling)} against a target of ${targetText}. Whether it was reached by ${dueText} is not published.`, settling);
      return result('undetermined', 'Cannot tell if met', `Cannot tell if met: the data give ${figureAt(settling)} against a target of ${targetText}.`, settling);
    }
    const progress = latest ? ` The latest figure before it is ${figureAt(latest)}${compareOutcome(target, latest) === 'unknown' ? '' : ', short of the target'}.` : '';
    return result('overdue', 'Target date passed', `Target date passed (${dueText}): no outcome is published in the data.${progress}${noOutcomeMeasure}`, latest);
  }

  const progress = latest ? ` Latest figure: ${figureAt(latest)}.` : '';
  const period = target.periodYears !== null ? `, the end of its ${target.periodYears}-year period` : '';
  if (due) return result('due', `Due ${dueText}`, `Due ${dueText}${period}.${progress}${noOutcomeMeasure}`, latest);
  const none = latest ? progress : ` No later figure is published in the data.${noOutcomeMeasure}`;
  return result('no_date', 'No target date', `No target date is published (announced ${formatPartialDate(target.setOn)}).${none}`, latest);
}

/** "Investment expected…" → "investment expected…", leaving names and acronyms ("KQ", "SMEs") alone. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** The promise in words, with its date or period. */
function promiseWhat(target: Target, value: FormattedFigure, dueText: string | null): string {
  const figure = value.quantified ? `${value.long} ${target.label}` : `${target.label.charAt(0).toUpperCase()}${target.label.slice(1)}, no number published,`;
  if (target.periodYears !== null) return `${figure} over ${target.periodYears} years from ${formatPartialDate(target.setOn)}`;
  if (dueText) return `${figure} by ${dueText}`;
  return `${figure.replace(/,$/, '')}, announced ${formatPartialDate(target.setOn)}`;
}

/** Every target in the data with its status on `today`, in data order. */
export function buildPromises(data: RowsByDataset, today: Date): PromiseStatus[] {
  const rows = figures(data);
  return targetsIn(data).map((target) => promiseStatus(target, rows, today));
}
