/**
 * Area facts the charts share: which combined authority a row belongs to, display
 * names and populations. Everything comes from areas.csv; when that file is
 * unavailable, codes stand in for names and per-resident figures say so.
 */
import type { Area } from '../data/schema.ts';
import type { ChartInput } from './types.ts';

export interface AreaInfo {
  code: string;
  /** Short name for headings and labels ("West Midlands"); the code when areas.csv is unavailable. */
  name: string;
  population: number | null;
  populationYear: number | null;
  populationSourceId: string | null;
  note: string | null;
}

export interface AreaIndex {
  /** Combined authorities in areas.csv order, then any other top-level codes the rows use. */
  regions(usedCodes: Iterable<string>): AreaInfo[];
  /** The combined authority a code belongs to (itself, or a district's parent). */
  regionOf(code: string): string;
  info(code: string): AreaInfo;
}

function toInfo(area: Area): AreaInfo {
  return {
    code: area.area_code,
    name: area.short_name,
    population: area.population,
    populationYear: area.population_year,
    populationSourceId: area.population_source_id,
    note: area.note,
  };
}

export function areaIndex(data: ChartInput): AreaIndex {
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
    regions(usedCodes) {
      const known = areas.filter((area) => area.area_type === 'combined_authority').map((area) => area.area_code);
      const extra = [...new Set([...usedCodes].map(regionOf))].filter((code) => !known.includes(code));
      return [...known, ...extra].map(info);
    },
  };
}
