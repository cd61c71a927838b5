/**
 * Area facts, read once from areas.csv: the combined authorities, the districts of each,
 * names for headings and labels (short_name), and populations. Pure. When areas.csv is
 * unavailable, codes stand in for names and populations are unknown.
 */
import type { Area, RowsByDataset } from './schema.ts';

export interface AreaInfo {
  code: string;
  /** Short name for headings and labels ("West Midlands"); the code when areas.csv is unavailable. */
  name: string;
  population: number | null;
  populationYear: number | null;
  populationSourceId: string | null;
  note: string | null;
}

export interface CombinedAuthority {
  code: string;
  /** Official name ("West Midlands Combined Authority"); the code when areas.csv is unavailable. */
  name: string;
  /** Name for headings, pickers and charts ("West Midlands"). */
  shortName: string;
  area: Area | null;
}

export interface AreaIndex {
  /** Combined authorities in areas.csv order, then any other top-level codes the rows use. */
  regions(usedCodes: Iterable<string>): AreaInfo[];
  /** The combined authority a code belongs to (itself, or a district's parent). */
  regionOf(code: string): string;
  info(code: string): AreaInfo;
  /** The short name of an area, or its code when areas.csv does not list it. */
  nameOf(code: string): string;
}

/** The name an area goes by on screen: its short_name. */
export function displayName(area: Pick<Area, 'short_name'>): string {
  return area.short_name;
}

function toInfo(area: Area): AreaInfo {
  return {
    code: area.area_code,
    name: displayName(area),
    population: area.population,
    populationYear: area.population_year,
    populationSourceId: area.population_source_id,
    note: area.note,
  };
}

export function areaIndex(data: RowsByDataset): AreaIndex {
  const areas = data.areas ?? [];
  const byCode = new Map(areas.map((area) => [area.area_code, area]));
  const regionOf = (code: string) => byCode.get(code)?.parent_code ?? code;
  const info = (code: string): AreaInfo => {
    const area = byCode.get(code);
    return area ? toInfo(area) : { code, name: code, population: null, populationYear: null, populationSourceId: null, note: null };
  };
  return {
    regionOf,
    info,
    nameOf: (code) => {
      const area = byCode.get(code);
      return area ? displayName(area) : code;
    },
    regions(usedCodes) {
      const known = areas.filter((area) => area.area_type === 'combined_authority').map((area) => area.area_code);
      const knownSet = new Set(known);
      const extra = [...new Set([...usedCodes].map(regionOf))].filter((code) => !knownSet.has(code));
      return [...known, ...extra].map(info);
    },
  };
}

/** Combined authorities in data order; falls back to the codes figures use when areas.csv is unavailable. */
export function combinedAuthorities(data: RowsByDataset): CombinedAuthority[] {
  if (data.areas) {
    return data.areas.filter((a) => a.area_type === 'combined_authority').map((a) => ({ code: a.area_code, name: a.area_name, shortName: displayName(a), area: a }));
  }
  const codes = new Set([...(data.funding ?? []), ...(data.completions ?? []), ...(data.schools_reached ?? []), ...(data.programmes ?? [])].map((r) => r.area_code));
  return [...codes].map((code) => ({ code, name: code, shortName: code, area: null }));
}

/** Districts of a combined authority, in areas.csv order. */
export function districtsOf(data: RowsByDataset, regionCode: string): Area[] {
  return (data.areas ?? []).filter((area) => area.area_type === 'local_authority' && area.parent_code === regionCode);
}
