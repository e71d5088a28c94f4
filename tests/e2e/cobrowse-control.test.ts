/**
 * In-page control end to end (SPEC.md C-12, C-13), in real Chromium against the real server
 * process: after the visitor allows view and then control, the technician clicks a button and types
 * into a field in the console's replay, and the visitor's page reacts as to a person; typing into
 * a password field is refused and said so; once the visitor stops control, it is gone.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { allowView, joinByLink, waitForReplay } from './cobrowse-steps.js';
import { watch } from './pages.js';

let server: ServerProcess;
let browser: Browser;
let visitor: Page;
let tech: Page;
const problems: string[] = [];

before(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  visitor = watch(await (await browser.newContext()).newPage(), 'visitor', problems);
  tech = watch(await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage(), 'technician', problems);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A small form of the visitor's site whose listeners say what they saw, on the page itself. */
function addForm(): void {
  const box = document.createElement('section');
  box.id = 'control-form';
  box.innerHTML = `<h2>Control me</h2>
    <button id="count" type="button">Pressed 0 times</button>
    <label>Name <input id="name" /></label>
    <label>Password <input id="secret" type="password" /></label>
    <p id="said">Nothing typed</p><p id="changed">No change</p>`;
  document.querySelector('main')?.prepend(box);
  let n = 0;
  const count = box.querySelector('#count')!;
  count.addEventListener('click', () => (count.textContent = `Pressed ${++n} times`));
  const name = box.querySelector<HTMLInputElement>('#name')!;
  name.addEventListener('input', () => (box.querySelector('#said')!.textContent = `Typed ${name.value}`));
  name.addEventListener('change', () => (box.querySelector('#changed')!.textContent = `Changed to ${name.value}`));
}

/** Where an element of the replayed page is on the technician's screen. */
function replayPoint(selector: string): Promise<{ x: number; y: number } | null> {
  return tech.evaluate((sel) => {
    const view = document.querySelector('porthole-console')?.shadowRoot?.querySelector('console-workspace')?.shadowRoot;
    const frame = view?.querySelector('conversation-view')?.shadowRoot?.querySelector('cobrowse-view')?.shadowRoot?.querySelector('iframe');
    const r = frame?.contentDocument?.querySelector(sel)?.getBoundingClientRect();
    const f = frame?.getBoundingClientRect();
    const scale = f && frame ? f.width / frame.offsetWidth : 1;
    return r && f ? { x: f.left + (r.left + r.width / 2) * scale, y: f.top + (r.top + r.height / 2) * scale } : null;
  }, selector);
}

async function clickInReplay(selector: string): Promise<void> {
  const at = await replayPoint(selector);
  assert.ok(at, `the replay shows ${selector}`);
  await tech.mouse.click(at.x, at.y);
}

test('C-12, C-13: with control granted, the technician clicks and types in the replay and the visitor page reacts', async () => {
  await joinByLink(tech, visitor, server);
  await allowView(tech, visitor);
  await visitor.evaluate(addForm);
  await waitForReplay(tech, 'Control me');
  assert.equal(await tech.locator('cobrowse-view button.control').count(), 0, 'no Control before the visitor allows it');

  await tech.locator('permissions-panel button', { hasText: 'Request control' }).click();
  await visitor.locator('porthole-chat .prompt button.primary', { hasText: 'Allow' }).click();
  await tech.locator('cobrowse-view button.control').click();
  await tech.locator('cobrowse-view .control-note').waitFor();

  await clickInReplay('#count');
  await visitor.locator('#count', { hasText: 'Pressed 1 times' }).waitFor();
  // The click's effect comes back through the stream.
  await waitForReplay(tech, 'Pressed 1 times');

  await clickInReplay('#name');
  await tech.keyboard.type('Ada L');
  await visitor.locator('#said', { hasText: 'Typed Ada L' }).waitFor();
  assert.equal(await visitor.locator('#name').inputValue(), 'Ada L');
  await tech.keyboard.press('Tab');
  await visitor.locator('#changed', { hasText: 'Changed to Ada L' }).waitFor();

  await clickInReplay('#secret');
  await tech.keyboard.type('x');
  await tech.locator('cobrowse-view .control-note.refused', { hasText: 'Refused: password field' }).waitFor();
  assert.equal(await visitor.locator('#secret').inputValue(), '');
});

test('C-12: once the visitor stops control, Control is gone and clicks in the replay do nothing', async () => {
  await visitor.locator('porthole-chat .granted li', { hasText: 'click and type' }).locator('button.stop').click();
  await tech.locator('cobrowse-view button.control').waitFor({ state: 'detached' });
  await tech.locator('cobrowse-view .state.live').waitFor();
  await clickInReplay('#count');
  // Viewing goes on: a change on the page after the click still arrives, and the count stayed.
  await visitor.evaluate(() => document.querySelector('h2')?.append(' (still viewed)'));
  await waitForReplay(tech, 'Control me (still viewed)');
  assert.equal(await visitor.locator('#count').textContent(), 'Pressed 1 times');
  assert.deepEqual(problems, []);
});
