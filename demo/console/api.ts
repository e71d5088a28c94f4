/**
 * The console's HTTP calls (sign-in and sign-out). The session lives in an HttpOnly cookie that
 * the browser sends by itself; nothing here touches it.
 */
import { fail, type Result, type TechnicianView } from '../../src/protocol/index.js';

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Result<T>> {
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

/** Signs in; the server sets the cookie. */
export const login = (email: string, password: string) => call<TechnicianView>('POST', '/api/auth/login', { email, password });

/** The signed-in technician, or `unauthorized`. */
export const me = () => call<TechnicianView>('GET', '/api/auth/me');

/** Signs out. */
export const logout = () => call<null>('POST', '/api/auth/logout', {});
