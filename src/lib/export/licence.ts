/**
 * The licence and attribution lines printed under every exported image, matching the
 * dashboard's own footer: figures, populations included, come from the publishers named.
 */
export const LICENCE_LINES: readonly string[] = [
  'Figures as published by the sources named above; see each source for its terms.',
  // Population sources are named with the chart's other sources, from the data.
  'Contains public sector information licensed under the Open Government Licence v3.0.',
];
