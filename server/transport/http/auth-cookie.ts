/**
 * The console's session cookie: HttpOnly (no script reads it) and SameSite=Strict (no other site
 * sends it), so the console needs no separate CSRF token.
 */

/** Name of the cookie holding the console token. */
export const AUTH_COOKIE = 'porthole_session';
