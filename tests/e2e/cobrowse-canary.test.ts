/**
 * The privacy canary (SPEC.md C-7): a page with 60 sensitive variants, each holding a unique canary
 * string (passwords, hidden and prefilled inputs, typed text, select/option, radio and checkbox
 * values, contenteditable, placeholders, a shadow root, a same-origin iframe, site-masked and
 * blocked elements, tokens in the address), driven through typing and mutations while co-browsing.
 * Every WebSocket frame the visitor's page sent is searched for every canary, raw, JSON-escaped,
 * URL-encoded and base64, and inside the decompressed co-browse batches: none may appear.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import {
  allowView,
  captureFrames,
  cobrowseBatches,
  findLeaks,
  joinByLink,
  until,
  waitForReplay,
  type SentFrame,
} from './cobrowse-steps.js';
import { watch } from './pages.js';

const SITE = path.resolve(import.meta.dirname, '../../demo/site');
const CANARY = /PHC\d\d[a-z]{4}/g;

/** What the test types, field by field: canaries too. */
const TYPED: [selector: string, text: string][] = [
  ['#pw-typed', 'PHC51tpwd'],
  ['#text-typed', 'PHC53ttxt'],
  ['#email-typed', 'PHC55mail@example.com'],
  ['#ta-typed', 'PHC56ttar'],
  ['#editable-typed', 'PHC57tedt'],
  ['canary-card #s-typed', 'PHC58styp'],
  ['#datalist', 'PHC60dltp'],
];
const TYPED_AFTER_TEXT = 'PHC52tpwt';
const TYPED_IN_FRAME = 'PHC59ftyp';
const QUERY_TOKEN = 'PHC61qtok';

let server: ServerProcess;
let browser: Browser;
let visitor: Page;
let tech: Page;
let frames: SentFrame[];
const problems: string[] = [];

before(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  visitor = watch(await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage(), 'visitor', problems);
  tech = watch(await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage(), 'technician', problems);
  frames = captureFrames(visitor);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Every canary the page, its frame and script hold, and every one the test types. */
function allCanaries(): string[] {
  const sources = ['privacy-canary.html', 'privacy-canary-frame.html', 'privacy-canary.js'].map((f) =>
    fs.readFileSync(path.join(SITE, f), 'utf8'),
  );
  const typed = [...TYPED.map(([, t]) => t), TYPED_AFTER_TEXT, TYPED_IN_FRAME, QUERY_TOKEN].join(' ');
  return [...new Set([...sources, typed].join('\n').match(CANARY) ?? [])].sort();
}

test('C-7: not one of 60 canaries leaves the browser while the technician views the page', async () => {
  const canaries = allCanaries();
  assert.ok(canaries.length >= 60, `only ${canaries.length} canaries`);

  await joinByLink(tech, visitor, server, `/privacy-canary.html`, { token: QUERY_TOKEN });
  await allowView(tech, visitor);
  await waitForReplay(tech, 'This text is public');

  for (const [selector, text] of TYPED) await visitor.locator(selector).pressSequentially(text);
  await visitor.frameLocator('#frame').locator('#f-typed').pressSequentially(TYPED_IN_FRAME);
  await visitor.locator('#radio-click').check();
  await visitor.locator('#check-click').check();
  await visitor.evaluate(() => (window as unknown as { canary: { mutate(): void } }).canary.mutate());
  await visitor.locator('#pw-to-text-typed').pressSequentially(TYPED_AFTER_TEXT);
  await waitForReplay(tech, 'Mutations done.');

  // A new full snapshot holds every field's current state at once.
  const fullBefore = cobrowseBatches(frames).filter((b) => b.full).length;
  await tech.locator('cobrowse-view button', { hasText: 'Refresh' }).click();
  await until(() => cobrowseBatches(frames).filter((b) => b.full).length > fullBefore, 'a new full snapshot');
  await visitor.evaluate(() => (document.getElementById('done')!.textContent = 'All done.'));
  await waitForReplay(tech, 'All done.');

  const batches = cobrowseBatches(frames);
  // The search itself works: public text and the typed lengths are in the batches.
  assert.ok(findLeaks(frames, batches, 'This text is public').length > 0, 'public text is found');
  assert.ok(batches.some((b) => b.json.includes('privacy-canary.html')));
  const leaks = canaries.map((c) => ({ canary: c, where: findLeaks(frames, batches, c) })).filter((l) => l.where.length > 0);
  assert.deepEqual(leaks, []);
  assert.deepEqual(problems, []);
});
