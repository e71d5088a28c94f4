/**
 * Unattended access end to end (SPEC.md U-*): an admin allows it for the channel in the console and
 * makes a channel key; the reference support client runs as a separate process in service mode with
 * that key; the device shows in the console's Devices view, a member connects, runs a command in the
 * console's terminal and reads its output, and finds the connection in the device's log. The
 * session view shows the device, not a visitor. Then the server is killed while the client cannot
 * answer (SIGSTOP): the restarted server shows the device offline, not the state it stored, and
 * online again once the client comes back by itself as the same device; a new connection works and
 * is ended from the session. Last, an admin renames the device and removes it: its client is refused
 * and forgets its identity.
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
let client: SupportClientProcess | undefined;
const problems: string[] = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-unattended-'));
const statePath = path.join(work, 'state', 'device.json');

before(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  tech = watch(await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage(), 'technician', problems);
  await signIn(tech, server);
});

after(async () => {
  client?.kill();
  await browser?.close();
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

const nav = (label: string) => tech.locator('console-nav button.entry', { hasText: label });
const row = () => tech.locator('devices-page tr', { hasText: 'Reception PC' });

/** Connect from the Devices view, run a command in the session's terminal, and read its output. */
async function connectAndRun(marker: string): Promise<void> {
  await nav('Devices').click();
  await row().locator('.state', { hasText: 'Online' }).waitFor();
  const from = client!.output().length;
  await row().locator('button', { hasText: 'Connect' }).click();
  const panel = tech.locator('support-client-panel');
  await panel.locator('section.unattended .badge', { hasText: 'Connected' }).first().waitFor();
  await client!.waitFor(/Admin from Website connected: unattended access, no visitor present and nobody is asked\./, from);
  const terminal = tech.locator('client-terminal');
  await terminal.locator('[role=status]', { hasText: 'Shell open' }).waitFor();
  await terminal.locator('.xterm').click();
  await tech.keyboard.type(`echo ${marker}-$((6*7))`);
  await tech.keyboard.press('Enter');
  await terminal.locator('.xterm-rows', { hasText: `${marker}-42` }).waitFor();
  await tech.locator('activity-panel', { hasText: 'connected to the unattended device Reception PC' }).waitFor();
  // U-4, U-5: the session is a device's, not a visitor's.
  const device = panel.locator('section.unattended');
  await device.locator('h3', { hasText: 'Reception PC' }).waitFor();
  await device.locator('dd', { hasText: 'Admin (you) at' }).waitFor();
  for (const capability of ['Command shell', 'File transfer', 'System information'])
    await device.locator('.badge', { hasText: capability }).waitFor();
  const view = tech.locator('conversation-view');
  assert.equal(await view.locator('.presence').count(), 0, 'no visitor presence');
  assert.equal(await view.locator('chat-panel').count(), 0, 'no chat');
  assert.equal(await view.locator('permissions-panel').count(), 0, 'no permission requests');
  assert.equal(await view.locator('session-actions button', { hasText: 'Disconnect customer' }).count(), 0);
}

