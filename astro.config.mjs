// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';

/**
 * Astro attaches CSS reachable from a component script (even through a dynamic import) to every page
 * that renders the component, so Monaco's stylesheet would block rendering of every lesson.
 * This build-time plugin turns CSS imported from inside monaco-editor into a tiny JS module that
 * injects the CSS when the lazy Monaco chunk actually loads (see shared/notes/toolchain.md, P5).
 * @param {string[]} packages
 * @returns {import('vite').Plugin}
 */
function inlineLazyLibCss(packages) {
  const PREFIX = '\0lazy-css:';
  const SUFFIX = '.inject.js';
  return {
    name: 'manifest-lab:inline-lazy-lib-css',
    enforce: 'pre',
    apply: 'build',
    async resolveId(source, importer, options) {
      if (!source.endsWith('.css') || !importer) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return null;
      const inPackage = packages.some((p) => resolved.id.includes(`/node_modules/${p}/`));
      return inPackage ? PREFIX + resolved.id + SUFFIX : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -SUFFIX.length);
      return `import css from ${JSON.stringify(file + '?inline')};\n` +
        `const el = document.createElement('style');\nel.textContent = css;\ndocument.head.appendChild(el);\n`;
    },
  };
}

export default defineConfig({
  site: 'https://manifest-lab.example',
  trailingSlash: 'ignore',
  integrations: [mdx()],
  // The dev toolbar floats over the bottom of the page, where the lab's terminal is; learners running `npm run dev`
  // should see the site as it is served.
  devToolbar: { enabled: false },
  markdown: {
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
  vite: {
    resolve: {
      // monaco-editor >= 0.56 has an exports map that breaks monaco-yaml's worker import (toolchain P1).
      alias: [
        { find: /^monaco-editor\/esm\/vs\//, replacement: 'monaco-editor/' },
        { find: '@sim', replacement: fileURLToPath(new URL('./src/sim', import.meta.url)) },
      ],
    },
    optimizeDeps: {
      // The dev-server scanner does not follow new Worker(new URL(...)) (toolchain P4).
      include: ['monaco-yaml/yaml.worker.js', 'monaco-editor/editor/editor.worker.js'],
    },
    worker: { format: 'es' },
    build: { chunkSizeWarningLimit: 4000 },
    plugins: [inlineLazyLibCss(['monaco-editor'])],
  },
});
