/**
 * The service desk end to end (SPEC.md E-*, R-*, K-*): a mail sent to the desk's SMTP listener
 * becomes a ticket, a rule made in the admin page routes it, the technician replies by email from
 * the expert view (caught by an SMTP sink), the customer answers, the technician creates a session
 * from the ticket and emails the invitation, the customer opens it, and the ticket's timeline tells
 * the whole story. Real server process, real SMTP servers, real Chromium.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { freePort } from '../support/free-port.js';
import { sendMail, startMailSink, type MailSink } from '../support/mail-sink.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { signIn, watch } from './pages.js';

const DESK = 'help@desk.test';
let server: ServerProcess;
let sink: MailSink;
let browser: Browser;
let tech: Page;
let mailPort: number;
const problems: string[] = [];

before(async () => {
  sink = await startMailSink();
  mailPort = await freePort();
  server = await startServerProcess({
    env: {
      MAIL_IN_PORT: String(mailPort),
      MAIL_IN_HOST: '127.0.0.1',
      SMTP_FROM: DESK,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
    },
  });
  browser = await launchChromium();
  tech = watch(await (await browser.newContext({ viewport: { width: 1360, height: 800 } })).newPage(), 'technician', problems);
  await signIn(tech, server);
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await sink?.close();
});

test('X-1..X-4, R-5, K-10, K-11: mail → ticket → rule → reply by email → session → the customer joins, all on the timeline', async () => {
  // An admin writes and enables a rule in the console.
  await tech.locator('console-nav button', { hasText: 'Service desk' }).last().click();
  await tech.locator('desk-admin-page button', { hasText: 'New rule' }).click();
  const editor = tech.locator('rule-editor');
  await editor.locator('input[name=rule-name]').fill('Printers are urgent');
  await editor.locator('input[aria-label=Value]').fill('printer');
  await editor.locator('select[aria-label=Priority]').selectOption('urgent');
  await editor.locator('label', { hasText: 'Enabled' }).locator('input').check();
  await editor.locator('button', { hasText: 'Save rule' }).click();
  await tech.locator('desk-admin-page li', { hasText: 'Printers are urgent' }).filter({ hasText: 'Enabled' }).waitFor();

  // The customer writes to the desk.
  await sendMail(mailPort, {
    from: '"Ann Example" <ann@example.com>',
    to: DESK,
    subject: 'Printer <b>jammed</b>',
    text: 'Paper jam on floor 2.',
    messageId: '<ann-1@example.com>',
  });

  await tech.locator('console-nav button', { hasText: 'Service desk' }).first().click();
  const row = tech.locator('ticket-table tr.row', { hasText: 'Printer <b>jammed</b>' });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /Urgent/, 'the rule set the priority');
  assert.equal(await tech.locator('ticket-table b').count(), 0, 'the subject is shown as text, not markup');

  // Overview on click, expert view on double click.
  await row.click();
  await tech.locator('ticket-overview .go').waitFor();
  await row.dblclick();
  const timeline = tech.locator('ticket-timeline');
  await timeline.locator('.entry.k-rule', { hasText: 'Printers are urgent' }).waitFor();

  // Reply by email, threaded.
  await timeline.locator('.reply textarea').fill('Open tray 2 and pull the sheet out.');
  await timeline.locator('.reply button[type=submit]').click();
  const reply = await sink.next((m) => m.text?.includes('Open tray 2') ?? false);
  assert.match(reply.subject ?? '', /^Re: Printer <b>jammed<\/b> \[#T-\d+\]$/);
  assert.equal(reply.inReplyTo, '<ann-1@example.com>');
  assert.equal(reply.to && !Array.isArray(reply.to) ? reply.to.value[0].address : '', 'ann@example.com');

  // The customer answers the reply: same ticket.
  await sendMail(mailPort, {
    from: 'ann@example.com',
    to: DESK,
    subject: `Re: ${reply.subject}`,
    text: 'Still stuck, can you look?',
    inReplyTo: reply.messageId,
    references: ['<ann-1@example.com>', reply.messageId ?? ''],
  });
  await timeline.locator('.entry.k-mail_in', { hasText: 'Still stuck' }).waitFor();

  // "Create session" and email the invitation.
  await timeline.locator('.create button[type=submit]').click();
  const dialog = timeline.locator('dialog[open]');
  await dialog.waitFor();
  await dialog.locator('textarea[name=text]').fill(`Hi Ann, join me here: ${await linkIn(dialog)}\n\nBob`);
  await dialog.locator('button', { hasText: 'Send invitation' }).click();
  const invite = await sink.next((m) => m.text?.includes('join me here') ?? false);
  const link = /https?:\/\/\S+porthole=[A-Za-z0-9_-]+/.exec(invite.text ?? '')?.[0];
  assert.ok(link, 'the invitation mail carries the session link');
  assert.match(invite.subject ?? '', /\[#T-\d+\]$/);

  // The customer opens the link from the mail.
  const customer = watch(await (await browser.newContext()).newPage(), 'customer', problems);
  await customer.goto(link);
  await customer.locator('porthole-chat').waitFor();
  await timeline.locator('.entry.k-session', { hasText: 'The visitor opened the invitation' }).waitFor();
  await timeline.locator('.session.online', { hasText: 'Live' }).waitFor();

  const kinds = (await timeline.locator('.entry').evaluateAll((els: Element[]) => els.map((e) => e.className))).map((c) =>
    c.replace('entry k-', ''),
  );
  assert.deepEqual(kinds, ['created', 'rule', 'mail_in', 'mail_out', 'mail_in', 'session', 'mail_out', 'session']);
  assert.deepEqual(problems, []);
});

/** The invitation link as the prepared message holds it. */
async function linkIn(dialog: ReturnType<Page['locator']>): Promise<string> {
  const text = await dialog.locator('textarea[name=text]').inputValue();
  const link = /https?:\/\/\S+porthole=[A-Za-z0-9_-]+/.exec(text)?.[0];
  if (!link) throw new Error(`No link in the prepared invitation: ${text}`);
  return link;
}
