/**
 * How each legend swatch is drawn, once, as plain shape data in a 26×16 box: the
 * on-screen key (ChartSwatch.svelte) and exported images (export/svg.ts) both draw
 * these, so the key in a downloaded picture matches the page.
 */
import { FAINT_FILL_OPACITY, PAPER } from './palette.ts';
import type { SwatchStyle, SymbolName } from './types.ts';

export const SWATCH_SIZE = { width: 26, height: 16 } as const;

export interface SwatchShape {
  tag: 'rect' | 'line' | 'circle' | 'path' | 'polygon';
  attributes: Record<string, string | number>;
}

/** Five-pointed star in a 16×16 box. */
const STAR_POINTS = '8,1.5 9.9,6 14.5,6.2 10.9,9.1 12.1,13.8 8,11.2 3.9,13.8 5.1,9.1 1.5,6.2 6.1,6';
/** Symbols sit in a 16×16 box centred in the swatch. */
const SYMBOL_OFFSET = 'translate(5 0)';

const SYMBOL_SHAPES: Record<SymbolName, (colour: string) => SwatchShape> = {
  circle: (colour) => ({ tag: 'circle', attributes: { cx: 8, cy: 8, r: 5, fill: colour } }),
  'hollow-circle': (colour) => ({ tag: 'circle', attributes: { cx: 8, cy: 8, r: 5, fill: PAPER, stroke: colour, 'stroke-width': 2 } }),
  triangle: (colour) => ({ tag: 'path', attributes: { d: 'M8 2 L14 13 L2 13 Z', fill: colour } }),
  star: (colour) => ({ tag: 'polygon', attributes: { points: STAR_POINTS, fill: colour } }),
  square: (colour) => ({ tag: 'rect', attributes: { x: 3, y: 3, width: 10, height: 10, fill: colour } }),
  diamond: (colour) => ({ tag: 'path', attributes: { d: 'M8 2 L14 8 L8 14 L2 8 Z', fill: colour } }),
  'hollow-diamond': (colour) => ({ tag: 'path', attributes: { d: 'M8 2.5 L13.5 8 L8 13.5 L2.5 8 Z', fill: PAPER, stroke: colour, 'stroke-width': 1.5 } }),
};

/** The shapes of one swatch, in drawing order. */
export function swatchShapes(swatch: SwatchStyle): SwatchShape[] {
  const colour = swatch.colour;
  switch (swatch.kind) {
    case 'bar':
      return [{ tag: 'rect', attributes: { x: 1, y: 3, width: 24, height: 10, fill: colour } }];
    case 'ceiling':
      return [
        { tag: 'rect', attributes: { x: 2, y: 4, width: 20, height: 8, fill: colour, 'fill-opacity': FAINT_FILL_OPACITY, stroke: colour, 'stroke-width': 2 } },
        { tag: 'line', attributes: { x1: 22, x2: 22, y1: 1, y2: 15, stroke: colour, 'stroke-width': 3 } },
      ];
    case 'planned':
      return [{ tag: 'rect', attributes: { x: 2, y: 4, width: 22, height: 8, fill: PAPER, stroke: colour, 'stroke-width': 2, 'stroke-dasharray': '5,3' } }];
    case 'line':
    {
      const dash = swatch.dasharray ?? (swatch.dashed ? '5,3' : null);
      const marker = swatch.marker ? SYMBOL_SHAPES[swatch.marker](colour) : null;
      return [
        { tag: 'line', attributes: { x1: 1, x2: 25, y1: 8, y2: 8, stroke: colour, 'stroke-width': 2, ...(dash ? { 'stroke-dasharray': dash } : {}) } },
        ...(swatch.hollowEnd ? [{ tag: 'circle' as const, attributes: { cx: 20, cy: 8, r: 4, fill: PAPER, stroke: colour, 'stroke-width': 2 } }] : []),
        ...(marker ? [{ tag: marker.tag, attributes: { ...marker.attributes, transform: SYMBOL_OFFSET } }] : []),
      ];
    }
    case 'symbol': {
      const shape = SYMBOL_SHAPES[swatch.symbol](colour);
      return [{ tag: shape.tag, attributes: { ...shape.attributes, transform: SYMBOL_OFFSET } }];
    }
  }
}
