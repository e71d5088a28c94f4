/**
 * Continuing a conversation on another device, end to end (SPEC.md P-1, P-2): the visitor asks for
 * a link in the widget, the real server mails it over real SMTP (a test sink), and a second browser
 * (own storage: another device) opens it and is in the same conversation, live on both. The link
 * works once.
 */
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startMailSink, type MailSink } from '../support/mail-sink.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { watch } from './pages.js';

let sink: MailSink;
let server: ServerProcess;
let browser: Browser;
const problems: string[] = [];
const shots = process.env.PORTHOLE_SHOTS ?? os.tmpdir();

const chat = (page: Page) => page.locator('porthole-chat');
const device = async (who: string) =>
  watch(await (await browser.newContext({ viewport: { width: 900, height: 760 } })).newPage(), who, problems);

before(async () => {
  sink = await startMailSink();
  server = await startServerProcess({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port), SMTP_FROM: 'help@porthole.test' } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await sink?.close();
});

test('P-1, P-2: a link mailed from the widget opens the same conversation on another device, once', async () => {
  const phone = await device('phone');
  await phone.goto(`${server.url}/?ref=phone`);
  await phone.locator('porthole-widget button.launch').click();
  const box = chat(phone).locator('textarea');
  await box.fill('Started on my phone');
  await box.press('Enter');
  await chat(phone).locator('.msg.visitor:not(.pending)').waitFor();

  await chat(phone).getByRole('button', { name: 'Continue on another device' }).click();
  await chat(phone).locator('#continue-email').fill('ada@example.com');
  await chat(phone).getByRole('button', { name: 'Send link' }).click();
  await chat(phone).locator('.continue strong', { hasText: 'ada@example.com' }).waitFor();
  await phone.screenshot({ path: path.join(shots, 'widget-continue-sent.png') });

  const mail = await sink.next((m) => /Continue your conversation/.test(m.subject ?? ''));
  const link = /(http\S+porthole-resume=\S+)/.exec(mail.text ?? '')?.[1];
  assert.ok(link, `the mail holds a link: ${mail.text}`);
  assert.equal(new URL(link).searchParams.get('ref'), 'phone', 'it opens the page the visitor was on');

  const laptop = await device('laptop');
  await laptop.goto(link);
  // The widget opens by itself on such a link, and shows the conversation.
  await chat(laptop).locator('.msg.visitor', { hasText: 'Started on my phone' }).waitFor();
  assert.equal(new URL(laptop.url()).searchParams.has('porthole-resume'), false, 'the used link leaves the address bar');
  await chat(laptop).locator('textarea').fill('Now on my laptop');
  await chat(laptop).locator('textarea').press('Enter');
  await chat(laptop).locator('.msg.visitor:not(.pending)', { hasText: 'Now on my laptop' }).waitFor();
  // Live on both devices: the phone sees what was written on the laptop.
  await chat(phone).locator('.msg.visitor', { hasText: 'Now on my laptop' }).waitFor();
  await laptop.screenshot({ path: path.join(shots, 'widget-continued.png') });

  const third = await device('someone else');
  await third.goto(link);
  await chat(third).locator('.notice', { hasText: 'already been used' }).waitFor();
  assert.equal(await chat(third).locator('.msg', { hasText: 'Started on my phone' }).count(), 0, 'a used link shows nothing');
  assert.deepEqual(problems, []);
});
