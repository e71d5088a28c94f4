/**
 * Nothing before consent (SPEC.md C-7): every WebSocket frame and every request of the visitor's
 * page is captured from the first load; until the visitor presses Allow, no page content leaves,
 * the recorder's chunk is not even fetched, and a Deny keeps it that way.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { captureFrames, cobrowseBatches, findLeaks, joinByLink, type SentFrame } from './cobrowse-steps.js';
import { watch } from './pages.js';

/** Text only the page holds (not the widget, not the chat): if it is in a frame, the page left. */
const PAGE_TEXT = ['Ride further, worry less.', 'Three gears, belt drive', 'Northwind Cycles, a fictional shop'];

let server: ServerProcess;
let browser: Browser;
let visitor: Page;
let tech: Page;
let frames: SentFrame[];
const requests: string[] = [];
const problems: string[] = [];

before(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  visitor = watch(await (await browser.newContext()).newPage(), 'visitor', problems);
  tech = watch(await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage(), 'technician', problems);
  frames = captureFrames(visitor);
  visitor.on('request', (r) => requests.push(r.url()));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const cobrowseFrames = () => frames.filter((f) => typeof f === 'string' && f.includes('cobrowse:'));
const recorderFetched = () => requests.some((u) => /cobrowse-session/.test(u));
const leaks = () => PAGE_TEXT.flatMap((t) => findLeaks(frames, cobrowseBatches(frames), t));

test('C-7: chatting, being asked and denying send no page content and load no recorder', async () => {
  await joinByLink(tech, visitor, server);
  const box = visitor.locator('porthole-chat textarea');
  await box.fill('Can you look at my page?');
  await box.press('Enter');
  await tech.locator('conversation-view .msg', { hasText: 'Can you look at my page?' }).waitFor();

  await tech.locator('permissions-panel button', { hasText: 'Request to view the page' }).click();
  await visitor.locator('porthole-chat .prompt').waitFor();
  assert.ok(frames.length > 3, 'the capture sees the chat frames');
  assert.deepEqual([cobrowseFrames(), leaks(), recorderFetched()], [[], [], false], 'nothing while the prompt is open');

  await visitor.locator('porthole-chat .prompt button', { hasText: 'Deny' }).click();
  await tech.locator('permissions-panel .perm-status', { hasText: 'Denied' }).waitFor();
  await box.fill('Sorry, not now');
  await box.press('Enter');
  await tech.locator('conversation-view .msg', { hasText: 'Sorry, not now' }).waitFor();
  assert.deepEqual([cobrowseFrames(), leaks(), recorderFetched()], [[], [], false], 'nothing after Deny');
  assert.equal(await visitor.evaluate(() => customElements.get('porthole-viewing-bar') === undefined), true);
});

test('C-7: after Allow the recorder loads and the page goes out (the capture would have seen it)', async () => {
  await tech.locator('permissions-panel button', { hasText: 'Request to view the page' }).click();
  await visitor.locator('porthole-chat .prompt button.primary', { hasText: 'Allow' }).click();
  await tech.locator('cobrowse-view .state.live').waitFor();
  assert.equal(recorderFetched(), true);
  assert.ok(cobrowseFrames().length > 0);
  assert.ok(leaks().length > 0, 'page text is in the stream now');
  assert.deepEqual(problems, []);
});
