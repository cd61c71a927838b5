/**
 * deal-breakdown, what is drawn and tabulated: one row group per area (heading, each
 * programme, its lines, and labelled groups of parts), the Plot options, the table and
 * the key.
 */
import { max } from 'd3-array';
import { isolate } from '../../data/bidi.ts';
import { capitalise, formatCount, formatList, formatPartialDate } from '../../data/format.ts';
import { FUNDER_TYPE_LABEL, NEW_MONEY_LABEL } from '../../data/labels.ts';
import { moneyTick } from '../figures.ts';
import { FUNDER_COLOUR, MUTED } from '../palette.ts';
import { layoutRows, rowPlotOptions, type RowGroup, type RowSpec } from '../rows.ts';
import type { ChartTable, LegendEntry } from '../types.ts';
import { allLines, isMeasured, MEASURE_LABEL, TITLE, type AreaTotal, type DealBreakdownVM, type DealLine, type LineRole } from './model.ts';

function statusMarker(line: DealLine): string | null {
  if (line.status === 'ok') return null;
  if (line.status === 'not_quantified') return line.statedAs ? `Not quantified: described as “${isolate(line.statedAs)}”` : 'Not quantified: no amount published';
  return capitalise(line.figure.long);
}

function lineDetail(line: DealLine): string {
  // Data text is isolated so it cannot reorder the figures drawn beside it (issue 19).
  const parts = [isolate(line.funder)];
  if (line.paidFromLabel) parts.push(`paid from ${isolate(line.paidFromLabel)}`);
  return parts.join(' · ');
}

function lineRow(line: DealLine): RowSpec {
  const common = { id: line.id, detail: lineDetail(line), marker: statusMarker(line) };
  if (!isMeasured(line)) return { ...common, kind: 'listed', label: line.component, bar: null };
  return { ...common, kind: 'bar', label: `${isolate(line.component)}: ${line.figure.text}`, bar: { value: line.measureValue, style: line.ceiling ? 'ceiling' : 'solid', colour: FUNDER_COLOUR[line.funderType] } };
}

function notQuantifiedExtra(total: AreaTotal, separator: string): string {
  return total.notQuantifiedIds.length > 0 ? `${separator}plus ${formatCount(total.notQuantifiedIds.length)} not quantified` : '';
}

function totalText(total: AreaTotal, vm: DealBreakdownVM): string {
  const extra = notQuantifiedExtra(total, ' ');
  const heading = vm.measure === 'total' ? 'Skills funding total' : `Skills funding total, ${MEASURE_LABEL[vm.measure]}`;
  if (!total.figure) return `${heading}: not available because ${total.unavailableReason ?? 'no figure is published'}${extra}`;
  return `${heading}: ${total.figure.text}${extra}`;
}

/** One row group per area, in the order the chart draws them. */
export function dealRowGroups(vm: DealBreakdownVM): RowGroup[] {
  return vm.areas.map((area) => {
    const rows: RowSpec[] = [{ id: `heading-${area.info.code}`, kind: 'heading', label: area.info.name, detail: totalText(area.total, vm), bar: null, marker: null }];
    for (const programme of area.programmes) {
      const announced = [...new Set(programme.lines.map((line) => formatPartialDate(line.announced)))];
      rows.push({ id: `programme-${programme.id}`, kind: 'subheading', label: programme.name, detail: `Announced ${formatList(announced)}`, bar: null, marker: null });
      const byId = new Map(programme.lines.map((line) => [line.id, line]));
      let previousRole: LineRole | null = null;
      for (const line of programme.lines) {
        if (line.role !== previousRole && (line.role === 'funder_share' || line.role === 'component')) {
          const whole = line.partOf === null ? undefined : byId.get(line.partOf);
          const wholeText = whole ? (whole.status === 'ok' ? `${isolate(whole.component)} (${whole.figure.text})` : isolate(whole.component)) : 'the line above';
          rows.push({
            id: `parts-${line.role}-${line.partOf ?? line.id}`,
            kind: 'subheading',
            label: line.role === 'funder_share' ? 'Split by funder' : 'What it pays for',
            detail: `Parts of ${wholeText}: shown beside it, not added to it`,
            bar: null,
            marker: null,
          });
        }
        previousRole = line.role;
        rows.push(lineRow(line));
      }
    }
    return { key: area.info.code, rows };
  });
}

export function dealPlotOptions(vm: DealBreakdownVM, size: { width: number }) {
  const layout = layoutRows(dealRowGroups(vm), size.width);
  const maxValue = Math.max(0, max(allLines(vm), (line) => line.measureValue ?? 0) ?? 0);
  return rowPlotOptions(layout, { width: size.width, maxValue, tickFormat: moneyTick(vm.unit), ariaLabel: `${TITLE} (${MEASURE_LABEL[vm.measure]})` });
}

const ROLE_TEXT: Record<LineRole, string> = {
  whole: 'Whole (parts listed below it)',
  standalone: 'Stand-alone line',
  funder_share: 'Share by funder',
  component: 'Component',
};

function relationText(line: DealLine): string {
  if (line.partOfLabel) return `${ROLE_TEXT[line.role]} of ${line.partOfLabel}`;
  if (line.paidFromLabel) return `${ROLE_TEXT[line.role]}, paid from ${line.paidFromLabel}`;
  return ROLE_TEXT[line.role];
}

export function dealTable(vm: DealBreakdownVM): ChartTable {
  const rows = vm.areas.flatMap((area) => [
    ...area.programmes.flatMap((programme) =>
      programme.lines.map((line) => ({
        id: line.id,
        cells: [line.component, line.figure.long, area.info.name, programme.name, relationText(line), line.funder, NEW_MONEY_LABEL[line.newMoney], formatPartialDate(line.announced)],
        numbers: [{ column: 1, value: line.measureValue, qualifier: line.qualifier }],
      })),
    ),
    {
      id: `total-${area.info.code}`,
      cells: [
        'Total skills funding in the data',
        area.total.figure ? `${area.total.figure.long}${notQuantifiedExtra(area.total, ', ')}` : `not available because ${area.total.unavailableReason ?? 'no figure is published'}`,
        area.info.name,
        '',
        'Sum of wholes and stand-alone lines; parts are not added again',
        '',
        '',
        '',
      ],
      numbers: area.total.value ? [{ column: 1, value: area.total.value.value, qualifier: area.total.value.qualifier }] : [],
    },
  ]);
  return {
    caption: `Skills funding lines by area, ${MEASURE_LABEL[vm.measure]}`,
    columns: ['Item', MEASURE_LABEL[vm.measure], 'Area', 'Programme', 'How it relates', 'Funder', 'New money?', 'Announced'],
    rows,
  };
}

export function dealLegend(vm: DealBreakdownVM): LegendEntry[] {
  const lines = allLines(vm);
  const drawn = lines.filter(isMeasured);
  const funderTypes = [...new Set(drawn.map((line) => line.funderType))];
  const entries: LegendEntry[] = funderTypes.map((type) => ({ label: FUNDER_TYPE_LABEL[type], swatch: { kind: 'bar', colour: FUNDER_COLOUR[type] } }));
  if (drawn.some((line) => line.ceiling)) entries.push({ label: 'Outlined bar: an upper limit (“up to”)', swatch: { kind: 'ceiling', colour: MUTED } });
  if (lines.some((line) => line.status !== 'ok')) entries.push({ label: 'No bar: not quantified, or not computable', swatch: { kind: 'symbol', colour: MUTED, symbol: 'hollow-diamond' } });
  return entries;
}
