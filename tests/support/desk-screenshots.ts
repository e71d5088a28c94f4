/**
 * `npx tsx tests/support/desk-screenshots.ts`: pictures of the service desk's list and expert views
 * from a real run (server process with its SMTP listener, mails sent with nodemailer) into docs/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { signIn } from '../e2e/pages.js';
import { launchChromium } from './browser.js';
import { freePort } from './free-port.js';
import { sendMail } from './mail-sink.js';
import { startServerProcess } from './server-process.js';

const out = path.resolve(import.meta.dirname, '../../docs');
fs.mkdirSync(out, { recursive: true });
const mailPort = await freePort();
const server = await startServerProcess({
  env: { MAIL_IN_PORT: String(mailPort), MAIL_IN_HOST: '127.0.0.1', SMTP_FROM: 'help@desk.test' },
});
const browser = await launchChromium();
try {
  const mails = [
    {
      from: '"Ann Example" <ann@example.com>',
      subject: 'Printer on floor 2 shows error 42',
      text: 'Since this morning the printer refuses every job.\nWe restarted it twice.',
    },
    { from: '"Bo Chen" <bo@example.org>', subject: 'VPN drops every 10 minutes', text: 'Client 5.1 on Windows 11. Logs attached later.' },
    { from: 'cy@example.net', subject: '<img src=x onerror=alert(1)> Invoice question', text: 'Is <b>this</b> shown as text?' },
    {
      from: '"Dee Park" <dee@example.com>',
      subject: 'New laptop setup',
      text: 'Please prepare a laptop for our new colleague starting Monday.',
    },
  ];
  for (const m of mails) await sendMail(mailPort, { ...m, to: 'help@desk.test' });

  const page = await (await browser.newContext({ viewport: { width: 1360, height: 760 } })).newPage();
  await signIn(page, server);
  await page.locator('console-nav button', { hasText: 'Service desk' }).first().click();
  await page.locator('ticket-table tr.row', { hasText: 'VPN drops' }).waitFor();
  await page.locator('ticket-table tr.row', { hasText: 'Printer' }).click();
  await page.locator('ticket-overview .go').waitFor();
  await page.screenshot({ path: path.join(out, 'desk-list.png') });

  await page.locator('ticket-table tr.row', { hasText: 'Printer' }).dblclick();
  await page.locator('ticket-timeline .reply textarea').fill('Thanks Ann, could you send a photo of the display?');
  await page.locator('ticket-timeline .reply button[type=submit]').click();
  await page.locator('ticket-timeline .entry.k-mail_out').waitFor();
  await page.locator('ticket-overview textarea[name=note]').fill('Toner was replaced last week; check the fuser.');
  await page.locator('ticket-overview button', { hasText: 'Add note' }).click();
  await page.locator('ticket-overview .notes li').waitFor();
  await page.locator('ticket-timeline .create button[type=submit]').click();
  await page.locator('ticket-timeline dialog[open]').waitFor();
  await page.screenshot({ path: path.join(out, 'desk-invite.png') });
  await page.locator('ticket-timeline dialog button', { hasText: 'Send invitation' }).click();
  await page.locator('ticket-timeline dialog').waitFor({ state: 'hidden' });
  await page.locator('ticket-timeline .entry.k-mail_out', { hasText: 'invitation' }).waitFor();
  await page.screenshot({ path: path.join(out, 'desk-expert.png') });

  await page.locator('console-nav button', { hasText: 'Service desk' }).last().click();
  await page.locator('desk-admin-page button', { hasText: 'New rule' }).click();
  await page.locator('rule-editor input[name=rule-name]').fill('Printers to hardware');
  await page.locator('rule-editor input[aria-label=Value]').fill('printer');
  await page.locator('rule-editor button', { hasText: 'Dry run' }).click();
  await page.locator('rule-editor .dry').waitFor();
  await page.screenshot({ path: path.join(out, 'desk-rules.png') });
  console.log('Screenshots written to docs/desk-list.png, desk-expert.png, desk-invite.png and desk-rules.png');
} finally {
  await browser.close();
  await server.stop();
}
