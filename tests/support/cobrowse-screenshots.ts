/**
 * `npm run screenshots:cobrowse`: pictures of co-browsing from a real run into docs/: the visitor's
 * page with the "being viewed" bar, the console's live view of it, the visitor's "What is hidden"
 * outlines (C-14), and the console in control mode after typing into the visitor's email field (C-12).
 */
import fs from 'node:fs';
import path from 'node:path';
import { allowView, joinByLink, waitForReplay } from '../e2e/cobrowse-steps.js';
import { launchChromium } from './browser.js';
import { startServerProcess } from './server-process.js';

const out = path.resolve(import.meta.dirname, '../../docs');
fs.mkdirSync(out, { recursive: true });

const server = await startServerProcess();
const browser = await launchChromium();
try {
  const visitor = await (await browser.newContext({ viewport: { width: 1100, height: 720 } })).newPage();
  const tech = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await joinByLink(tech, visitor, server);
  await allowView(tech, visitor);
  await waitForReplay(tech, 'Ride further');
  await visitor.screenshot({ path: path.join(out, 'cobrowse-visitor.png') });
  await tech.screenshot({ path: path.join(out, 'cobrowse-console.png') });

  await visitor.locator('porthole-viewing-bar button.hidden-toggle').click();
  await visitor.locator('section.account').scrollIntoViewIfNeeded();
  await visitor.waitForFunction(
    () => (document.querySelector('porthole-hidden-view') as unknown as { outlines(): unknown[] } | null)?.outlines().length,
  );
  await visitor.screenshot({ path: path.join(out, 'cobrowse-hidden.png') });
  await visitor.locator('porthole-viewing-bar button.hidden-toggle').click();

  await tech.locator('permissions-panel button', { hasText: 'Request control' }).click();
  await visitor.locator('porthole-chat .prompt button.primary', { hasText: 'Allow' }).click();
  await tech.locator('cobrowse-view button.control').click();
  const email = await tech.evaluate(() => {
    const view = document.querySelector('porthole-console')?.shadowRoot?.querySelector('console-workspace')?.shadowRoot;
    const frame = view?.querySelector('conversation-view')?.shadowRoot?.querySelector('cobrowse-view')?.shadowRoot?.querySelector('iframe');
    const r = frame?.contentDocument?.querySelector('input[name=email]')?.getBoundingClientRect();
    const f = frame?.getBoundingClientRect();
    const scale = f && frame ? f.width / frame.offsetWidth : 1;
    return r && f ? { x: f.left + (r.left + r.width / 2) * scale, y: f.top + (r.top + r.height / 2) * scale } : null;
  });
  if (email) {
    await tech.mouse.click(email.x, email.y);
    await tech.keyboard.type('ada@example.com');
    await visitor.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name=email]')?.value === 'ada@example.com');
    // The replay shows the field masked once the input event came back through the stream.
    await tech.waitForFunction(() => {
      const view = document.querySelector('porthole-console')?.shadowRoot?.querySelector('console-workspace')?.shadowRoot;
      const frame = view
        ?.querySelector('conversation-view')
        ?.shadowRoot?.querySelector('cobrowse-view')
        ?.shadowRoot?.querySelector('iframe');
      return !!frame?.contentDocument?.querySelector<HTMLInputElement>('input[name=email]')?.value;
    });
  }
  await tech.screenshot({ path: path.join(out, 'cobrowse-control.png') });
  console.log(`Screenshots written to ${path.relative(process.cwd(), out)}/cobrowse-{visitor,console,hidden,control}.png`);
} finally {
  await browser.close();
  await server.stop();
}
