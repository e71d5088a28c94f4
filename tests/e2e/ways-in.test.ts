/**
 * The three ways into a session, and a permission request, end to end: the console and the demo
 * site's widget in real Chromium against the real server process (SPEC.md S-2, S-5, S-6, S-7, G-1).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { signIn, watch } from './pages.js';

let server: ServerProcess;
let browser: Browser;
let tech: Page;
const problems: string[] = [];

/** A visitor in a browser of their own (own IndexedDB, so their own visitor token). */
async function newVisitor(who: string): Promise<Page> {
  return watch(await (await browser.newContext()).newPage(), who, problems);
}

/** The session view's status pill. */
const viewStatus = () => tech.locator('conversation-view header .status').first();

before(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  tech = watch(await (await browser.newContext()).newPage(), 'technician', problems);
  await signIn(tech, server);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** "New session" in the console; answers the invitation's link and PIN as the dialog shows them. */
async function newSession(): Promise<{ link: string; pin: string }> {
  await tech.locator('console-toolbar button', { hasText: 'New session' }).click();
  const dialog = tech.locator('new-session-dialog dialog');
  await dialog.locator('input.link').waitFor();
  const link = await dialog.locator('input.link').inputValue();
  const pin = ((await dialog.locator('.pin').textContent()) ?? '').trim();
  await dialog.locator('button', { hasText: 'Done' }).click();
  await viewStatus().filter({ hasText: 'Waiting' }).waitFor();
  return { link, pin };
}

test('S-5: a technician creates a session; the visitor opens the link; Waiting becomes Active', async () => {
  const { link } = await newSession();
  assert.match(link, /\?porthole=[A-Za-z0-9_-]{43}$/);
  const visitor = await newVisitor('visitor (link)');
  const started = performance.now();
  await visitor.goto(link);
  await visitor.locator('porthole-chat').waitFor();
  await viewStatus().filter({ hasText: 'Active' }).waitFor();
  console.log(`# join by link, page open to "Active" in the console: ${Math.round(performance.now() - started)} ms`);
  await visitor.locator('porthole-chat header', { hasText: 'Admin is helping you' }).waitFor();
  // The widget strips the used token once the join is acked, which may land after the console hears of it.
  await visitor.waitForURL((url) => !url.searchParams.has('porthole'));
  assert.equal(new URL(visitor.url()).searchParams.has('porthole'), false, 'the used token leaves the address bar');
  await visitor.close();
});

test('S-5: the visitor types the PIN into the widget instead', async () => {
  const { pin } = await newSession();
  assert.match(pin, /^\d{6}$/);
  const visitor = await newVisitor('visitor (PIN)');
  await visitor.goto(`${server.url}/`);
  await visitor.locator('porthole-widget button.launch').click();
  await visitor.locator('porthole-chat button', { hasText: 'Have a PIN from a technician?' }).click();
  await visitor.locator('porthole-chat form.pin input').fill(pin);
  await visitor.locator('porthole-chat form.pin button[type=submit]').click();
  await visitor.locator('porthole-chat header', { hasText: 'Admin is helping you' }).waitFor();
  await viewStatus().filter({ hasText: 'Active' }).waitFor();
  await visitor.close();
});

test('S-2, T-1: a visitor asks for help; the session waits In queue until a technician takes it', async () => {
  const visitor = await newVisitor('visitor (queue)');
  await visitor.goto(`${server.url}/`);
  await visitor.locator('porthole-widget button.launch').click();
  await visitor.locator('porthole-chat textarea').fill('My invoice shows the wrong address');
  await visitor.locator('porthole-chat textarea').press('Enter');
  const item = tech.locator('session-list li', { hasText: 'My invoice shows the wrong address' });
  await item.waitFor();
  await item.click();
  await viewStatus().filter({ hasText: 'In queue' }).waitFor();
  await tech.locator('session-actions button', { hasText: 'Take' }).click();
  await viewStatus().filter({ hasText: 'Active' }).waitFor();
  await visitor.locator('porthole-chat header', { hasText: 'Admin is helping you' }).waitFor();
  await visitor.close();
});

test('S-6, S-7, G-1, G-2: a support code read over the phone connects the technician, who asks to view the page', async () => {
  const visitor = await newVisitor('visitor (code)');
  await visitor.goto(`${server.url}/`);
  await visitor.locator('porthole-widget button.launch').click();
  await visitor.locator('porthole-chat button', { hasText: 'Get a support code' }).click();
  const digits = ((await visitor.locator('porthole-chat .digits').textContent()) ?? '').trim();
  assert.match(digits, /^\d{3} \d{3} \d{3}$/);

  await tech.locator('console-toolbar button', { hasText: "Connect to a user's device" }).click();
  await tech.locator('connect-code-dialog input.code').fill(digits);
  await tech.locator('connect-code-dialog button[type=submit]').click();
  await viewStatus().filter({ hasText: 'Active' }).waitFor();

  await tech.locator('permissions-panel button', { hasText: 'Request to view the page' }).click();
  const prompt = visitor.locator('porthole-chat section.prompt');
  await prompt.waitFor();
  assert.match((await prompt.textContent()) ?? '', /Admin/);
  await prompt.locator('button', { hasText: 'Allow' }).click();
  await tech.locator('permissions-panel', { hasText: 'Granted' }).waitFor();
  await tech.locator('activity-panel', { hasText: 'The visitor allowed the request to view the page.' }).waitFor();
  await visitor.close();
});

test('no page errors and no CSP violations on any page', () => {
  assert.deepEqual(problems, []);
});
