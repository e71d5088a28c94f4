/**
 * The widget's weight budget, checked on the built output (`npm run build` first):
 * - launcher: what every page loads before the visitor interacts (the entry and its static imports);
 * - chat: what the first intent loads on top (the chat chunk and its static imports);
 * - rich text: what the first message with a link or markdown loads on top (the renderer and
 *   DOMPurify), which must be a dynamic import of the chat and in neither of the two above;
 * - attachments: what the first file in the chat loads on top (previews, uploads), lazy likewise.
 * - co-browse: what the visitor's Allow of `view` loads on top (rrweb's recorder, batching,
 *   privacy), likewise a dynamic import of the chat only, so nothing records before consent;
 * - control: what the technician's first control command loads on top of co-browse (C-13).
 * And the console's initial chunk and its lazy replayer (`console-size.ts`, C-15).
 * Prints gzip sizes and exits non-zero when a budget is passed or the rich-text chunk is not lazy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { consoleSizes } from './console-size.js';

interface ManifestChunk {
  name?: string;
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** Budgets in bytes of gzip (level 9). */
// The chat grew past 30 kB with attachments (attach button, drag and drop, paste, files in the outbox,
// the loader of their chunk), typing indicators and receipts, and the channel profile (identify,
// porthole-message, the loader of the pre-chat and offline forms); previews, uploads and the forms
// themselves are lazy chunks. 35 kB since continuing on another device (the link pick-up) and
// the co-browse frame's binary header (its encoder is 0.4 kB, and the co-browse chunk has no room).
export const BUDGETS: Record<'launcher' | 'chat' | 'richText' | 'attachments' | 'cobrowse' | 'control', number> = {
  launcher: 6_000,
  chat: 35_000,
  richText: 16_000,
  attachments: 4_000,
  cobrowse: 30_000,
  // 4 kB since control reached selects, editable content and the caret keys (C-13).
  control: 4_000,
};

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

const LAUNCHER = 'src/index.ts';
const RICH_TEXT = 'src/rich-text/render-rich-text.ts';
const ATTACHMENTS = 'src/chat/attachment-view.ts';
// Keyed by its file name instead of its source once another lazy chunk imports from it.
const CHAT =
  Object.keys(manifest).find((k) => k === 'src/chat/porthole-chat.ts' || manifest[k].name === 'porthole-chat') ??
  'src/chat/porthole-chat.ts';
const COBROWSE =
  Object.keys(manifest).find((k) => k === 'src/cobrowse/cobrowse-session.ts' || manifest[k].name === 'cobrowse-session') ??
  'src/cobrowse/cobrowse-session.ts';
const CONTROL = 'src/cobrowse/remote-control.ts';
for (const key of [LAUNCHER, CHAT]) {
  if (!manifest[key]) {
    console.error(`The manifest does not list ${key}; did the entry points move?`);
    process.exit(1);
  }
}

const launcherKeys = closure(LAUNCHER);
const chatClosure = closure(CHAT);
const chatKeys = [...chatClosure].filter((k) => !launcherKeys.has(k));
// Absent from the manifest when nothing imports it dynamically (a static import folds it into the chat).
const richTextIsChunk = RICH_TEXT in manifest;
const richTextKeys = [...(richTextIsChunk ? closure(RICH_TEXT) : [])].filter((k) => !chatClosure.has(k) && !launcherKeys.has(k));

// The renderer must be fetched on demand: a dynamic import of the chat, statically in neither bundle.
const lazyProblems = [
  !richTextIsChunk && `${RICH_TEXT} is not a chunk of its own`,
  launcherKeys.has(RICH_TEXT) && 'the launcher imports it statically',
  chatClosure.has(RICH_TEXT) && 'the chat chunk imports it statically',
  ![...chatClosure].some((k) => manifest[k].dynamicImports?.includes(RICH_TEXT)) && 'the chat does not import it dynamically',
  // A config key DOMPurify reads by name, so it survives minification: DOMPurify is bundled where it is.
  [...chatClosure].some((k) => fs.readFileSync(path.join(dist, manifest[k].file), 'utf8').includes('ALLOWED_URI_REGEXP')) &&
    'DOMPurify is in the launcher or the chat chunk',
].filter((p) => typeof p === 'string');
// The recorder must not load before consent: a chunk the chat imports dynamically, static in neither bundle.
const cobrowseIsChunk = COBROWSE in manifest;
const cobrowseKeys = [...(cobrowseIsChunk ? closure(COBROWSE) : [])].filter((k) => !chatClosure.has(k) && !launcherKeys.has(k));
lazyProblems.push(
  ...[
    !cobrowseIsChunk && `${COBROWSE} is not a chunk of its own`,
    (launcherKeys.has(COBROWSE) || chatClosure.has(COBROWSE)) && 'the recorder is imported statically',
    // A string of rrweb's recorder that survives minification.
    [...launcherKeys, ...chatClosure].some((k) => fs.readFileSync(path.join(dist, manifest[k].file), 'utf8').includes('rr_width')) &&
      'rrweb is in the launcher or the chat chunk',
  ].filter((p) => typeof p === 'string'),
);
const lazyOk = lazyProblems.length === 0;
console.log(
  `${lazyOk ? 'ok  ' : 'FAIL'} rich text and co-browse are lazy chunks: ${lazyOk ? 'in neither the launcher nor the chat chunk' : lazyProblems.join('; ')}`,
);

const rows = [
  { name: 'launcher (before interaction)', bytes: gzipOf(launcherKeys), budget: BUDGETS.launcher },
  { name: 'chat chunk (on intent)', bytes: gzipOf(chatKeys), budget: BUDGETS.chat },
  { name: 'rich text (first formatted msg)', bytes: gzipOf(richTextKeys), budget: BUDGETS.richText },
  { name: 'co-browse (after Allow view)', bytes: gzipOf(cobrowseKeys), budget: BUDGETS.cobrowse },
  {
    name: 'control (first command)',
    bytes: gzipOf(
      [...(CONTROL in manifest ? closure(CONTROL) : [])].filter(
        (k) => !cobrowseKeys.includes(k) && !chatClosure.has(k) && !launcherKeys.has(k),
      ),
    ),
    budget: BUDGETS.control,
  },
];
// Attachments (previews, uploads) come with the first file, not with the chat.
const attachmentsLazy = ATTACHMENTS in manifest && !chatClosure.has(ATTACHMENTS) && !launcherKeys.has(ATTACHMENTS);
console.log(
  `${attachmentsLazy ? 'ok  ' : 'FAIL'} attachments are a lazy chunk${attachmentsLazy ? '' : ': they are in the launcher or chat chunk'}`,
);
rows.push({
  name: 'attachments (first file)',
  bytes: gzipOf([...closure(ATTACHMENTS)].filter((k) => !chatClosure.has(k) && !launcherKeys.has(k))),
  budget: BUDGETS.attachments,
});
const consoleApp = consoleSizes(path.resolve(import.meta.dirname, '../../dist/console'));
console.log(
  `${consoleApp.problem ? 'FAIL' : 'ok  '} the console's replayer is a lazy chunk${consoleApp.problem ? `: ${consoleApp.problem}` : ''}`,
);
rows.push(...consoleApp.rows);
let failed = (lazyOk ? 0 : 1) + (attachmentsLazy ? 0 : 1) + (consoleApp.problem ? 1 : 0);
for (const r of rows) {
  const ok = r.bytes <= r.budget;
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(32)} ${(r.bytes / 1000).toFixed(2).padStart(6)} kB gzip  (budget ${(r.budget / 1000).toFixed(1)} kB)`,
  );
}
console.log(`size: ${rows.length + 3 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
