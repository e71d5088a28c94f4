/**
 * Attachments end to end (SPEC.md F-*): the demo site's widget and the console, in real Chromium,
 * against the real server process. The visitor sends an image that the technician sees previewed
 * and downloads; the technician sends a PDF back that the visitor downloads; a disguised
 * executable is refused with a clear message. Set SCREENSHOT_DIR to keep pictures of both pages.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { elfExecutable, pdfDocument, pngImage } from '../support/sample-files.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { signIn, watch } from './pages.js';

let server: ServerProcess;
let browser: Browser;
let visitor: Page;
let technician: Page;
const problems: string[] = [];
const png = pngImage(240, 150);
const pdf = pdfDocument();
const shots = process.env.SCREENSHOT_DIR;

before(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  visitor = watch(await (await browser.newContext({ viewport: { width: 1100, height: 760 } })).newPage(), 'visitor', problems);
  technician = watch(await (await browser.newContext({ viewport: { width: 1280, height: 760 } })).newPage(), 'technician', problems);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Waits until the image matched by `selector` has loaded, and returns its natural size. */
async function loadedImage(page: Page, selector: string): Promise<{ width: number; height: number }> {
  const img = page.locator(selector).first();
  await img.waitFor();
  await page.waitForFunction(
    (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
    await img.elementHandle(),
  );
  return img.evaluate((el) => ({ width: (el as HTMLImageElement).naturalWidth, height: (el as HTMLImageElement).naturalHeight }));
}

test('F-1, F-8: the visitor attaches an image in the widget and sees it previewed', async () => {
  await visitor.goto(`${server.url}/`);
  await visitor.locator('porthole-widget button.launch').click();
  const box = visitor.locator('porthole-chat textarea');
  await box.fill('My screen shows this error when I pay');
  await box.press('Enter');
  await visitor.locator('porthole-chat .msg.visitor:not(.pending)').first().waitFor();
  await visitor.locator('porthole-chat input[type=file]').setInputFiles({ name: 'payment-error.png', mimeType: 'image/png', buffer: png });
  const size = await loadedImage(visitor, 'porthole-chat .msg.visitor:not(.pending) .attachment.image img');
  assert.deepEqual(size, { width: 240, height: 150 });
  assert.match((await visitor.locator('porthole-chat .attachment.image img').getAttribute('src')) ?? '', /^blob:/);
});

test('F-5, F-8: the technician sees the preview in the console and downloads the same bytes', async () => {
  await signIn(technician, server);
  await technician.locator('session-list li').first().click();
  const size = await loadedImage(technician, 'conversation-view .msg.visitor .attachment.image img');
  assert.deepEqual(size, { width: 240, height: 150 });
  const href = await technician.locator('conversation-view .attachment.image').getAttribute('href');
  assert.ok(href);
  // What the browser downloads with the console's cookie.
  const bytes = await technician.evaluate(async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer())], href);
  assert.deepEqual(Buffer.from(bytes), png);
  // A stranger's browser (no cookie, no token) gets nothing.
  const stranger = await (await browser.newContext()).newPage();
  const res = await stranger.goto(`${server.url}${href}`);
  assert.equal(res?.status(), 401);
  await stranger.close();
});

test('F-4, F-6: the technician sends a PDF back; the visitor sees a chip and downloads it', async () => {
  await technician
    .locator('conversation-view input[type=file]')
    .setInputFiles({ name: 'how-to-pay.pdf', mimeType: 'application/pdf', buffer: pdf });
  await technician.locator('conversation-view .msg.technician .attachment.file', { hasText: 'how-to-pay.pdf' }).waitFor();
  const reply = technician.locator('conversation-view textarea');
  await reply.fill('Thanks! These steps should fix it; the PDF shows where to click.');
  await reply.press('Enter');

  const chip = visitor.locator('porthole-chat .msg.technician .attachment.file');
  await chip.waitFor();
  assert.equal(await chip.locator('.name').textContent(), 'how-to-pay.pdf');
  const [download] = await Promise.all([visitor.waitForEvent('download'), chip.click()]);
  assert.equal(download.suggestedFilename(), 'how-to-pay.pdf');
  const saved = await download.path();
  assert.deepEqual(await readFile(saved), pdf);
  await visitor.locator('porthole-chat .msg.technician', { hasText: 'These steps should fix it' }).waitFor();
});

test('F-3: an executable renamed to .png is refused in the widget with a clear message, and nothing is sent', async () => {
  const before = await technician.locator('conversation-view .msg').count();
  await visitor
    .locator('porthole-chat input[type=file]')
    .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: elfExecutable() });
  const refusal = visitor.locator('porthole-chat .upload.failed .why');
  await refusal.waitFor();
  assert.match((await refusal.textContent()) ?? '', /cannot be sent/);
  if (shots) {
    await visitor.screenshot({ path: path.join(shots, 'widget-attachments.png') });
    await technician.screenshot({ path: path.join(shots, 'console-attachments.png') });
  }
  assert.equal(await technician.locator('conversation-view .msg').count(), before);
});

test('no page errors and no CSP violations on either page', () => {
  // Chromium logs every error status; the refused executable's 415 is the one expected.
  const refused = (p: string) => p.startsWith('visitor console:') && p.includes('status of 415');
  assert.equal(problems.filter(refused).length, 1);
  assert.deepEqual(
    problems.filter((p) => !refused(p)),
    [],
  );
});
