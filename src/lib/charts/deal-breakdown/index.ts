/**
 * deal-breakdown: each combined authority's skills funding lines, split by funder and by
 * what they pay for, in £, £ per resident or £ per resident per year. Parts are drawn
 * beside their whole and never added to it; ceilings are outlined; unquantified lines are
 * listed by name; wider investment is listed as context, off the scale.
 *
 * model.ts builds the view-model, rows.ts what is drawn and tabulated, text.ts the words.
 */
import { defineChart } from '../define.ts';
import { DEAL_CONTROLS, dealBreakdownViewModel, TITLE } from './model.ts';
import { dealLegend, dealPlotOptions, dealTable } from './rows.ts';
import { dealCaption, dealEmpty, dealFootnotes, dealNotes, dealSourceIds, dealSummary } from './text.ts';

export * from './model.ts';
export * from './rows.ts';
export * from './text.ts';

export const dealBreakdown = defineChart({
  id: 'deal-breakdown',
  title: TITLE,
  subtitle: 'Each chosen area’s skills funding as announced, split by funder and by what it pays for',
  requires: ['funding'],
  uses: ['areas', 'programmes', 'sources'],
  controls: DEAL_CONTROLS,
  viewModel: dealBreakdownViewModel,
  plotOptions: dealPlotOptions,
  tableRows: dealTable,
  summary: dealSummary,
  caption: dealCaption,
  legend: dealLegend,
  notes: dealNotes,
  sourceIds: dealSourceIds,
  footnotes: dealFootnotes,
  empty: dealEmpty,
});
