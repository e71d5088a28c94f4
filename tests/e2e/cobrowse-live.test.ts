/**
 * Co-browse end to end (SPEC.md C-1..C-8), in real Chromium against the real server process: the
 * technician asks to view, the visitor allows, the console replays the page live, a change on the
 * visitor's page shows up in the replay, and Stop ends it for good.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { allowView, captureFrames, cobrowseBatches, joinByLink, waitForReplay, type SentFrame } from './cobrowse-steps.js';
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
  visitor = watch(await (await browser.newContext()).newPage(), 'visitor', problems);
  tech = watch(await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage(), 'technician', problems);
  frames = captureFrames(visitor);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('C-2, C-3: after Allow the console replays the visitor page live, and DOM changes follow', async () => {
  await joinByLink(tech, visitor, server);
  await allowView(tech, visitor);
  await waitForReplay(tech, 'Ride further, worry less.');
  await visitor.locator('porthole-viewing-bar').getByText('Your screen is being viewed by Admin').waitFor();
  const url = await tech.locator('cobrowse-view .url').textContent();
  assert.equal(url, `${server.url}/`);
  assert.match((await tech.locator('cobrowse-view .size').textContent()) ?? '', /^\d+ × \d+$/);

  await visitor.evaluate(() => {
    const h = document.createElement('h2');
    h.textContent = 'A change made after the snapshot';
    document.querySelector('main')?.prepend(h);
  });
  await waitForReplay(tech, 'A change made after the snapshot');
  // The widget itself never appears in the stream (C-7).
  const sent = cobrowseBatches(frames)
    .map((b) => b.json)
    .join('\n');
  assert.ok(sent.includes('A change made after the snapshot'));
  assert.ok(!sent.includes('Chat with support'), 'the widget is not in the stream');
});

test('C-3: a technician who reloads the console gets a fresh snapshot', async () => {
  await tech.reload();
  await tech.locator('session-list li').first().click();
  await tech.locator('cobrowse-view .state.live').waitFor();
  await waitForReplay(tech, 'A change made after the snapshot');
});

test('C-11: the named pointer of the technician and a fading highlight show on the visitor page', async () => {
  const stage = tech.locator('cobrowse-view .stage');
  const box = (await stage.boundingBox())!;
  await tech.mouse.move(box.x + box.width / 2, box.y + 60);
  await tech.mouse.move(box.x + box.width / 2 + 5, box.y + 70);
  const cursor = visitor.locator('porthole-guide .cursor');
  await cursor.getByText('Admin').waitFor();

  // Highlight the replayed heading: the visitor's real heading gets the outline.
  await tech.locator('cobrowse-view button.highlight').click();
  const heading = await tech.evaluate(() => {
    const view = document.querySelector('porthole-console')?.shadowRoot?.querySelector('console-workspace')?.shadowRoot;
    const cv = view?.querySelector('conversation-view')?.shadowRoot?.querySelector('cobrowse-view')?.shadowRoot;
    const frame = cv?.querySelector('iframe');
    const r = frame?.contentDocument?.querySelector('h1')?.getBoundingClientRect();
    const f = frame?.getBoundingClientRect();
    const scale = f && frame ? f.width / frame.offsetWidth : 1;
    return r && f ? { x: f.left + (r.left + r.width / 2) * scale, y: f.top + (r.top + r.height / 2) * scale } : null;
  });
  assert.ok(heading, 'the replay shows the heading');
  await tech.mouse.click(heading.x, heading.y);
  const outline = visitor.locator('porthole-guide .outline');
  await outline.waitFor();
  const [o, h] = [await outline.boundingBox(), await visitor.locator('h1').boundingBox()];
  assert.ok(
    o && h && Math.abs(o.x - h.x) < 8 && Math.abs(o.width - h.width) < 10,
    `outline ${JSON.stringify(o)} around ${JSON.stringify(h)}`,
  );
  await outline.waitFor({ state: 'detached' });
});

test('C-8: Stop on the bar ends recording and sending at once, and the console says the visitor stopped', async () => {
  await visitor.locator('porthole-viewing-bar button', { hasText: 'Stop' }).click();
  const stoppedAt = frames.length;
  await tech.locator('cobrowse-view .state.stopped', { hasText: 'Visitor stopped sharing' }).waitFor();
  assert.equal(await visitor.locator('porthole-viewing-bar').count(), 0);
  await visitor.evaluate(() => {
    const h = document.createElement('h2');
    h.textContent = 'Typed after Stop';
    document.querySelector('main')?.prepend(h);
  });
  // A chat message after the change: frames leave in order, so one recorded after Stop would precede it.
  const box = visitor.locator('porthole-chat textarea');
  await box.fill('Sent after stopping');
  await box.press('Enter');
  await tech.locator('conversation-view .msg', { hasText: 'Sent after stopping' }).waitFor();
  const afterStop = frames.slice(stoppedAt).filter((f) => typeof f === 'string' && f.includes('"cobrowse:events"'));
  assert.equal(afterStop.length, 0, 'no co-browse frame after Stop');
  assert.ok(!cobrowseBatches(frames).some((b) => b.json.includes('Typed after Stop')));
  assert.deepEqual(problems, []);
});
