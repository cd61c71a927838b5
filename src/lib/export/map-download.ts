/**
 * The map's downloads for the view: one call per button, returning what to tell the
 * reader, as chart-files.ts does for charts. PNG and SVG serialising code loads on first use.
 */
import { downloadBlob } from './download.ts';
import { mapCsv, mapFileName, mapImage, renderMapSvg, type MapFileKind, type MapFileView } from './map-files.ts';

export async function downloadMapFile(view: MapFileView, kind: MapFileKind, pageUrl: string, doc: Document = document): Promise<string> {
  const fileName = mapFileName(view, kind);
  if (kind === 'csv') {
    downloadBlob(new Blob([mapCsv(view)], { type: 'text/csv;charset=utf-8' }), fileName, doc);
    return `Downloaded ${fileName}.`;
  }
  try {
    const [{ serialiseSvg }, { svgToPng }] = await Promise.all([import('./svg.ts'), import('./png.ts')]);
    const image = mapImage(view, pageUrl);
    if (!image) return 'The map has not been drawn, so there is no image to download; the CSV has every figure.';
    const text = serialiseSvg(renderMapSvg(doc, image));
    const blob = kind === 'svg' ? new Blob([text], { type: 'image/svg+xml;charset=utf-8' }) : await svgToPng(text, image);
    downloadBlob(blob, fileName, doc);
    return `Downloaded ${fileName}.`;
  } catch (error) {
    return `The image could not be made: ${error instanceof Error ? error.message : String(error)}`;
  }
}
