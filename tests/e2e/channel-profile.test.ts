/**
 * The channel profile end to end, in real Chromium against the real server process: an admin turns
 * on the pre-chat form in the console, a visitor fills it, the technician reads the answers; then
 * the channel is outside its business hours, a visitor leaves a message, and it is listed in the
 * console. Screenshots of each step go to $PORTHOLE_SHOTS (a temp folder by default).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { signIn, watch } from './pages.js';

let server: ServerProcess;
let browser: Browser;
let technician: Page;
const problems: string[] = [];
const shots = process.env.PORTHOLE_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-shots-'));
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`) });

before(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  technician = watch(await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage(), 'technician', problems);
  await signIn(technician, server);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const newVisitor = async (name: string) => {
  const page = watch(await (await browser.newContext({ viewport: { width: 1000, height: 760 } })).newPage(), name, problems);
  await page.goto(`${server.url}/`);
  await page.locator('porthole-widget button.launch').click();
  return page;
};

const openDemoSettings = async () => {
  await technician.locator('console-nav button', { hasText: 'Channels' }).last().click();
  await technician.locator('admin-channels button[aria-label="Edit Website"]').click();
  await technician.locator('channel-profile-form form').waitFor();
};

test('Q-1..Q-3: the admin turns on the pre-chat form; the visitor fills it; the technician reads the answers', async () => {
  await openDemoSettings();
  const settings = technician.locator('channel-profile-form');
  await settings.locator('input[name=prechat-enabled]').check();
  await settings.locator('input[aria-label="Ask for Question"]').check();
  await settings.locator('button', { hasText: 'Add a text field' }).click();
  await settings.locator('input[aria-label="Label of custom field 1"]').fill('Order number');
  await settings.locator('input[aria-label="Label of custom field 1"]').press('Tab');
  await settings.locator('input[aria-label="Order number is required"]').check();
  await settings.locator('button[type=submit]').click();
  await settings.locator('.success', { hasText: 'Visitor settings saved.' }).waitFor();
  await shot(technician, 'console-channel-settings');

  const visitor = await newVisitor('visitor (pre-chat)');
  const form = visitor.locator('porthole-chat form.prechat');
  await form.waitFor();
  assert.equal(await visitor.locator('porthole-chat form.compose').count(), 0, 'no message box before the form');
  await form.locator('button[type=submit]').click();
  await visitor.locator('porthole-chat #prechat-email-error').waitFor();
  await shot(visitor, 'widget-prechat-errors');
  await form.locator('#prechat-name').fill('Ada Lovelace');
  await form.locator('#prechat-email').fill('ada@example.com');
  await form.locator('#prechat-field-1').fill('A-1234');
  await form.locator('#prechat-question').fill('My invoice shows the wrong address');
  await shot(visitor, 'widget-prechat');
  await form.locator('button[type=submit]').click();
  const box = visitor.locator('porthole-chat form.compose textarea');
  await box.fill('Hello, can you help?');
  await box.press('Enter');
  await visitor.locator('porthole-chat .msg.visitor:not(.pending)').waitFor();

  await technician.locator('console-nav button', { hasText: 'Home' }).click();
  await technician.locator('session-list li', { hasText: 'Hello, can you help?' }).click();
  const answers = technician.locator('conversation-view visitor-profile dl');
  await answers.waitFor();
  const pairs = await answers.locator('dt, dd').allTextContents();
  assert.deepEqual(pairs, [
    'Name',
    'Ada Lovelace',
    'Email',
    'ada@example.com',
    'Question',
    'My invoice shows the wrong address',
    'Order number',
    'A-1234',
  ]);
  await shot(technician, 'console-session-answers');
});

test('O-1..O-3: outside business hours the visitor leaves a message, and the console lists it', async () => {
  await openDemoSettings();
  const settings = technician.locator('channel-profile-form');
  await settings.locator('input[name=hours-enabled]').check();
  await settings.locator('input[name=timeZone]').fill('Pacific/Auckland');
  // No opening hours on any day: the channel is closed whatever the server clock says.
  for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) await settings.locator(`input[name=hours-${day}]`).fill('');
  await settings.locator('button[type=submit]').click();
  await settings.locator('.success', { hasText: 'Visitor settings saved.' }).waitFor();

  const visitor = await newVisitor('visitor (offline)');
  const form = visitor.locator('porthole-chat form.offline');
  await form.waitFor();
  assert.match((await form.locator('.reason').textContent()) ?? '', /outside our opening hours/);
  await shot(visitor, 'widget-offline');
  await form.locator('#offline-email').fill('grace@example.com');
  await form.locator('#offline-name').fill('Grace Hopper');
  await form.locator('#offline-message').fill('Please call me back about <b>order</b> 77');
  await form.locator('button[type=submit]').click();
  await visitor.locator('porthole-chat .offline', { hasText: 'Message sent' }).waitFor();
  await shot(visitor, 'widget-offline-sent');

  await technician.locator('offline-messages button', { hasText: 'Refresh' }).click();
  const item = technician.locator('offline-messages li', { hasText: 'Grace Hopper' });
  await item.waitFor();
  assert.equal(await item.locator('.text').textContent(), 'Please call me back about <b>order</b> 77');
  assert.equal(await item.locator('a').getAttribute('href'), 'mailto:grace@example.com');
  await item.scrollIntoViewIfNeeded();
  await shot(technician, 'console-offline-messages');
});

test('no page errors and no CSP violations on any page', () => {
  assert.deepEqual(problems, []);
  console.log(`screenshots in ${shots}`);
});
