/**
 * Elevation end to end (SPEC.md E-12, E-13): the real server process, the console in Chromium, and
 * the reference client as a separate process run by a standard user (`nobody` when this test runs
 * as root). The client says what it cannot do; the technician asks it to restart as administrator;
 * the visitor declines once, then accepts: the client restarts itself through its elevation program
 * (a stand-in for pkexec that asks this test, as root, to start it), and the elevated copy rejoins
 * the same session with a fresh ticket and replaces the first one.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { standardUserLimits } from '../../demo/support-client/machine.js';
import { launchChromium } from '../support/browser.js';
import { startElevationBroker, type ElevationBroker } from '../support/elevation-broker.js';
import { escalatedSession, type EscalatedSession } from '../support/escalated-session.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { startSupportClient, SUPPORT_CLIENT_FILE, type SupportClientProcess } from '../support/support-client-process.js';
import { signIn, watch } from './pages.js';

const asRoot = process.getuid?.() === 0;
/** Who runs the client: a standard user, even when the test itself runs as root. */
const STANDARD_USER = asRoot ? { uid: 65534, gid: 65534 } : undefined;

let server: ServerProcess;
let browser: Browser;
let tech: Page;
let escalated: EscalatedSession | undefined;
let broker: ElevationBroker | undefined;
const clients: SupportClientProcess[] = [];
const problems: string[] = [];
// The standard user's home and files folder: it must be able to enter and write it.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-elevation-'));
fs.chmodSync(work, 0o777);
// The client too: the checkout may sit in a folder the standard user cannot enter (mktemp's 0700).
const clientFile = path.join(work, path.basename(SUPPORT_CLIENT_FILE));

before(async () => {
  fs.copyFileSync(SUPPORT_CLIENT_FILE, clientFile);
  fs.chmodSync(clientFile, 0o755);
  server = await startServerProcess();
  browser = await launchChromium();
  tech = watch(await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage(), 'technician', problems);
  await signIn(tech, server);
});

after(async () => {
  for (const c of clients) c.kill();
  await broker?.close();
  escalated?.tech.disconnect();
  escalated?.widget.disconnect();
  await browser?.close();
  await server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

const panel = () => tech.locator('support-client-panel');
const activity = (text: string) => tech.locator('activity-panel', { hasText: text }).waitFor();

/** The technician clicks "Ask to restart as administrator"; the client prints the question. */
async function askToElevate(client: SupportClientProcess): Promise<void> {
  const from = client.output().length;
  await panel().locator('button[data-action=elevate]').click();
  await panel().locator('[role=status]', { hasText: 'Asked the visitor to restart the support client' }).waitFor();
  await client.waitFor(/Admin from Website asks you to restart the support client with administrator rights/, from);
  await client.waitFor(/Allow\? \[y\/N\]/, from);
}

test('E-12, E-13: a standard user’s client says its limits; the visitor declines elevation, then restarts it elevated', async () => {
  escalated = await escalatedSession({ email: server.adminEmail, password: server.adminPassword }, server.url);
  broker = await startElevationBroker(work, { HOME: work });
  const first = startSupportClient(
    ['--server', server.url, '--code', escalated.ticket.code, '--files-dir', path.join(work, 'in')],
    clientFile,
    {
      user: STANDARD_USER,
      env: { HOME: work, ...broker.env },
    },
  );
  clients.push(first);
  await first.waitFor(/Connected to Website \(Admin\)/);

  // E-12: it says it runs without administrator rights, and what that keeps the technician from.
  const said = first.output();
  assert.match(said, /Running without administrator rights, so the technician cannot:/);
  for (const limit of standardUserLimits('linux')) assert.ok(said.includes(`  - ${limit}`), limit);
  await tech.locator('session-list li').first().click();
  await panel().locator('h3', { hasText: 'Support client connected' }).waitFor();
  await panel().locator('.badge.limited', { hasText: 'Standard user: no admin rights' }).waitFor();

  // E-13: declined: the client goes on as it was, and the console's activity says so.
  await askToElevate(first);
  first.type('n');
  await first.waitFor(/Declined: the support client keeps running without administrator rights/);
  await activity('The visitor declined to restart the support client with administrator rights.');
  await panel().locator('.badge.limited').waitFor();

  // E-13: accepted: the elevated copy rejoins the same session with the fresh ticket and replaces this one.
  await askToElevate(first);
  first.type('y');
  await first.waitFor(/Restarting with administrator rights/);
  const elevated = await broker.elevated();
  clients.push(elevated);
  await elevated.waitFor(/Connected to Website \(Admin\)/);
  if (asRoot) assert.match(elevated.output(), /Running with administrator rights\./);
  await activity('The visitor is restarting the support client with administrator rights.');
  await panel().locator('h3', { hasText: 'Support client connected' }).waitFor();
  if (asRoot) {
    await panel().locator('.badge', { hasText: 'Administrator' }).waitFor();
    assert.equal(await panel().locator('button[data-action=elevate]').count(), 0, 'no elevation to ask for any more');
    assert.equal(await panel().locator('[role=status]').count(), 0, 'the notice of the request went with the old client');
  }
  if (process.env.PORTHOLE_SCREENSHOTS)
    await tech.screenshot({ path: path.join(process.env.PORTHOLE_SCREENSHOTS, 'elevation-console.png') });
  const sessionId = await panel().evaluate((el) => (el as unknown as { session: { id: string } }).session.id);
  assert.equal(sessionId, escalated.sessionId, 'the elevated copy is in the same session');

  // The first copy was replaced; it waits for its successor, which the visitor ends.
  await first.waitFor(/Another support client joined this session/);
  elevated.type('end');
  assert.equal(await elevated.exited(), 0);
  assert.equal(await first.exited(), 0);
  await panel().locator('h3', { hasText: 'Support client ended' }).waitFor();
});

test('no page errors and no CSP violations on the console', () => {
  assert.deepEqual(problems, []);
});
