// Browser/Vitest side of the seed: Vite inlines the repository files at build time (import.meta.glob with ?raw).
// Import this only from code that Vite processes (Astro pages, components, vitest); the CLI reads the disk instead.
import { seedFiles } from './seed';

const raw = import.meta.glob(
  ['/manifests/*.{yaml,yml,md,txt,env}', '/scripts/*.sh', '/app/package.json', '/app/package-lock.json', '/app/tsconfig.json', '/app/README.md', '/app/data/*.{json,csv,txt}', '/app/src/**/*.{ts,js,json,html,css}', '/Dockerfile', '/.dockerignore', '/.env.example'],
  { query: '?raw', import: 'default', eager: true },
) as Record<string, string>;

/** The project files the workstation starts with (relative paths → text). */
export function loadSeedFiles(): Record<string, string> {
  return seedFiles(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.replace(/^\//, ''), v])));
}
