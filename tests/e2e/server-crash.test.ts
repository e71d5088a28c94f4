/**
 * Never lose, never double, through crashes (SPEC.md M-1, M-2): a visitor (the real widget in
 * Chromium, driven through its chat controller) and a technician (a socket.io bot that answers every
 * message, see tests/support/tech-bot.ts) exchange 1,000 messages while the real server process is
 * killed with SIGKILL and started again on the same port and data, several times. Each kill lands
 * while both sides are sending, and the visitor types on while the server is down. At the end the
 * widget, the bot and the server (`messages:sync` from 0) hold the same messages in the same order.
 * Once per configured store.
 */
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
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

/** Visitor messages; each gets one reply, so twice as many in all. */
const TYPED = 500;
const KILLS = 3;

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

for (const { store, skip } of STORES) {
  test(
    `M-1, M-2 (${store}): 1,000 messages through ${KILLS} SIGKILLs of the server: 0 lost, 0 doubled`,
    { skip, timeout: 150_000 },
    async () => {
      const server = await startServerProcess({ store, env: FLOOD_FREE });
      const context = await browser.newContext();
      const pageErrors: string[] = [];
      let bot: TechBot | undefined;
      try {
        const page = await context.newPage();
        page.on('pageerror', (e) => pageErrors.push(e.message));
        await openWidget(page, server.url);

        const typed = Array.from({ length: TYPED }, (_, i) => `visitor message ${i}`);
        // KILLS + 1 rounds: each kill lands halfway through one, and the next is typed while the server is down.
        const rounds = Array.from({ length: KILLS + 1 }, (_, r) => typed.slice((r * TYPED) / (KILLS + 1), ((r + 1) * TYPED) / (KILLS + 1)));
        await sendFromWidget(page, rounds[0]);
        const sessionId = await widgetSessionId(page);
        const cookie = await signInCookie(server.url, server.adminEmail, server.adminPassword);
        bot = await TechBot.start({ url: server.url, cookie, sessionId });

        const perRound = (2 * TYPED) / (KILLS + 1);
        for (let k = 0; k < KILLS; k++) {
          await bot.until((b) => b.bySeq.size >= k * perRound + perRound / 2, `${k * perRound + perRound / 2} messages`);
          await server.kill();
          await sendFromWidget(page, rounds[k + 1]);
          await server.restart();
        }

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
        console.log(`${store}: ${KILLS} kills; technician reconnects ${bot.counts.reconnects}, sends ${bot.counts.sends}`);
      } finally {
        bot?.close();
        await context.close();
        await server.stop();
      }
      if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join('; ')}`);
    },
  );
}
