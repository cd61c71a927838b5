import { describe, expect, it } from 'vitest';
import { boxesOverlap, labelBox, numberInReadingOrder, placeLabels, type LabelRequest } from '../../../src/lib/map/labels.ts';

const request = (code: string, x: number, y: number, area: number, name = code): LabelRequest => ({ code, lines: [name, '100,000'], x, y, area: area * 1000 });

describe('placeLabels', () => {
  it.each([
    ['two far apart', [request('a', 60, 40, 10), request('b', 240, 160, 5)], ['label', 'label']],
    ['two on top of each other: the larger keeps its label', [request('big', 100, 100, 50), request('small', 104, 102, 5)], ['label', 'number']],
    ['one running off the edge', [request('edge', 2, 100, 50, 'Wolverhampton')], ['number']],
  ] as const)('%s', (_, requests, kinds) => {
    const layout = placeLabels(requests, { width: 300, height: 200 });
    expect(layout.labels.map((l) => l.kind)).toEqual(kinds);
    // Every district is shown once, as a label or a number listed in the key.
    expect(layout.labels.map((l) => l.code)).toEqual(requests.map((r) => r.code));
    expect(layout.key.map((k) => k.code)).toEqual(layout.labels.filter((l) => l.kind === 'number').map((l) => l.code));
  });

  it('never overlaps two marks, even in a crowd (Wolverhampton, Sandwell, Walsall, Dudley at 375 px)', () => {
    const crowd = [request('wolverhampton', 120, 100, 40, 'Wolverhampton'), request('sandwell', 150, 110, 35, 'Sandwell'), request('walsall', 160, 80, 38, 'Walsall'), request('dudley', 125, 130, 36, 'Dudley'), request('birmingham', 200, 120, 90, 'Birmingham')];
    const { labels, key } = placeLabels(crowd, { width: 375, height: 260 });
    for (const [i, a] of labels.entries()) for (const b of labels.slice(i + 1)) expect(boxesOverlap(a.box, b.box), `${a.code} / ${b.code}`).toBe(false);
    expect(key.length).toBeGreaterThan(0);
    expect(key.every((entry) => entry.text.includes(': 100,000'))).toBe(true);
  });

  it('numbers in reading order, top-left first', () => {
    const big = request('big', 150, 100, 100, 'A long district name');
    const { key } = placeLabels([big, request('lower', 150, 112, 1), request('upper', 150, 92, 1)], { width: 300, height: 200 });
    expect(key.map((k) => [k.number, k.code])).toEqual([
      [1, 'upper'],
      [2, 'lower'],
    ]);
  });

  it('sizes a label from its widest line', () => {
    const box = labelBox(['Knowsley', '154,500'], 100, 50, 12);
    expect(box.right - box.left).toBeGreaterThan(40);
    expect(box.bottom - box.top).toBeCloseTo(2 * 12 * 1.25 + 6);
    expect((box.left + box.right) / 2).toBeCloseTo(100);
  });
});

describe('a label bigger than its district', () => {
  it('numbers the district instead (Knowsley at 375 px)', () => {
    const { labels } = placeLabels([{ code: 'knowsley', lines: ['Knowsley', '154,500'], x: 100, y: 100, area: 600 }], { width: 375, height: 300 });
    expect(labels[0]?.kind).toBe('number');
  });
});

describe('numberInReadingOrder', () => {
  it('numbers top to bottom, then left to right, with "name: value" key text', () => {
    expect(numberInReadingOrder([
      { code: 'b', lines: ['Sandwell', '341,900'], x: 50, y: 80 },
      { code: 'a', lines: ['Wolverhampton', '263,700'], x: 20, y: 40 },
      { code: 'c', lines: ['Dudley'], x: 10, y: 80 },
    ])).toEqual([
      { number: 1, code: 'a', text: 'Wolverhampton: 263,700' },
      { number: 2, code: 'c', text: 'Dudley' },
      { number: 3, code: 'b', text: 'Sandwell: 341,900' },
    ]);
  });
});
