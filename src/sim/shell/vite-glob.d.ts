// src/sim has no Vite types; this declares the one Vite feature seed.vite.ts uses (it merges with Vite's own
// declaration in the Astro build).
interface ImportMeta {
  glob(patterns: string | string[], opts: { query: string; import: string; eager: true }): Record<string, unknown>;
}
