/**
 * `npm run screenshots`: takes the README's pictures of the widget and the console from a real run
 * (server process, demo site, console, one conversation) into docs/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './browser.js';
import { startServerProcess } from './server-process.js';

const out = path.resolve(import.meta.dirname, '../../docs');
fs.mkdirSync(out, { recursive: true });

const server = await startServerProcess();
const browser = await launchChromium();
try {
  const visitor = await (await browser.newContext({ viewport: { width: 1100, height: 720 } })).newPage();
  await visitor.goto(`${server.url}/`);
  await visitor.locator('porthole-widget button.launch').click();
  const box = visitor.locator('porthole-chat textarea');
  await box.fill('Hi! The checkout page stays blank after I press Pay.');
  await box.press('Enter');
  await visitor.locator('porthole-chat .msg.visitor:not(.pending)').waitFor();

  const tech = await (await browser.newContext({ viewport: { width: 1200, height: 640 } })).newPage();
  await tech.goto(`${server.url}/console/`);
  await tech.locator('input[name=email]').fill(server.adminEmail);
  await tech.locator('input[name=password]').fill(server.adminPassword);
  await tech.locator('sign-in-form button[type=submit]').click();
  await tech.locator('session-list li').first().click();
  const reply = tech.locator('conversation-view textarea');
  await reply.fill('Sorry about that! Which browser are you using? I can look at the page with you.');
  await reply.press('Enter');
  await visitor.locator('porthole-chat .msg.technician').waitFor();
  await box.fill('Firefox on Windows.');
  await box.press('Enter');
  await tech.locator('conversation-view .msg.visitor', { hasText: 'Firefox' }).waitFor();

  await visitor.screenshot({ path: path.join(out, 'widget.png') });
  await tech.screenshot({ path: path.join(out, 'console.png') });
  console.log(`Screenshots written to ${path.relative(process.cwd(), out)}/widget.png and console.png`);
} finally {
  await browser.close();
  await server.stop();
}
