/**
 * Shared steps of the end-to-end tests: watching pages for errors, signing a technician in.
 */
import type { Page } from 'playwright-core';
import type { ServerProcess } from '../support/server-process.js';

/** Records page errors and console errors (CSP violations show up there) into `problems`. */
export function watch(page: Page, who: string, problems: string[]): Page {
  page.on('pageerror', (e) => problems.push(`${who} pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The console asks /api/auth/me before sign-in; its 401 is expected.
    if (m.type() === 'error' && !m.text().includes('401')) problems.push(`${who} console: ${m.text()}`);
  });
  return page;
}

/** Opens the console and signs in as the server's admin. */
export async function signIn(page: Page, server: ServerProcess): Promise<void> {
  await page.goto(`${server.url}/console/`);
  await page.locator('input[name=email]').fill(server.adminEmail);
  await page.locator('input[name=password]').fill(server.adminPassword);
  await page.locator('sign-in-form button[type=submit]').click();
  await page.locator('console-toolbar').waitFor();
}

/**
 * Server environment for the no-loss tests, which send a thousand messages as fast as acks return:
 * far above what the flood limit (L-1) lets a person send, and that limit is not what they test.
 */
export const FLOOD_FREE = { PORTHOLE_MESSAGE_RATE: '100000/100000' } as const;
