/**
 * Checks of areas.csv as a whole: the hierarchy (districts sit directly under a combined
 * authority, nothing loops) and each combined authority's population against the sum of
 * its districts. Pure; called from validateReferences. Linear in rows.
 */
import { formatCount } from './format.ts';
import type { DataIssue } from './issues.ts';
import type { Area } from './schema.ts';

const FILE = 'areas.csv';

function issue(area: Area, column: string, value: string | null, expected: string, hint: string): DataIssue {
  return { severity: 'error', file: FILE, line: area._line, column, value, expected, hint };
}

/** Rows whose parent_code chain comes back to themselves; each chain is walked once. */
function rowsInLoops(areas: readonly Area[], byCode: ReadonlyMap<string, Area>): Set<Area> {
  const inLoop = new Set<Area>();
  const settled = new Set<Area>();
  for (const start of areas) {
    const path: Area[] = [];
    const onPath = new Set<Area>();
    let current: Area | undefined = start;
    while (current && !settled.has(current) && !onPath.has(current)) {
      path.push(current);
      onPath.add(current);
      current = current.parent_code ? byCode.get(current.parent_code) : undefined;
    }
    if (current && onPath.has(current)) {
      for (let i = path.indexOf(current); i < path.length; i++) inLoop.add(path[i] as Area);
    }
    for (const row of path) settled.add(row);
  }
  return inLoop;
}

function hierarchyIssues(areas: readonly Area[], byCode: ReadonlyMap<string, Area>): DataIssue[] {
  const issues: DataIssue[] = [];
  const loops = rowsInLoops(areas, byCode);
  for (const area of areas) {
    const parentCode = area.parent_code;
    if (area.area_type === 'combined_authority') {
      if (parentCode) issues.push(issue(area, 'parent_code', parentCode, 'a blank parent_code: a combined authority is not part of another area', 'Clear the cell, or set area_type to local_authority if this is a district.'));
      continue;
    }
    if (!parentCode) {
      issues.push(issue(area, 'parent_code', null, 'the area_code of the combined authority this district belongs to', 'Without it the district is on no map.'));
    } else if (parentCode === area.area_code) {
      issues.push(issue(area, 'parent_code', parentCode, 'the code of a combined authority, not the district’s own code', 'Write the area_code of the combined authority the district belongs to.'));
    } else if (loops.has(area)) {
      issues.push(issue(area, 'parent_code', parentCode, 'a chain of parent_code links that ends at a combined authority (this one loops back)', 'Set each district’s parent_code to its combined authority’s area_code, not to another district.'));
    } else {
      const parent = byCode.get(parentCode);
      // An unknown code is reported by the reference check; only a wrong kind of parent is reported here.
      if (parent && parent.area_type !== 'combined_authority') {
        issues.push(issue(area, 'parent_code', parentCode, `the area_code of a combined authority (${parentCode} is a ${parent.area_type} on line ${parent._line})`, 'Districts sit directly under a combined authority: use the combined authority’s area_code.'));
      }
    }
  }
  return issues;
}

function populationIssues(areas: readonly Area[]): DataIssue[] {
  const sums = new Map<string, { total: number; count: number }>();
  for (const area of areas) {
    if (area.area_type !== 'local_authority' || !area.parent_code) continue;
    const sum = sums.get(area.parent_code) ?? { total: 0, count: 0 };
    sum.total += area.population;
    sum.count += 1;
    sums.set(area.parent_code, sum);
  }
  return areas.flatMap((area) => {
    const sum = sums.get(area.area_code);
    // A combined authority listed without its districts has nothing to add up.
    if (area.area_type !== 'combined_authority' || !sum || sum.total === area.population) return [];
    const districts = sum.count === 1 ? '1 district' : `${sum.count} districts`;
    return [
      issue(
        area,
        'population',
        String(area.population),
        `the sum of its ${districts} listed in areas.csv, ${formatCount(sum.total)} (this row says ${formatCount(area.population)})`,
        'Correct the combined authority’s population or the districts’ figures so they agree.',
      ),
    ];
  });
}

/** Every problem with areas.csv as a hierarchy of combined authorities and districts. */
export function validateAreas(areas: readonly Area[]): DataIssue[] {
  const byCode = new Map<string, Area>();
  for (const area of areas) if (!byCode.has(area.area_code)) byCode.set(area.area_code, area);
  return [...hierarchyIssues(areas, byCode), ...populationIssues(areas)];
}
