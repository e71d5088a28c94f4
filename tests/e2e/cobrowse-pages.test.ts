/**
 * Co-browsing real kinds of pages (SPEC.md C-4, C-5, C-10): a page of web components (a Lit
 * component, open shadow roots, adopted stylesheets) replays as the visitor sees it; moving to
 * another page of the site follows without a new consent; a 50,000-element page still co-browses,
 * its snapshot compressed and cut into parts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { readCobrowseFrame } from '../../src/protocol/index.js';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { allowView, captureFrames, componentsLook, joinByLink, waitForReplay, type SentFrame } from './cobrowse-steps.js';
import { watch } from './pages.js';

let server: ServerProcess;
let browser: Browser;
let visitor: Page;
let tech: Page;
let frames: SentFrame[];
const problems: string[] = [];

before(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  visitor = watch(await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage(), 'visitor', problems);
  tech = watch(await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage(), 'technician', problems);
  frames = captureFrames(visitor);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('C-10: a page of web components replays faithfully, shadow roots and adopted sheets included', async () => {
  await joinByLink(tech, visitor, server, '/components.html');
  await visitor.locator('bike-card').first().locator('stock-badge').waitFor();
  await allowView(tech, visitor);
  await waitForReplay(tech, 'Built of web components');
  const page = await componentsLook(visitor, 'page');
  assert.match(page.text, /Metro 3 \| Ready to ride \| In your basket: \| 0/);
  // rrweb sends adopted stylesheets as events of their own after the snapshot: wait for them.
  const styled = Date.now() + 10_000;
  let first = await componentsLook(tech, 'replay');
  while (JSON.stringify(first) !== JSON.stringify(page) && Date.now() < styled) first = await componentsLook(tech, 'replay');
  assert.deepEqual(first, page);

  await visitor.locator('bike-card').first().getByRole('button', { name: 'Add to basket' }).click();
  const changed = await componentsLook(visitor, 'page');
  assert.match(changed.text, /In your basket: \| 1/);
  const deadline = Date.now() + 5000;
  let replayed = await componentsLook(tech, 'replay');
  while (replayed.text !== changed.text && Date.now() < deadline) replayed = await componentsLook(tech, 'replay');
  assert.deepEqual(replayed, changed);
});

test('C-5, C-4: moving to a 50,000-element page follows without asking again; its snapshot comes in parts', async () => {
  const before = frames.length;
  await visitor.goto(`${server.url}/large.html`);
  assert.ok(Number(await visitor.locator('#count').textContent()) >= 50_000);
  await tech.locator('cobrowse-view .url', { hasText: '/large.html' }).waitFor({ timeout: 60_000 });
  await waitForReplay(tech, 'P-09999', 60_000);
  await tech.locator('cobrowse-view .state.live').waitFor();
  // The frame's header rides in its binary attachment, right after socket.io's text packet.
  const parts = frames
    .slice(before)
    .map((f) => (Buffer.isBuffer(f) ? (readCobrowseFrame(f)?.parts ?? 0) : 0))
    .filter((n) => n > 0);
  assert.ok(Math.max(...parts) > 1, `the snapshot was cut into parts (saw ${Math.max(...parts)})`);
  // No second prompt: the grant of this session holds on the next page.
  assert.equal(await tech.locator('permissions-panel li').count(), 1);
  assert.deepEqual(problems, []);
});
