import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';
import { serveDist } from './server';

// `npm run test:e2e` builds the site first; this setup only serves dist/ and hands the URL to the tests.
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` before the e2e tests.');
  const { server, url } = await serveDist('dist');
  project.provide('baseURL', url);
  return async () => { await new Promise<void>((ok) => server.close(() => ok())); };
}

declare module 'vitest' {
  export interface ProvidedContext { baseURL: string }
}
