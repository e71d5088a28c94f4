/**
 * The console's weight (SPEC.md C-15), measured on `dist/console` (`npm run build` first):
 * - initial: what opening the console loads (the entry and its static imports);
 * - replayer: what the first live view loads on top (rrweb's Replayer), which must be a dynamic
 *   import of the console and absent from the initial chunk, so the console opens without it.
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
export const CONSOLE_BUDGETS = { initial: 110_000, replayer: 70_000 };

/** One measured row, as `check-size.ts` prints them. */
export interface SizeRow {
  name: string;
  bytes: number;
  budget: number;
}

const ENTRY = 'index.html';
const REPLAYER = 'cobrowse/rrweb-replayer.ts';
/** A class name of rrweb's Replayer that survives minification. */
const REPLAYER_MARK = 'rrweb-paused';

/** The console's rows, and what is wrong with its chunks ('' when nothing). */
export function consoleSizes(dist: string): { rows: SizeRow[]; problem: string } {
  const manifestPath = path.join(dist, '.vite/manifest.json');
  if (!fs.existsSync(manifestPath)) return { rows: [], problem: 'dist/console is missing: run `npm run build` first' };
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key) || !manifest[key]) return seen;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) closure(dep, seen);
    return seen;
  };
  const read = (k: string) => fs.readFileSync(path.join(dist, manifest[k].file));
  const gzipOf = (keys: Iterable<string>) => [...keys].reduce((sum, k) => sum + gzipSync(read(k), { level: 9 }).length, 0);
  const initial = closure(ENTRY);
  const replayer = [...closure(REPLAYER)].filter((k) => !initial.has(k));
  const problems = [
    !manifest[ENTRY] && `the manifest does not list ${ENTRY}`,
    !manifest[REPLAYER] && `${REPLAYER} is not a chunk of its own`,
    initial.has(REPLAYER) && 'the console imports the replayer statically',
    !manifest[ENTRY]?.dynamicImports?.includes(REPLAYER) && 'the console does not import the replayer dynamically',
    [...initial].some((k) => read(k).includes(REPLAYER_MARK)) && 'rrweb’s Replayer is in the initial chunk',
  ].filter((p) => typeof p === 'string');
  return {
    rows: [
      { name: 'console initial (on open)', bytes: gzipOf(initial), budget: CONSOLE_BUDGETS.initial },
      { name: 'console replayer (live view)', bytes: gzipOf(replayer), budget: CONSOLE_BUDGETS.replayer },
    ],
    problem: problems.join('; '),
  };
}
