/**
 * A shell across a lost connection (SPEC.md E-15), end to end: the console in real Chromium, the
 * real server process, the reference client as a separate process. The technician sets state in
 * the shell and starts a command that prints only once the test lets it; the server is killed
 * (SIGKILL, both connections drop), the command prints while nobody listens, and the server is
 * started again. The client rejoins, and the same console terminal shows the earlier output, the
 * output missed during the drop (once), and new output from the same shell with its state kept.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startSupportClient, type SupportClientProcess } from '../support/support-client-process.js';
import { signIn, watch } from './pages.js';

let server: ServerProcess;
let browser: Browser;
let tech: Page;
let visitor: Page;
let client: SupportClientProcess | undefined;
const problems: string[] = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-shell-drop-'));

before(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  tech = watch(await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage(), 'technician', problems);
  await signIn(tech, server);
  visitor = watch(await (await browser.newContext()).newPage(), 'visitor', problems);
});

after(async () => {
  client?.kill();
  await browser?.close();
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Resolves once `file` exists (the shell made it), by watching its folder. */
function created(file: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = fs.watch(path.dirname(file), () => {
      if (!fs.existsSync(file)) return;
      watcher.close();
      resolve();
    });
    if (fs.existsSync(file)) {
      watcher.close();
      resolve();
    }
  });
}

test('E-15: the shell survives a server crash: earlier, missed and new output in the same terminal, state kept', async () => {
  // A session escalated to the support client, as in escalation.test.ts.
  await visitor.goto(`${server.url}/`);
  await visitor.locator('porthole-widget button.launch').click();
  await visitor.locator('porthole-chat button', { hasText: 'Get a support code' }).click();
  const sos = ((await visitor.locator('porthole-chat .code .digits').textContent()) ?? '').trim();
  await tech.locator('console-toolbar button', { hasText: "Connect to a user's device" }).click();
  await tech.locator('connect-code-dialog input.code').fill(sos);
  await tech.locator('connect-code-dialog button[type=submit]').click();
  await tech.locator('permissions-panel button', { hasText: 'Request escalation to the support client' }).click();
  await visitor.locator('porthole-chat section.prompt button', { hasText: 'Allow' }).click();
  const card = visitor.locator('porthole-escalation section.escalation');
  await card.locator('.digits').waitFor();
  const code = ((await card.locator('.digits').textContent()) ?? '').replace(/\s/g, '');
  client = startSupportClient(['--server', server.url, '--code', code, '--files-dir', path.join(work, 'received')]);
  await client.waitFor(/Connected to Website/);

  const panel = tech.locator('support-client-panel');
  const from = client.output().length;
  await panel.locator('button[data-capability=shell]').click();
  await client.waitFor(/Allow\? \[y\/N\]/, from);
  client.type('y');
  const terminal = tech.locator('client-terminal');
  await terminal.locator('[role=status]', { hasText: 'Shell open' }).waitFor();
  await terminal.evaluate((el) => el.setAttribute('data-test-mark', 'the-first-terminal'));
  const rows = terminal.locator('.xterm-rows');

  // State in the shell, and a command that prints only after the server is gone.
  const flag = path.join(work, 'flag');
  const done = path.join(work, 'done');
  await terminal.locator('.xterm').click();
  await tech.keyboard.type(`cd ${work} && export PORTHOLE_MARK=kept-$((1+1)) && echo before-$((2+3))`);
  await tech.keyboard.press('Enter');
  await rows.filter({ hasText: 'before-5' }).waitFor();
  await tech.keyboard.type('while [ ! -e flag ]; do sleep 0.1; done; echo missed-$((40+2)); touch done');
  await tech.keyboard.press('Enter');

  // Both connections drop; the shell prints while nobody listens.
  const dropped = client.output().length;
  await server.kill();
  await client.waitFor(/The command shell keeps running for 60 s/, dropped);
  fs.writeFileSync(flag, '');
  await created(done);

  // The server comes back; the client rejoins and the same terminal catches up, once.
  await server.restart();
  await client.waitFor(/Rejoined the support session\.[\s\S]*The command shell is back with the technician/, dropped, 30_000);
  await rows.filter({ hasText: 'missed-42' }).waitFor({ timeout: 30_000 });
  assert.equal(await terminal.getAttribute('data-test-mark'), 'the-first-terminal', 'the same terminal element');
  const shown = (await rows.textContent()) ?? '';
  assert.match(shown, /before-5/, 'the output from before the drop is still there');
  assert.equal(shown.split('missed-42').length - 1, 1, 'the missed output is shown once');

  await terminal.locator('[role=status]', { hasText: 'Shell open' }).waitFor();
  await terminal.locator('.xterm').click();
  await tech.keyboard.type('echo "$PORTHOLE_MARK in $(pwd)"');
  await tech.keyboard.press('Enter');
  await rows.filter({ hasText: `kept-2 in ${work}` }).waitFor();
  assert.equal(((await rows.textContent()) ?? '').split('missed-42').length - 1, 1, 'nothing shown twice afterwards');
  await tech.locator('activity-panel', { hasText: 'ran: echo "$PORTHOLE_MARK in $(pwd)"' }).waitFor();
  if (process.env.PORTHOLE_SCREENSHOTS) {
    await terminal.screenshot({ path: path.join(process.env.PORTHOLE_SCREENSHOTS, 'shell-reconnect.png') });
  }

  client.type('end');
  assert.equal(await client.exited(), 0);
});

test('no page errors and no CSP violations on any page', () => {
  // The console's socket fails to reconnect while the server is down: expected, and all it says.
  if (process.env.PORTHOLE_DEBUG_PROBLEMS) console.log(problems);
  assert.deepEqual(
    problems.filter((p) => !/ERR_CONNECTION_REFUSED|WebSocket connection/.test(p)),
    [],
  );
});
