/**
 * Chat around the messages, end to end in real Chromium against the real server process: typing
 * both ways, receipts both ways, internal notes that never reach the visitor's page, the notice for
 * a message in another session, the chat bar hidden with a count, a reply that failed while the
 * server was down and went through once it was back, and one left unsent in a console that closed.
 */
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { signIn, watch } from './pages.js';

let server: ServerProcess;
let browser: Browser;
let visitor: Page;
let technician: Page;
const problems: string[] = [];
/** Every text frame the visitor's page received over its WebSocket. */
const visitorFrames: string[] = [];
const shots = process.env.PORTHOLE_SHOTS ?? os.tmpdir();

const chat = (page: Page) => page.locator('porthole-chat');
const panel = (page: Page) => page.locator('chat-panel');

before(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  visitor = watch(await (await browser.newContext()).newPage(), 'visitor', problems);
  visitor.on('websocket', (ws) =>
    ws.on('framereceived', (f) => visitorFrames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8'))),
  );
  technician = watch(await (await browser.newContext({ viewport: { width: 1280, height: 760 } })).newPage(), 'technician', problems);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('Y-1, D-1: typing shows on both sides, and receipts move from Sent to Read on both sides', async () => {
  await visitor.goto(`${server.url}/`);
  await visitor.locator('porthole-widget button.launch').click();
  const box = chat(visitor).locator('textarea');
  await box.fill('My invoice shows the wrong address');
  await box.press('Enter');
  await chat(visitor).locator('.msg.visitor:not(.pending)').waitFor();

  await signIn(technician, server);
  await technician.locator('session-list li', { hasText: 'wrong address' }).click();
  // The technician opened it: read, and the visitor sees so.
  await chat(visitor).locator('.receipt.read').waitFor();

  await box.pressSequentially('It still', { delay: 5 });
  await panel(technician).locator('.typing', { hasText: 'is typing' }).waitFor();
  await box.press('Enter');
  await panel(technician).locator('.msg.visitor', { hasText: 'It still' }).waitFor();
  assert.equal(await panel(technician).locator('.typing').count(), 0, 'the message ends the typing indicator');

  const reply = panel(technician).locator('textarea');
  await reply.pressSequentially('Let me', { delay: 5 });
  await chat(visitor).locator('.typing', { hasText: 'Admin is typing' }).waitFor();
  await reply.press('Enter');
  await chat(visitor).locator('.msg.technician', { hasText: 'Let me' }).waitFor();
  // The widget is open, so the reply was shown: the console sees Read under it.
  await panel(technician).locator('.receipt.read').waitFor();
});

test('N-1: an internal note shows in the console, marked, and never reaches the visitor page', async () => {
  const secret = `note-${Date.now()}-proxy-misconfigured`;
  await panel(technician).locator('label', { hasText: 'Internal note' }).click();
  const box = panel(technician).locator('textarea');
  await box.fill(secret);
  await box.press('Enter');
  const note = panel(technician).locator('.msg.note:not(.pending)', { hasText: secret });
  await note.waitFor();
  assert.match((await note.locator('.meta').textContent()) ?? '', /Internal note/);

  // A reply after the note reaches the visitor; the note, sent before it, would have come first.
  await panel(technician).locator('label', { hasText: 'Reply to visitor' }).click();
  await box.fill('Fixed it on our side.');
  await box.press('Enter');
  await chat(visitor).locator('.msg.technician', { hasText: 'Fixed it' }).waitFor();
  assert.equal(await chat(visitor).getByText(secret).count(), 0);
  assert.equal(visitorFrames.length > 0, true, 'frames were captured');
  assert.equal(visitorFrames.filter((f) => f.includes(secret)).length, 0, 'the note never left the server for the visitor');
  await technician.screenshot({ path: path.join(shots, 'console-chat-live.png') });
  await visitor.screenshot({ path: path.join(shots, 'widget-chat-live.png') });
});

test('a message in another session shows a notice that opens it; a hidden chat bar counts what arrives', async () => {
  const other = watch(await (await browser.newContext()).newPage(), 'second visitor', problems);
  await other.goto(`${server.url}/`);
  await other.locator('porthole-widget button.launch').click();
  await chat(other).locator('textarea').fill('Second customer here');
  await chat(other).locator('textarea').press('Enter');
  const arrival = technician.locator('.banner.arrival');
  await arrival.waitFor();
  await arrival.getByRole('button', { name: 'Open' }).click();
  await panel(technician).locator('.msg.visitor', { hasText: 'Second customer here' }).waitFor();
  assert.equal(await technician.locator('.banner.arrival').count(), 0);

  await panel(technician).getByRole('button', { name: 'Hide chat' }).click();
  assert.equal(await panel(technician).locator('.log').count(), 0);
  await chat(other).locator('textarea').fill('Are you there?');
  await chat(other).locator('textarea').press('Enter');
  await panel(technician).locator('.badge', { hasText: '1' }).waitFor();
  await technician.screenshot({ path: path.join(shots, 'console-chat-hidden.png') });
  await panel(technician).getByRole('button', { name: 'Show chat' }).click();
  await panel(technician).locator('.msg.visitor', { hasText: 'Are you there?' }).waitFor();
  await other.close();
});

test('a reply that fails while the server is down is kept, and goes through once, after it is back', async () => {
  await server.kill();
  await technician.locator('.banner', { hasText: 'Reconnecting' }).waitFor();
  const box = panel(technician).locator('textarea');
  await box.fill('Sent while you were away');
  await box.press('Enter');
  await panel(technician).locator('.msg.pending .failed').waitFor();
  await server.restart();
  await panel(technician).locator('.msg.technician:not(.pending)', { hasText: 'Sent while you were away' }).waitFor({ timeout: 20_000 });
  assert.equal(await panel(technician).locator('.msg.pending').count(), 0);
  assert.equal(await panel(technician).locator('.msg.technician', { hasText: 'Sent while you were away' }).count(), 1, 'stored once');
});

test('a reply left unsent when the console closed is shown again by the next console, and sent once', async () => {
  await server.kill();
  await technician.locator('.banner', { hasText: 'Reconnecting' }).waitFor();
  const box = panel(technician).locator('textarea');
  await box.fill('Typed before the console closed');
  await box.press('Enter');
  await panel(technician).locator('.msg.pending .failed').waitFor();
  const context = technician.context();
  await technician.close();
  await server.restart();
  technician = watch(await context.newPage(), 'technician again', problems);
  await technician.goto(`${server.url}/console/`);
  // The restored reply goes at once: the session list names it as the session's last message.
  const row = technician.locator('session-list li', { hasText: 'Typed before the console closed' });
  await row.waitFor({ timeout: 20_000 });
  await row.click();
  await panel(technician).locator('.msg.technician:not(.pending)', { hasText: 'Typed before the console closed' }).waitFor();
  assert.equal(await panel(technician).locator('.msg.pending').count(), 0);
  assert.equal(
    await panel(technician).locator('.msg.technician', { hasText: 'Typed before the console closed' }).count(),
    1,
    'stored once',
  );
  assert.deepEqual(
    problems.filter((p) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(p)),
    [],
  );
});
