/**
 * The licence and attribution lines printed under every exported image, matching the
 * dashboard's own footer: figures come from the publishers named, population from the ONS.
 */
export const LICENCE_LINES: readonly string[] = [
  'Figures as published by the sources named above; see each source for its terms.',
  'Population: Office for National Statistics, Census 2021. Contains public sector information licensed under the Open Government Licence v3.0.',
];
