/**
 * deal-breakdown, the words: the generated summary (the chart's accessible description),
 * caption sentences, context notes, footnotes and the sources behind every figure.
 */
import { greatest } from 'd3-array';
import { isolate } from '../../data/bidi.ts';
import { countOf, formatList, plural } from '../../data/format.ts';
import { absentNotes, emptyText, noFiguresText } from '../regions.ts';
import type { ChartNoteList } from '../types.ts';
import { allLines, isMeasured, type DealBreakdownVM, type Measure } from './model.ts';

const MEASURE_IN_WORDS: Record<Measure, string> = {
  total: 'in pounds',
  per_resident: 'in pounds per resident',
  per_resident_per_year: 'in pounds per resident per year',
};

const FUNDING_WHAT = 'funding announcements';

export function dealSummary(vm: DealBreakdownVM): string {
  const sentences: string[] = [];
  const lines = allLines(vm);
  const absent = vm.absent.map((area) => noFiguresText(FUNDING_WHAT, area));
  if (lines.length === 0) return absent.join(' ');
  sentences.push(`Skills funding as announced, ${MEASURE_IN_WORDS[vm.measure]}.`);
  for (const area of vm.areas) {
    const areaLines = area.programmes.flatMap((p) => p.lines);
    if (areaLines.length === 0) {
      sentences.push(`${isolate(area.info.name)}: no skills funding lines in the data.`);
      continue;
    }
    const years = area.announcedYears.length > 0 ? ` announced in ${formatList(area.announcedYears.map(String))}` : '';
    const count = countOf(area.total.countedIds.length, 'line', 'lines');
    let sentence = area.total.figure
      ? `${isolate(area.info.name)}: ${area.total.figure.long} in total from ${count}${years}`
      : `${isolate(area.info.name)}: ${count}${years}, with no total because ${area.total.unavailableReason ?? 'no figure is available'}`;
    const shares = areaLines.filter((line) => line.role === 'funder_share' && line.status === 'ok');
    if (shares.length > 0) sentence += `; by funder, ${formatList(shares.map((line) => `${line.figure.long} from ${isolate(line.funder)}`))}`;
    sentences.push(`${sentence}.`);
    const unquantified = areaLines.filter((line) => line.status === 'not_quantified');
    if (unquantified.length > 0) {
      const names = unquantified.map((line) => (line.statedAs ? `${isolate(line.component)} (described as “${isolate(line.statedAs)}”)` : isolate(line.component)));
      sentences.push(`${countOf(unquantified.length, 'item', 'items')} ${plural(unquantified.length, 'has', 'have')} no published amount: ${formatList(names)}.`);
    }
    const noPeriod = areaLines.filter((line) => line.status === 'period_not_published');
    if (noPeriod.length > 0) sentences.push(`No period is published for ${formatList(noPeriod.map((line) => isolate(line.component)))}, so no yearly figure is given.`);
    const partly = areaLines.filter((line) => line.newMoney === 'partly');
    if (partly.length > 0) {
      const named = partly.map((line) => `${isolate(line.component)}${line.figure.quantified ? ` (${line.figure.long})` : ''}`);
      sentences.push(`Only partly new money, as the sources say: ${formatList(named)}; some of it was announced or budgeted before.`);
    }
  }
  sentences.push(...absent);
  const measured = lines.filter(isMeasured);
  const only = soleMeasuredLine(vm);
  const largest = greatest(measured, (line) => line.measureValue);
  // "Largest" needs something to be larger than: with one computable line, say it is the only one.
  if (only) sentences.push(`Only one line can be shown ${MEASURE_IN_WORDS[vm.measure]}: ${isolate(only.programmeName)}, ${isolate(only.component)} (${only.figure.long}).`);
  else if (largest && measured.length > 1) sentences.push(`The largest single line is ${isolate(largest.programmeName)}, ${isolate(largest.component)} (${largest.figure.long}).`);
  if (vm.context.length > 0) {
    sentences.push(`Not counted as skills funding and not drawn: ${formatList(vm.context.map((line) => `${line.figure.long} ${isolate(line.component.toLowerCase())} for ${isolate(line.programmeName)}`))}.`);
  }
  return sentences.join(' ');
}

/** The one line that can be drawn in this measure when the others cannot (no period or no population); null otherwise. */
function soleMeasuredLine(vm: DealBreakdownVM) {
  const lines = allLines(vm);
  const measured = lines.filter(isMeasured);
  return measured.length === 1 && lines.length > 1 ? (measured[0] ?? null) : null;
}

export function dealCaption(vm: DealBreakdownVM): string[] {
  const sentences: string[] = [];
  const only = soleMeasuredLine(vm);
  if (only) {
    // The axis runs to the one value drawn, so its bar fills the panel whatever its size.
    sentences.push(`Only one line can be computed ${MEASURE_IN_WORDS[vm.measure]} (${isolate(only.component)}, ${isolate(only.programmeName)}); the others are listed, not drawn. The scale runs to that one value, so its bar’s length is not a comparison.`);
  }
  const yearsByArea = vm.areas.filter((area) => area.announcedYears.length > 0).map((area) => `${isolate(area.info.name)} ${formatList(area.announcedYears.map(String))}`);
  const distinctYears = new Set(vm.areas.flatMap((area) => area.announcedYears));
  if (distinctYears.size > 1) {
    sentences.push(`The announcements come from different years (${yearsByArea.join('; ')}), and amounts are as announced, not adjusted for inflation.`);
  }
  if (vm.measure !== 'total') {
    sentences.push(
      vm.denominatorTexts.length > 0
        ? `Per resident: each amount divided by its area’s ${formatList(vm.denominatorTexts)}.`
        : 'Per resident figures need areas.csv, which could not be used, so none are shown.',
    );
  }
  if (vm.measure === 'per_resident_per_year') {
    sentences.push('Per year: divided by the number of years the source says the money covers. Lines with no published period are listed, not estimated.');
  }
  return sentences;
}

/** Said instead of an empty drawing when neither chosen region has a funding line. */
export function dealEmpty(vm: DealBreakdownVM): string | null {
  return emptyText(FUNDING_WHAT, vm.absent, vm.areas.length);
}

export function dealNotes(vm: DealBreakdownVM): ChartNoteList[] {
  const lists = absentNotes(FUNDING_WHAT, vm.absent, vm.areas.length);
  if (vm.context.length === 0) return lists;
  return [
    ...lists,
    {
      heading: 'Context: not skills funding, so not drawn or counted',
      items: vm.context.map((line) => ({
        id: line.id,
        text: `${isolate(line.regionName)}, ${isolate(line.programmeName)}: ${isolate(line.component)}, ${line.figure.long}${line.periodYears !== null ? ` over ${countOf(line.periodYears, 'year', 'years')}` : ''}. ${line.categoryLabel}.`,
      })),
    },
  ];
}

export function dealSourceIds(vm: DealBreakdownVM): string[] {
  const ids = [...allLines(vm).map((line) => line.sourceId), ...vm.context.map((line) => line.sourceId), ...vm.denominators.map((info) => info.populationSourceId ?? '')];
  return [...new Set(ids.filter(Boolean))];
}

export function dealFootnotes(vm: DealBreakdownVM): string[] {
  const notes = allLines(vm)
    .filter((line) => line.note)
    .map((line) => `${isolate(line.component)} (${isolate(line.programmeName)}): ${isolate(line.note ?? '')}`);
  const population = vm.denominators.filter((info) => info.note).map((info) => `${isolate(info.name)} population: ${isolate(info.note ?? '')}`);
  return [...notes, ...new Set(population)];
}
