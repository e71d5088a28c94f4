/**
 * Escalation end to end (SPEC.md E-*): the console and the demo site's widget in real Chromium, the
 * real server process, and the reference support client as a separate process whose terminal is
 * this test. The visitor allows the escalation, runs the client with the 9-digit code and answers
 * its prompts on stdin; the technician runs a command in the console's terminal, sends and fetches
 * a file, and a refused capability stays refused by the server.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AUTH_COOKIE } from '../../server/transport/http/auth-cookie.js';
import { embeddedConfig } from '../../demo/support-client/options.js';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startSupportClient, type SupportClientProcess } from '../support/support-client-process.js';
import { connectConsole, emitAck, type ConsoleSocket } from '../support/test-sockets.js';
import { signIn, watch } from './pages.js';

let server: ServerProcess;
let browser: Browser;
let techContext: BrowserContext;
let tech: Page;
let visitor: Page;
let client: SupportClientProcess | undefined;
let rawConsole: ConsoleSocket | undefined;
const problems: string[] = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-escalation-'));
const received = path.join(work, 'received');

before(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  techContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  tech = watch(await techContext.newPage(), 'technician', problems);
  await signIn(tech, server);
  visitor = watch(await (await browser.newContext()).newPage(), 'visitor', problems);
});

after(async () => {
  client?.kill();
  rawConsole?.disconnect();
  await browser?.close();
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

const panel = () => tech.locator('support-client-panel');
const askButton = (capability: string) => panel().locator(`button[data-capability=${capability}]`);

/** The technician asks for a capability; the client prints its question; the visitor answers. */
async function answerInClient(capability: string, answer: 'y' | 'n', question: RegExp): Promise<void> {
  const from = client!.output().length;
  await askButton(capability).click();
  await client!.waitFor(question, from);
  await client!.waitFor(/Allow\? \[y\/N\]/, from);
  client!.type(answer);
  await askButton(capability)
    .filter({ hasText: answer === 'y' ? 'Granted' : 'Denied' })
    .waitFor();
}

