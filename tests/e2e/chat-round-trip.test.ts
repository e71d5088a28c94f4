/**
 * The foundation's walking slice, end to end: the demo site's widget and the console, in real
 * Chromium, against the real server process on SQLite.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { signIn, watch } from './pages.js';

let server: ServerProcess;
let browser: Browser;
let visitorContext: BrowserContext;
let visitor: Page;
let technician: Page;
const problems: string[] = [];

const watchPage = (page: Page, who: string) => watch(page, who, problems);

const widgetMessages = (page: Page) => page.locator('porthole-chat .msg:not(.pending) .text').allTextContents();

before(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  visitorContext = await browser.newContext();
  visitor = watchPage(await visitorContext.newPage(), 'visitor');
  technician = watchPage(await (await browser.newContext()).newPage(), 'technician');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the demo site serves the widget under a strict Content-Security-Policy', async () => {
  const res = await visitor.goto(`${server.url}/`);
  assert.ok(res?.ok());
  assert.match(res!.headers()['content-security-policy'] ?? '', /script-src 'self'; style-src 'self'/);
  await visitor.locator('porthole-widget button.launch').waitFor();
  assert.equal(await visitor.evaluate(() => customElements.get('porthole-chat') === undefined), true, 'chat not loaded before intent');
});

test('a visitor message reaches the console live; the reply reaches the visitor live', async () => {
  await visitor.locator('porthole-widget button.launch').click();
  const box = visitor.locator('porthole-chat textarea');
  await box.fill('Hello, my order page is blank');
  await box.press('Enter');
  await visitor.locator('porthole-chat .msg.visitor:not(.pending)').first().waitFor();

  await signIn(technician, server);
  const item = technician.locator('session-list li', { hasText: 'Hello, my order page is blank' });
  await item.waitFor();
  assert.equal((await item.locator('.unread').textContent())?.trim(), '1');
  assert.equal((await item.locator('.status').textContent())?.trim(), 'In queue');

  // A second message while the console is open appears live in the list.
  await box.fill('It started this morning');
  await box.press('Enter');
  await technician.locator('session-list li .unread', { hasText: '2' }).waitFor();
  assert.equal(await technician.locator('session-list li').count(), 1, 'one conversation');

  await technician.locator('session-list li').first().click();
  await technician.locator('conversation-view .msg.visitor', { hasText: 'It started this morning' }).waitFor();
  const reply = technician.locator('conversation-view textarea');
  await reply.fill('Thanks! Which browser are you using?');
  await reply.press('Enter');

  await visitor.locator('porthole-chat .msg.technician', { hasText: 'Which browser are you using?' }).waitFor();
  assert.deepEqual(await widgetMessages(visitor), [
    'Hello, my order page is blank',
    'It started this morning',
    'Thanks! Which browser are you using?',
  ]);
  await technician.locator('conversation-view .status', { hasText: 'Active' }).waitFor();
  await visitor.locator('porthole-chat header', { hasText: 'Admin is helping you' }).waitFor();
  assert.equal(await technician.locator('session-list li .unread').count(), 0, 'read once open');
});

test('after a reload the conversation and its history are still there', async () => {
  await visitor.reload();
  // The stored visitor token makes the widget reconnect before any click.
  await visitor.locator('porthole-widget porthole-chat').waitFor({ state: 'attached' });
  await visitor.locator('porthole-widget button.launch').click();
  await visitor.locator('porthole-chat .msg.technician').first().waitFor();
  assert.deepEqual(await widgetMessages(visitor), [
    'Hello, my order page is blank',
    'It started this morning',
    'Thanks! Which browser are you using?',
  ]);
});

test('coming back later in the same browser finds the same conversation, and it still works both ways', async () => {
  await visitor.close();
  visitor = watchPage(await visitorContext.newPage(), 'visitor (later)');
  await visitor.goto(`${server.url}/`);
  await visitor.locator('porthole-widget button.launch').click();
  await visitor.locator('porthole-chat .msg.technician').first().waitFor();
  const box = visitor.locator('porthole-chat textarea');
  await box.fill('Chrome, latest version');
  await box.press('Enter');
  await technician.locator('conversation-view .msg.visitor', { hasText: 'Chrome, latest version' }).waitFor();
  assert.equal(await technician.locator('session-list li').count(), 1, 'still one conversation');
});

test('no page errors and no CSP violations on either page', () => {
  assert.deepEqual(problems, []);
});
