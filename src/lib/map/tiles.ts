/**
 * Optional basemap tiles. None by default, so the map makes no third-party requests; a
 * deployment opts in by setting both VITE_TILE_URL and VITE_TILE_ATTRIBUTION at build time.
 */

export interface TileConfig {
  url: string;
  /** Shown as plain text beside the boundaries' attribution. */
  attribution: string;
}

/** Tiles only when both a secure URL template and its attribution are configured. */
export function tileConfig(env: Record<string, unknown>): TileConfig | null {
  const url = typeof env.VITE_TILE_URL === 'string' ? env.VITE_TILE_URL.trim() : '';
  const attribution = typeof env.VITE_TILE_ATTRIBUTION === 'string' ? env.VITE_TILE_ATTRIBUTION.trim() : '';
  if (!url || !attribution || !/^https:\/\/[^\s]+\{z\}[^\s]*$/.test(url)) return null;
  return { url, attribution };
}

/** The build's tile settings; Vite replaces import.meta.env at build time. */
export function configuredTiles(): TileConfig | null {
  return tileConfig({ VITE_TILE_URL: import.meta.env.VITE_TILE_URL, VITE_TILE_ATTRIBUTION: import.meta.env.VITE_TILE_ATTRIBUTION });
}
