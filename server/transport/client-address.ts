/**
 * The client's address for rate limits: the socket's peer, or, only behind a trusted proxy, the
 * address the proxy reports (a header anyone can forge otherwise).
 */

/** The address to count attempts against. */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string {
  if (trustProxy && forwardedFor) {
    const header = Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor;
    const first = header.split(',')[0]?.trim();
    if (first) return first;
  }
  return peer ?? 'unknown';
}
