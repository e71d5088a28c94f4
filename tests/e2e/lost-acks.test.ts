/**
 * Never lose, never double, when acks go missing (SPEC.md M-1, M-2): the visitor's widget (real, in
 * Chromium) and a technician bot exchange 300 messages while acks are dropped at random on both
 * sides. On the widget's side Playwright sits on the WebSocket and drops the server's acks to
 * `message:send`; every fifth lost ack takes the connection down with it, as when a network drops.
 * The bot throws away acks as if they never came and sends again with the same client id. At the
 * end the widget, the bot and the server hold the same messages in the same order.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { FLOOD_FREE } from './pages.js';
import { startServerProcess } from '../support/server-process.js';
import { signInCookie, TechBot } from '../support/tech-bot.js';
import {
  assertSameExchange,
  openWidget,
  sendFromWidget,
  serverMessages,
  STORES,
  widgetMessages,
  widgetSessionId,
  widgetSettled,
} from './exchange.js';

const TYPED = 150;
const LOSE = 0.2;

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/**
 * Forwards the widget's socket.io frames both ways but drops a share of the acks to `message:send`
 * (socket.io frames `42/widget,<id>["message:send",…]` out, `43/widget,<id>[…]` back).
 */
async function loseWidgetAcks(page: Page, share: number): Promise<{ lost: number; cut: number }> {
  const counts = { lost: 0, cut: 0 };
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    const sends = new Set<string>();
    ws.onMessage((frame) => {
      const send = typeof frame === 'string' ? /^42\/widget,(\d+)\["message:send"/.exec(frame) : null;
      if (send) sends.add(send[1]);
      server.send(frame);
    });
    server.onMessage((frame) => {
      const ack = typeof frame === 'string' ? /^43\/widget,(\d+)\[/.exec(frame) : null;
      if (!ack || !sends.delete(ack[1]) || Math.random() >= share) return ws.send(frame);
      counts.lost++;
      if (counts.lost % 5 === 0) {
        counts.cut++;
        void ws.close();
        void server.close();
      }
    });
  });
  return counts;
}

for (const { store, skip } of STORES) {
  test(
    `M-1, M-2 (${store}): 300 messages with acks lost at random on both sides: 0 lost, 0 doubled`,
    { skip, timeout: 90_000 },
    async () => {
      const server = await startServerProcess({ store, env: FLOOD_FREE });
      const context = await browser.newContext();
      const pageErrors: string[] = [];
      let bot: TechBot | undefined;
      try {
        const page = await context.newPage();
        page.on('pageerror', (e) => pageErrors.push(e.message));
        const widgetAcks = await loseWidgetAcks(page, LOSE);
        await openWidget(page, server.url);

        const typed = Array.from({ length: TYPED }, (_, i) => `visitor message ${i}`);
        await sendFromWidget(page, typed.slice(0, 1));
        const sessionId = await widgetSessionId(page);
        const cookie = await signInCookie(server.url, server.adminEmail, server.adminPassword);
        bot = await TechBot.start({ url: server.url, cookie, sessionId, loseAcks: LOSE });
        await sendFromWidget(page, typed.slice(1));

        await bot.until((b) => b.bySeq.size === 2 * TYPED && b.unsent === 0, 'the whole exchange');
        await widgetSettled(page, 2 * TYPED);
        assertSameExchange(
          {
            server: await serverMessages(server.url, cookie, sessionId),
            widget: await widgetMessages(page),
            technician: bot.messages(),
          },
          typed,
        );
        assert.ok(widgetAcks.lost > 0 && bot.counts.lostAcks > 0, 'acks were lost on both sides');
        console.log(
          `${store}: widget acks lost ${widgetAcks.lost} (${widgetAcks.cut} with the connection); technician acks lost ${bot.counts.lostAcks}, sends ${bot.counts.sends}`,
        );
      } finally {
        bot?.close();
        await context.close();
        await server.stop();
      }
      assert.deepEqual(pageErrors, []);
    },
  );
}
