/**
 * Two builds from one file:
 * - `vite build --mode widget`: the widget SDK into `dist/widget/` as ES modules. `porthole.js` is the
 *   tiny launcher every page loads; the chat is a lazy chunk fetched on intent. (An iife/umd library
 *   build would inline the lazy chunk, so the widget ships as ESM.)
 * - `vite build --mode console`: the technician console app into `dist/console/`, served at `/console/`.
 * - `vite build --mode demo`: the demo site's scripted pages into `dist/demo/`, served at `/demo/`.
 */
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

const root = import.meta.dirname;

const widget: UserConfig = {
  root,
  publicDir: false,
  // Chunks are loaded relative to porthole.js, wherever a website owner hosts it.
  base: './',
  build: {
    outDir: resolve(root, 'dist/widget'),
    emptyOutDir: true,
    target: 'es2022',
    manifest: true,
    // The launcher must stay tiny: no preload helper, the lazy chunk fetches its own imports.
    modulePreload: false,
    rollupOptions: {
      input: { porthole: resolve(root, 'src/index.ts') },
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
};

const consoleApp: UserConfig = {
  root: resolve(root, 'demo/console'),
  base: '/console/',
  publicDir: false,
  build: {
    outDir: resolve(root, 'dist/console'),
    emptyOutDir: true,
    target: 'es2022',
    // For `npm run size`: the initial chunk and the lazy replayer are measured apart.
    manifest: true,
  },
};

// The demo site's scripted pages (web components, a 50,000-element catalogue) into `dist/demo/`, served at `/demo/`.
const demoSite: UserConfig = {
  root,
  publicDir: false,
  build: {
    outDir: resolve(root, 'dist/demo'),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    rollupOptions: {
      input: { components: resolve(root, 'demo/site-src/components.ts'), 'large-page': resolve(root, 'demo/site-src/large-page.ts') },
      preserveEntrySignatures: 'allow-extension',
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
};

export default defineConfig(({ mode }) => (mode === 'widget' ? widget : mode === 'demo' ? demoSite : consoleApp));
