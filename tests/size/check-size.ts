/**
 * The widget's weight budget, checked on the built output (`npm run build` first):
 * - launcher: what every page loads before the visitor interacts (the entry and its static imports);
 * - chat: what the first intent loads on top (the chat chunk and its static imports).
 * Prints gzip sizes and exits non-zero when a budget is passed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** Budgets in bytes of gzip (level 9). */
export const BUDGETS = { launcher: 6_000, chat: 30_000 } as const;

const dist = path.resolve(import.meta.dirname, '../../dist/widget');
const manifestPath = path.join(dist, '.vite/manifest.json');
if (!fs.existsSync(manifestPath)) {
  console.error('dist/widget is missing: run `npm run build` first.');
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;

/** The chunk keys `key` loads statically, itself included. */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
  return seen;
}

const gzipOf = (keys: Iterable<string>) =>
  [...keys].reduce((sum, k) => sum + gzipSync(fs.readFileSync(path.join(dist, manifest[k].file)), { level: 9 }).length, 0);

const launcherKeys = closure('src/index.ts');
const chatKeys = [...closure('src/chat/porthole-chat.ts')].filter((k) => !launcherKeys.has(k));
if (!manifest['src/index.ts'] || !manifest['src/chat/porthole-chat.ts']) {
  console.error('The manifest does not list src/index.ts and src/chat/porthole-chat.ts; did the entry points move?');
  process.exit(1);
}

const rows = [
  { name: 'launcher (before interaction)', bytes: gzipOf(launcherKeys), budget: BUDGETS.launcher },
  { name: 'chat chunk (on intent)', bytes: gzipOf(chatKeys), budget: BUDGETS.chat },
];
let failed = 0;
for (const r of rows) {
  const ok = r.bytes <= r.budget;
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(32)} ${(r.bytes / 1000).toFixed(2).padStart(6)} kB gzip  (budget ${(r.budget / 1000).toFixed(1)} kB)`,
  );
}
console.log(`size: ${rows.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
