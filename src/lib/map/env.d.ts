// Build-time settings the map reads through Vite (see tiles.ts). Declared here rather
// than via vite/client so only these names are typed.
interface ImportMetaEnv {
  readonly VITE_TILE_URL?: string;
  readonly VITE_TILE_ATTRIBUTION?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