test('U-1..U-7: allow, install in service mode, see the device, connect, run a command, find it logged; back after a server restart', async () => {
  // U-1, U-2: the admin allows unattended access for Website and makes a key, shown once.
  await nav('Channels').click();
  await tech.locator('admin-channels button[aria-label="Edit Website"]').click();
  const form = tech.locator('unattended-form');
  await form.locator('input[name=allowed]').check();
  await form.locator('button[type=submit]').click();
  await form.locator('[role=status]', { hasText: 'Unattended access saved.' }).waitFor();
  await form.locator('button', { hasText: 'Make a new channel key' }).click();
  const key = ((await form.locator('code.key').textContent()) ?? '').trim();
  assert.match(key, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  if (process.env.PORTHOLE_SCREENSHOTS)
    await tech.screenshot({ path: path.join(process.env.PORTHOLE_SCREENSHOTS, 'unattended-admin.png') });

  // U-3: the client in service mode registers and keeps its identity in the state file.
  client = startSupportClient(['--service', '--channel-key', key, '--server', server.url, '--name', 'Reception PC', '--state', statePath]);
  await client.waitFor(/Registered as "Reception PC" with Website/);
  const identity = JSON.parse(fs.readFileSync(statePath, 'utf8')) as { deviceId: string };
  if (process.platform !== 'win32') assert.equal(fs.statSync(statePath).mode & 0o077, 0, 'the state file is private');

  // U-4, U-5: connect from the Devices view and run a command.
  await connectAndRun('unattended');
  if (process.env.PORTHOLE_SCREENSHOTS)
    await tech.screenshot({ path: path.join(process.env.PORTHOLE_SCREENSHOTS, 'unattended-session.png') });

  // U-6, U-7: the Devices view shows who is connected; ending it is logged with who and why.
  await nav('Devices').click();
  await row().locator('.state', { hasText: 'In use by Admin' }).waitFor();
  const ended = client.output().length;
  await row().locator('button', { hasText: 'Disconnect' }).click();
  await client.waitFor(/The unattended connection ended: ended by Admin\. Waiting for the next connection\./, ended);
  await row().locator('button', { hasText: 'Log' }).click();
  const log = tech.locator('devices-page ol.log li');
  await log.filter({ hasText: 'Admin connected' }).filter({ hasText: 'ended by Admin' }).waitFor();
  if (process.env.PORTHOLE_SCREENSHOTS)
    await tech.screenshot({ path: path.join(process.env.PORTHOLE_SCREENSHOTS, 'unattended-devices.png') });

  // U-6: the server dies while the client is stopped, so it cannot come back before we look: the
  // restarted server shows the device offline (its stored "online" belonged to the killed process).
  await nav('Devices').click();
  await row().locator('.state', { hasText: 'Online' }).waitFor();
  const before = client.output().length;
  assert.ok(client.child.kill('SIGSTOP'));
  await server.kill();
  await server.restart();
  await tech.locator('console-workspace .banner', { hasText: 'Reconnecting…' }).waitFor({ state: 'detached' });
  await nav('Home').click();
  await nav('Devices').click();
  await row().locator('.state', { hasText: 'Offline' }).waitFor();
  if (process.env.PORTHOLE_SCREENSHOTS)
    await tech.screenshot({ path: path.join(process.env.PORTHOLE_SCREENSHOTS, 'unattended-offline-after-crash.png') });
  // Reconnect: the client registers again by itself, as the same device, and shows online.
  assert.ok(client.child.kill('SIGCONT'));
  await client.waitFor(/Registered as "Reception PC" with Website \(device [^)]+\)/, before, 30_000);
  assert.ok(client.output().slice(before).includes(`(device ${identity.deviceId})`), 'the same device came back');
  await row().locator('.state', { hasText: 'Online' }).waitFor();
  await nav('Home').click();
  await connectAndRun('again');
  // U-7: ended from the session itself.
  const endFrom = client.output().length;
  await tech.locator('support-client-panel button', { hasText: 'End connection' }).click();
  await client.waitFor(/The unattended connection ended: ended by Admin\./, endFrom);
  await tech.locator('support-client-panel .badge', { hasText: 'Connection ended' }).waitFor();
  assert.equal(await tech.locator('devices-page').count(), 0);
  await nav('Devices').click();
  await row().first().waitFor();
  assert.equal(await row().count(), 1);

  // U-8: the admin renames it; the device keeps reporting its own name, the console's stays.
  await row().locator('button', { hasText: 'Rename' }).click();
  await tech.locator('devices-page input[name=name]').fill('Front desk');
  await tech.locator('devices-page form.inline-edit button[type=submit]').click();
  const renamed = tech.locator('devices-page tr', { hasText: 'Front desk' });
  await renamed.locator('button', { hasText: 'Log' }).click();
  await tech
    .locator('devices-page ol[aria-label="Device changes"] li', { hasText: 'renamed it from "Reception PC" to "Front desk"' })
    .waitFor();

  // U-9: removed: the client is refused, says why, forgets its identity and stops.
  const removedFrom = client.output().length;
  await renamed.locator('button', { hasText: 'Remove' }).click();
  if (process.env.PORTHOLE_SCREENSHOTS)
    await tech.screenshot({ path: path.join(process.env.PORTHOLE_SCREENSHOTS, 'unattended-remove.png') });
  await tech.locator('devices-page [role=group] button', { hasText: 'Remove' }).click();
  await renamed.waitFor({ state: 'detached' });
  await client.waitFor(/The server refused this device: This device was removed from the console/, removedFrom);
  assert.equal(await client.exited(), 1);
  assert.equal(fs.existsSync(statePath), false, 'the removed identity is forgotten');
  await tech.locator('devices-page', { hasText: 'No devices yet' }).waitFor();
});

test('no page errors and no CSP violations on any page', () => {
  // While the server is down the browser logs each refused reconnection attempt; that is the point of the test.
  const down = /WebSocket connection to .* failed: .*ERR_CONNECTION_REFUSED/;
  assert.deepEqual(
    problems.filter((p) => !down.test(p)),
    [],
  );
});
