/**
 * One JSON call to the server's HTTP API, with the console's cookie. Every answer is a `Result`,
 * also when the server cannot be reached.
 */
import { fail, type Result } from '../../src/protocol/index.js';

/** Calls `path` with `method` and an optional JSON body. */
export async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<Result<T>> {
  try {
    const res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as Result<T>;
  } catch {
    return fail('internal', 'The server cannot be reached.');
  }
}
