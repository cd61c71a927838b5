/**
 * PNG from SVG text: the SVG is loaded as an image from a blob: URL (allowed by the
 * site's img-src policy, unlike an inline data URL built by hand) and drawn onto a canvas
 * at `scale` times its size, so the picture stays sharp on slides and in print.
 */
import { PAPER } from '../charts/palette.ts';

/** Pixel ratio of downloaded PNGs: twice the on-screen size. */
export const PNG_SCALE = 2;

export async function svgToPng(svgText: string, size: { width: number; height: number }, scale: number = PNG_SCALE): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(size.width * scale);
    canvas.height = Math.round(size.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images (no canvas 2D context).');
    context.fillStyle = PAPER;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded as PNG.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
