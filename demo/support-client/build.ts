/**
 * Builds the reference support client into one ES module file, `dist/support-client/porthole-support.mjs`,
 * which the server offers at `/downloads/porthole-support.mjs` with its address and the visitor's
 * ticket written in. node-pty stays outside the bundle (it has a native part): the client uses it when
 * it can load it and a plain pipe otherwise.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outfile = path.join(root, 'dist/support-client/porthole-support.mjs');

await build({
  entryPoints: [path.join(root, 'demo/support-client/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: false,
  legalComments: 'eof',
  // ws's optional speed-ups and node-pty's native part are loaded at run time when present.
  external: ['node-pty', 'bufferutil', 'utf-8-validate'],
  // Bundled CommonJS dependencies (ws, engine.io-client) call require(); ESM has none by itself.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __portholeRequire } from 'node:module';\nconst require = __portholeRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
console.log(`support client: ${path.relative(root, outfile)}`);