test('E-1..E-12: escalate, run the client with the code, shell, files both ways, a refusal that holds, end', async () => {
  // The visitor asks for a support code; the technician connects with it: Active.
  await visitor.goto(`${server.url}/`);
  await visitor.locator('porthole-widget button.launch').click();
  await visitor.locator('porthole-chat button', { hasText: 'Get a support code' }).click();
  const sos = ((await visitor.locator('porthole-chat .code .digits').textContent()) ?? '').trim();
  await tech.locator('console-toolbar button', { hasText: "Connect to a user's device" }).click();
  await tech.locator('connect-code-dialog input.code').fill(sos);
  await tech.locator('connect-code-dialog button[type=submit]').click();
  await tech.locator('conversation-view header .status').filter({ hasText: 'Active' }).waitFor();

  // E-1, E-2: the escalation is asked and allowed; the widget offers the download and a code.
  await tech.locator('permissions-panel button', { hasText: 'Request escalation to the support client' }).click();
  await visitor.locator('porthole-chat section.prompt button', { hasText: 'Allow' }).click();
  const card = visitor.locator('porthole-escalation section.escalation');
  await card.locator('a.download').waitFor();
  const code = ((await card.locator('.digits').textContent()) ?? '').replace(/\s/g, '');
  assert.match(code, /^\d{9}$/);
  if (process.env.PORTHOLE_SCREENSHOTS)
    await visitor.screenshot({ path: path.join(process.env.PORTHOLE_SCREENSHOTS, 'escalation-widget.png') });
  const href = (await card.locator('a.download').getAttribute('href')) ?? '';
  assert.ok(href.startsWith(`${server.url}/downloads/porthole-support.mjs?ticket=`), href);
  const downloaded = await (await fetch(href)).text();
  const embedded = embeddedConfig(/EMBEDDED = "([^"]+)"/.exec(downloaded)?.[1] ?? '');
  assert.deepEqual(embedded, { server: server.url, ticket: new URL(href).searchParams.get('ticket') });
  await tech.locator('support-client-panel', { hasText: 'waiting for them to run the support client' }).waitFor();

  // E-3, E-12: the visitor runs the client with the code; it says what it cannot do without admin rights.
  client = startSupportClient(['--server', server.url, '--code', code, '--files-dir', received]);
  await client.waitFor(/Connected to Website \(Admin\)/);
  if (process.getuid?.() !== 0) assert.match(client.output(), /without administrator rights, so the technician cannot/);
  await panel().locator('h3', { hasText: 'Support client connected' }).waitFor();

  // E-6: system information shows only after Allow.
  assert.equal(await panel().locator('dl').count(), 0);
  await answerInClient('system', 'y', /asks to read this computer’s system information/);
  await panel().locator('dl', { hasText: os.hostname() }).waitFor();

  // E-5, E-7: a refused capability stays refused by the server, not just hidden by the console.
  await answerInClient('files', 'n', /asks to send files to this computer/);
  assert.equal(await tech.locator('client-files').count(), 0);
  const cookie = (await techContext.cookies()).find((c) => c.name === AUTH_COOKIE);
  rawConsole = await connectConsole(server.url, `${cookie?.name}=${cookie?.value}`);
  const sessionId =
    (await tech.locator('support-client-panel').evaluate((el) => (el as unknown as { session: { id: string } }).session.id)) ?? '';
  const refused = await emitAck(rawConsole, 'client:file-send', { sessionId, name: 'x.txt', size: 1 });
  assert.equal(refused.ok ? '' : refused.error, 'forbidden');
  const fetchRefused = await emitAck(rawConsole, 'client:file-fetch', { sessionId, path: '/etc/hostname' });
  assert.equal(fetchRefused.ok ? '' : fetchRefused.error, 'forbidden');

  // E-7: the shell; the technician types in the console's terminal and reads the output there.
  await answerInClient('shell', 'y', /asks to open a command shell/);
  const terminal = tech.locator('client-terminal');
  await terminal.locator('[role=status]', { hasText: 'Shell open' }).waitFor();
  await terminal.locator('.xterm').click();
  await tech.keyboard.type('echo porthole-$((6*7))');
  await tech.keyboard.press('Enter');
  await terminal.locator('.xterm-rows', { hasText: 'porthole-42' }).waitFor();
  await tech.locator('activity-panel', { hasText: 'Admin ran: echo porthole-$((6*7))' }).waitFor();
  if (process.env.PORTHOLE_SCREENSHOTS)
    await tech.screenshot({ path: path.join(process.env.PORTHOLE_SCREENSHOTS, 'escalation-console.png') });

  // E-8: files both ways, once the visitor allows it on a second request.
  await answerInClient('files', 'y', /asks to send files to this computer/);
  const files = tech.locator('client-files');
  await files
    .locator('input[type=file]')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello from the technician\n') });
  await files.locator('button', { hasText: 'Send' }).click();
  await files.locator('.progress', { hasText: 'notes.txt' }).filter({ hasText: 'sent' }).waitFor();
  await client.waitFor(/Saved .*notes\.txt/);
  assert.equal(fs.readFileSync(path.join(received, 'notes.txt'), 'utf8'), 'hello from the technician\n');

  const report = path.join(work, 'report.txt');
  const content = `report ${'x'.repeat(20_000)} end`;
  fs.writeFileSync(report, content);
  await files.locator('input[name=path]').fill(report);
  await files.locator('button', { hasText: 'Fetch' }).click();
  const save = files.locator('a', { hasText: 'Save report.txt' });
  await save.waitFor();
  const [download] = await Promise.all([tech.waitForEvent('download'), save.click()]);
  assert.equal(download.suggestedFilename(), 'report.txt');
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), content);
  await tech.locator('activity-panel', { hasText: 'fetched the file report.txt' }).waitFor();
  await tech.locator('activity-panel', { hasText: 'sent the file notes.txt' }).waitFor();

  // E-10: the visitor ends the client; the console says so and the chat goes on.
  client.type('end');
  assert.equal(await client.exited(), 0);
  await panel().locator('h3', { hasText: 'Support client ended' }).waitFor();
  await visitor.locator('porthole-chat textarea').fill('Thanks, all good now');
  await visitor.locator('porthole-chat textarea').press('Enter');
  await tech.locator('conversation-view .msg.visitor', { hasText: 'Thanks, all good now' }).waitFor();
});

test('no page errors and no CSP violations on any page', () => {
  assert.deepEqual(problems, []);
});
