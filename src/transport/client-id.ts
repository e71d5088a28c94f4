/**
 * Message ids chosen by the client, so a retry of the same message is recognised by the server.
 */

/** A random 128-bit id, URL-safe. Works outside secure contexts, where `randomUUID` is missing. */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
