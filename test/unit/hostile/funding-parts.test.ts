/**
 * part_of at scale and its arithmetic: deep chains, loops, parts adding up to more than
 * their whole, parts of another area's line, and error lists too long to spread.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleDatasets, validateReferences } from '../../../src/lib/data/validate.ts';
import type { FundingLine } from '../../../src/lib/data/schema.ts';
import { buildHeadlines } from '../../../src/lib/data/derive.ts';

type Line = Pick<FundingLine, 'id' | 'area_code' | 'amount_gbp' | 'qualifier' | 'part_of'> & Partial<FundingLine>;

function line(l: Line, i: number): FundingLine {
  return {
    programme_id: 'deal', component: `Line ${l.id}`, funder: 'DfE', funder_type: 'government', category: 'skills',
    stated_as: null, period_years: null, announced: '2018', source_id: 'src', note: null, _line: i + 2, ...l,
  } as FundingLine;
}
const lines = (...ls: Line[]) => ls.map(line);

const A = 'E47000007';
const B = 'E47000004';

describe('part_of chains', () => {
  it('checks a valid chain 12,000 lines deep quickly and without recursion', () => {
    const depth = 12_000;
    const chain = Array.from({ length: depth }, (_, i) => line({ id: `l${i}`, area_code: A, amount_gbp: depth - i, qualifier: 'exact', part_of: i === 0 ? null : `l${i - 1}` }, i));
    const start = performance.now();
    expect(validateReferences({ funding: chain })).toEqual([]);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('reports every line whose chain loops, including lines leading into a loop', () => {
    const issues = validateReferences({
      funding: lines(
        { id: 'a', area_code: A, amount_gbp: null, qualifier: 'unquantified', part_of: 'b' },
        { id: 'b', area_code: A, amount_gbp: null, qualifier: 'unquantified', part_of: 'a' },
        { id: 'c', area_code: A, amount_gbp: null, qualifier: 'unquantified', part_of: 'a' },
        { id: 'd', area_code: A, amount_gbp: null, qualifier: 'unquantified', part_of: null },
        { id: 'e', area_code: A, amount_gbp: null, qualifier: 'unquantified', part_of: 'd' },
      ),
    });
    expect(issues.filter((i) => /loops/.test(i.expected)).map((i) => i.line)).toEqual([2, 3, 4]);
  });

  it('finds exactly the lines that cannot reach a root (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat(30), { nil: null }), { minLength: 1, maxLength: 30 }), (parents) => {
        const funding = parents.map((p, i) => line({ id: `l${i}`, area_code: A, amount_gbp: null, qualifier: 'unquantified', part_of: p === null ? null : `l${p}` }, i));
        // Reference: follow each chain for at most n steps.
        const expected = funding.filter((l) => {
          let current: FundingLine | undefined = l;
          for (let step = 0; step <= funding.length && current; step++) current = current.part_of ? funding.find((x) => x.id === current?.part_of) : undefined;
          return current !== undefined;
        }).map((l) => l._line);
        const found = validateReferences({ funding }).filter((i) => /loops/.test(i.expected)).map((i) => i.line);
        expect(found).toEqual(expected);
      }),
    );
  });

  it('orders a 12,000-deep chain wholes first on the headline view', () => {
    const depth = 12_000;
    const funding = Array.from({ length: depth }, (_, i) => line({ id: `l${i}`, area_code: A, amount_gbp: depth - i, qualifier: 'exact', part_of: i === 0 ? null : `l${i - 1}` }, depth - 1 - i));
    const programmes = [{ programme_id: 'deal', area_code: A, programme_name: 'Deal', kind: 'deal', started: null, source_id: 'src', summary: 'S', _line: 2 }];
    const areas = [{ area_code: A, area_name: 'WMCA', short_name: 'WM', area_type: 'combined_authority', parent_code: null, population: 1, population_year: 2021, population_source_id: 'src', note: null, _line: 2 }];
    const [region] = buildHeadlines({ funding: funding.reverse(), programmes, areas } as never);
    const ids = region?.programmes[0]?.figures.map((f) => f.id);
    expect(ids).toHaveLength(depth);
    expect(ids?.slice(0, 3)).toEqual(['l0', 'l1', 'l2']);
  });
});

describe('parts and their whole', () => {
  const whole = (qualifier: FundingLine['qualifier'], amount: number | null = 100): Line => ({ id: 'whole', area_code: A, amount_gbp: amount, qualifier, part_of: null });
  const part = (id: string, qualifier: FundingLine['qualifier'], amount: number | null, area = A): Line => ({ id, area_code: area, amount_gbp: amount, qualifier, part_of: 'whole' });
  const sumIssues = (...ls: Line[]) => validateReferences({ funding: lines(...ls) }).filter((i) => i.line === 2);

  it.each([
    ['exact parts over an exact whole', whole('exact'), [part('p', 'exact', 60), part('q', 'exact', 50)], 'error'],
    ['exact parts over an "up to" whole', whole('up_to'), [part('p', 'exact', 60), part('q', 'exact', 50)], 'error'],
    ['"more than" parts over an exact whole', whole('exact'), [part('p', 'more_than', 60), part('q', 'exact', 50)], 'error'],
    ['"about" parts over a whole (approximate: a warning)', whole('exact'), [part('p', 'about', 60), part('q', 'exact', 50)], 'warning'],
    ['exact parts over an "about" whole (a warning)', whole('about'), [part('p', 'exact', 60), part('q', 'exact', 50)], 'warning'],
  ])('flags %s on the whole', (_name, w, parts, severity) => {
    const issues = sumIssues(w, ...parts);
    expect(issues).toEqual([expect.objectContaining({ severity, file: 'funding.csv', line: 2, column: 'amount_gbp', value: '100' })]);
    expect(issues[0]?.expected).toMatch(/add up to 110 \(lines 3, 4\)/);
  });

  it.each([
    ['"up to" parts (ceilings, not amounts) above the whole', whole('exact'), [part('p', 'up_to', 60), part('q', 'up_to', 50)]],
    ['parts within the whole', whole('up_to'), [part('p', 'exact', 50), part('q', 'exact', 50)]],
    ['a "more than" whole', whole('more_than'), [part('p', 'exact', 60), part('q', 'exact', 50)]],
    ['an unquantified whole', whole('unquantified', null), [part('p', 'exact', 60), part('q', 'exact', 50)]],
    ['unquantified parts', whole('exact'), [part('p', 'unquantified', null), part('q', 'exact', 100)]],
  ])('accepts %s', (_name, w, parts) => {
    expect(validateReferences({ funding: lines(w, ...parts) })).toEqual([]);
  });

  it('flags the whole exactly when the certain parts exceed what the whole can be (property)', () => {
    const qualifier = fc.constantFrom<FundingLine['qualifier']>('exact', 'about', 'up_to', 'more_than', 'unquantified');
    const figure = fc.tuple(qualifier, fc.nat(200)).map(([q, amount]) => ({ qualifier: q, amount_gbp: q === 'unquantified' ? null : amount }));
    fc.assert(
      fc.property(figure, fc.array(figure, { minLength: 2, maxLength: 6 }), (w, ps) => {
        const funding = lines({ id: 'whole', area_code: A, part_of: null, ...w }, ...ps.map((p, i) => ({ id: `p${i}`, area_code: A, part_of: 'whole', ...p })));
        const ceiling = w.amount_gbp === null || w.qualifier === 'more_than' ? Infinity : w.amount_gbp;
        const floors = ps.reduce((sum, p) => sum + (p.amount_gbp === null || p.qualifier === 'up_to' ? 0 : p.amount_gbp), 0);
        const anyPartAbove = ps.some((p) => p.amount_gbp !== null && p.amount_gbp > ceiling);
        const onWhole = validateReferences({ funding }).filter((i) => i.line === 2);
        expect(onWhole.length).toBe(floors > ceiling && !anyPartAbove ? 1 : 0);
        const approximate = w.qualifier === 'about' || ps.some((p) => p.qualifier === 'about');
        if (onWhole[0]) expect(onWhole[0].severity).toBe(approximate ? 'warning' : 'error');
        // A part above the whole's ceiling is reported on the part.
        const onParts = validateReferences({ funding }).filter((i) => i.line > 2 && i.column === 'amount_gbp');
        expect(onParts.length).toBe(ps.filter((p) => p.amount_gbp !== null && p.amount_gbp > ceiling).length);
      }),
    );
  });

  it('rejects a part of another area\'s line, naming both areas', () => {
    const issues = validateReferences({ funding: lines(whole('exact'), part('p', 'exact', 10, B)) });
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', line: 3, column: 'part_of', value: 'whole' })]);
    expect(issues[0]?.expected).toContain(B);
    expect(issues[0]?.expected).toContain(A);
  });

  it('reports 130,000 parts larger than their whole without overflowing the stack', () => {
    const n = 130_000;
    const funding = [line(whole('exact', 1), 0), ...Array.from({ length: n }, (_, i) => line(part(`p${i}`, 'exact', 2), i + 1))];
    const issues = validateReferences({ funding });
    expect(issues).toHaveLength(n);
  });
});

describe('assembleDatasets keeps the rest when one file cannot be checked', () => {
  it('leaves out a file whose check throws, with an error naming it', () => {
    const sources = 'source_id,title,publisher,published,url,note\nsrc,T,P,2018,,';
    // A getter that throws stands in for any bug the checks did not foresee.
    const hostile = { get text(): string { throw new RangeError('Maximum call stack size exceeded'); } };
    const result = assembleDatasets({ sources: { text: sources }, funding: hostile });
    expect(result.data.sources).toHaveLength(1);
    const report = result.reports.find((r) => r.file === 'funding.csv');
    expect(report?.status).toBe('broken');
    expect(report?.errors[0]?.hint).toMatch(/Maximum call stack/);
  });
});
