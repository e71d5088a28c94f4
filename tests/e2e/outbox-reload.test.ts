/**
 * Messages wait in the outbox through a reload (SPEC.md M-1): the visitor's widget (real, in
 * Chromium) cannot reach the server, the visitor types, the page is reloaded with the network back,
 * and the technician's console (real, signed in) shows each message exactly once, in order. Then the
 * server stores messages whose acks and echoes never reach the widget: after a reload they are sent
 * again with their client ids, and still show once. Once per configured store.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PortholeChat } from '../../src/chat/porthole-chat.js';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { STORES } from './exchange.js';
import { FLOOD_FREE, signIn } from './pages.js';

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** How the visitor's network treats socket.io: `down` refuses it, `deaf` loses what the server says about messages. */
type Network = 'up' | 'down' | 'deaf';

/** Puts the visitor's socket.io traffic (WebSocket and long-polling) under the test's control. */
async function controlNetwork(context: BrowserContext): Promise<{ set(mode: Network): void }> {
  let mode: Network = 'up';
  await context.route(/\/socket\.io\//, (route) => (mode === 'down' ? route.abort() : route.continue()));
  await context.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (mode === 'down') return void ws.close();
    const server = ws.connectToServer();
    const sends = new Set<string>();
    ws.onMessage((frame) => {
      const send = typeof frame === 'string' ? /^42\/widget,(\d+)\["message:send"/.exec(frame) : null;
      if (send) sends.add(send[1]);
      server.send(frame);
    });
    server.onMessage((frame) => {
      if (mode === 'deaf' && typeof frame === 'string') {
        // The message is stored, but the widget hears neither its ack nor its echo.
        const ack = /^43\/widget,(\d+)\[/.exec(frame);
        if ((ack && sends.has(ack[1])) || frame.startsWith('42/widget,["message:created"')) return;
      }
      ws.send(frame);
    });
  });
  return { set: (next) => void (mode = next) };
}

/** Types `texts` into the widget's box, pressing Enter after each, as a visitor does. */
async function type(page: Page, texts: readonly string[]): Promise<void> {
  const box = page.locator('porthole-chat textarea');
  for (const text of texts) {
    await box.fill(text);
    await box.press('Enter');
  }
}

/** The texts of the widget's confirmed messages and of those still pending, as shown. */
async function shown(page: Page): Promise<{ sent: string[]; pending: string[] }> {
  return {
    sent: await page.locator('porthole-chat .msg:not(.pending) .text').allTextContents(),
    pending: await page.locator('porthole-chat .msg.pending .text').allTextContents(),
  };
}

/** Waits until the widget's outbox (in IndexedDB) holds `count` messages: polled, with a deadline. */
async function outboxHolds(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    async (n) => {
      const chat = document.querySelector('porthole-widget')?.shadowRoot?.querySelector<PortholeChat>('porthole-chat');
      if (!chat) return false;
      const key = `porthole:${chat.server}:${chat.channel}:outbox`;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error(String(open.error)));
      });
      try {
        const stored = await new Promise<unknown>((resolve, reject) => {
          const get = db.transaction('keyval').objectStore('keyval').get(key);
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(new Error(String(get.error)));
        });
        return Array.isArray(stored) && stored.length === n;
      } finally {
        db.close();
      }
    },
    count,
    { polling: 50, timeout: 10_000 },
  );
}

/** The visitor texts the console shows for the open conversation, once `count` are there. */
async function consoleShows(tech: Page, count: number): Promise<string[]> {
  const visitorLines = tech.locator('conversation-view .msg.visitor');
  await visitorLines.nth(count - 1).waitFor();
  return visitorLines.locator('.text').allTextContents();
}

for (const { store, skip } of STORES) {
  test(
    `M-1 (${store}): messages typed offline wait in the outbox through reloads and show once, in order`,
    { skip, timeout: 90_000 },
    async () => {
      const server: ServerProcess = await startServerProcess({ store, env: FLOOD_FREE });
      const visitorContext = await browser.newContext();
      const techContext = await browser.newContext();
      const pageErrors: string[] = [];
      try {
        const network = await controlNetwork(visitorContext);
        const visitor = await visitorContext.newPage();
        visitor.on('pageerror', (e) => pageErrors.push(`visitor: ${e.message}`));

        // A first visit without a connection: nothing is known about this visitor yet.
        network.set('down');
        await visitor.goto(`${server.url}/`);
        await visitor.locator('porthole-widget button.launch').click();
        const first = ['My order page is blank', 'I tried another browser', 'Order number 4711'];
        await type(visitor, first);
        assert.deepEqual(await shown(visitor), { sent: [], pending: first });
        await outboxHolds(visitor, 3);

        network.set('up');
        await visitor.reload();
        // The launcher mounts the chat for the waiting messages; they go out without a click.
        await visitor.locator('porthole-chat .msg:not(.pending)').nth(2).waitFor({ state: 'attached' });
        await outboxHolds(visitor, 0);
        await visitor.locator('porthole-widget button.launch').click();

        const tech = await techContext.newPage();
        tech.on('pageerror', (e) => pageErrors.push(`technician: ${e.message}`));
        await signIn(tech, server);
        await tech.locator('session-list li', { hasText: 'Order number 4711' }).click();
        assert.deepEqual(await consoleShows(tech, 3), first);

        // The first is stored, but the widget never hears so: it waits for that ack, the second waits
        // behind it, and both stay pending and in the outbox.
        network.set('deaf');
        const second = ['Still blank after the update', 'Screenshot coming'];
        await type(visitor, second);
        assert.deepEqual(await consoleShows(tech, 4), [...first, second[0]]);
        assert.deepEqual((await shown(visitor)).pending, second);
        await outboxHolds(visitor, 2);

        network.set('up');
        await visitor.reload();
        await visitor.locator('porthole-widget button.launch').click();
        await visitor.locator('porthole-chat .msg:not(.pending)').nth(4).waitFor();
        await outboxHolds(visitor, 0);
        assert.deepEqual(await shown(visitor), { sent: [...first, ...second], pending: [] });

        // One more round trip, so anything sent twice would have reached the console by now.
        await tech.locator('conversation-view textarea').fill('Thanks, looking at it');
        await tech.locator('conversation-view textarea').press('Enter');
        await visitor.locator('porthole-chat .msg.technician', { hasText: 'Thanks, looking at it' }).waitFor();
        assert.deepEqual(await consoleShows(tech, 5), [...first, ...second]);
        const seqs = await tech.locator('conversation-view .msg').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))));
        assert.deepEqual(seqs, [1, 2, 3, 4, 5, 6]);
      } finally {
        await visitorContext.close();
        await techContext.close();
        await server.stop();
      }
      assert.deepEqual(pageErrors, []);
    },
  );
}
