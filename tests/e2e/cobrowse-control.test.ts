/**
 * In-page control end to end (SPEC.md C-12, C-13), in real Chromium against the real server
 * process: after the visitor allows view and then control, the technician clicks a button and types
 * into a field in the console's replay, and the visitor's page reacts as to a person; typing into
 * a password field is refused and said so; the demo site's select takes an option from the
 * console's picker and its editable notes take typing; once the visitor stops control, it is gone.
 * The console fetches rrweb's Replayer only for the live view (C-15).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
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
  tech.on('request', (r) => fetched.push(new URL(r.url()).pathname));
});

/** Paths the technician's browser requested, in order. */
const fetched: string[] = [];
const replayerFetched = () => fetched.some((p) => /\/console\/assets\/rrweb-replayer-[\w-]+\.js$/.test(p));

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
  await tech.locator('permissions-panel button', { hasText: 'Request to view the page' }).waitFor();
  assert.equal(replayerFetched(), false, 'C-15: the console opened without the replayer');
  await allowView(tech, visitor);
  assert.equal(replayerFetched(), true, 'C-15: the live view fetched it');
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

/** Waits until the replay is scrolled as the visitor's page is (the scroll came through the stream). */
async function waitForReplayScroll(): Promise<void> {
  const y = await visitor.evaluate(() => Math.round(scrollY));
  await tech.waitForFunction((wanted) => {
    const view = document.querySelector('porthole-console')?.shadowRoot?.querySelector('console-workspace')?.shadowRoot;
    const frame = view?.querySelector('conversation-view')?.shadowRoot?.querySelector('cobrowse-view')?.shadowRoot?.querySelector('iframe');
    return Math.round(frame?.contentWindow?.scrollY ?? -1) === wanted;
  }, y);
}

test('C-12, C-13: the technician chooses an option of the site’s select in a picker and types into its editable notes', async () => {
  await visitor.evaluate(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    // No named helper: tsx would wrap it in an `__name` call the page does not have.
    for (const [selector, types] of [
      ['#shop', ['input', 'change']],
      ['#delivery-notes', ['beforeinput', 'input']],
    ] as const) {
      for (const type of types)
        document
          .querySelector(selector)
          ?.addEventListener(type, (e) => heard.push(`${e.type}${e instanceof InputEvent ? `:${e.inputType}` : ''}`));
    }
  });
  await visitor.locator('section.account').scrollIntoViewIfNeeded();
  await waitForReplayScroll();

  await clickInReplay('#shop');
  const picker = tech.locator('cobrowse-view option-picker');
  await picker.waitFor();
  // The labels as the replay shows them (masked, C-7), each with its position; the disabled one cannot be chosen.
  assert.deepEqual(await picker.locator('.index').allTextContents(), ['1.', '2.', '3.', '4.']);
  assert.equal(await picker.locator('.option').nth(3).isDisabled(), true);
  if (process.env.PORTHOLE_SCREENSHOTS) await tech.screenshot({ path: path.join(process.env.PORTHOLE_SCREENSHOTS, 'cobrowse-select.png') });
  await picker.locator('.option').nth(2).click();
  await picker.waitFor({ state: 'detached' });
  await visitor.waitForFunction(() => document.querySelector<HTMLSelectElement>('#shop')?.value === 'utr');
  assert.deepEqual(await visitor.evaluate(() => (window as unknown as { heard: string[] }).heard), ['input', 'change']);

  // Escape closes the picker without choosing.
  await clickInReplay('#shop');
  await picker.waitFor();
  await tech.keyboard.press('Escape');
  await picker.waitFor({ state: 'detached' });

  await clickInReplay('#delivery-notes');
  await tech.keyboard.type('Ring twice');
  await tech.keyboard.press('Backspace');
  await tech.keyboard.press('Home');
  await tech.keyboard.type('>');
  await visitor.locator('#delivery-notes', { hasText: '>Ring twic' }).waitFor();
  assert.equal(await visitor.locator('#delivery-notes').textContent(), '>Ring twic');
  const heard = await visitor.evaluate(() => (window as unknown as { heard: string[] }).heard.slice(2));
  assert.deepEqual(heard.slice(0, 2), ['beforeinput:insertText', 'input:insertText']);
  assert.ok(heard.includes('input:deleteContentBackward'), heard.join(' '));
  assert.equal(await visitor.locator('#shop').inputValue(), 'utr', 'Escape chose nothing');
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
