/**
 * `npm run screenshots:cobrowse`: pictures of co-browsing from a real run into docs/: the visitor's
 * page with the "being viewed" bar, and the console's live view of it.
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
  console.log(`Screenshots written to ${path.relative(process.cwd(), out)}/cobrowse-visitor.png and cobrowse-console.png`);
} finally {
  await browser.close();
  await server.stop();
}
