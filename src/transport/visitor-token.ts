/**
 * The visitor's bearer token, kept in IndexedDB (idb-keyval) so a reload or a later visit in the same
 * browser finds the conversation again. Storage failures (private mode, blocked storage) read as
 * "no token": the widget then works for this page view only.
 */
import { del, get, set } from 'idb-keyval';

/** One key per server and channel, so two widgets on a page never share a visitor. */
export function tokenKey(server: string, channel: string): string {
  return `porthole:${server}:${channel}:visitor`;
}

/** The stored token, or undefined. */
export async function loadToken(server: string, channel: string): Promise<string | undefined> {
  try {
    const value: unknown = await get(tokenKey(server, channel));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Stores the token; failures are ignored (see the module comment). */
export async function saveToken(server: string, channel: string, token: string): Promise<void> {
  try {
    await set(tokenKey(server, channel), token);
  } catch {
    /* storage unavailable: the conversation lasts as long as the page */
  }
}

/** Forgets the token, e.g. when the server no longer knows it. */
export async function clearToken(server: string, channel: string): Promise<void> {
  try {
    await del(tokenKey(server, channel));
  } catch {
    /* nothing stored anyway */
  }
}
