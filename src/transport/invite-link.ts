/**
 * Invitation links: a technician sends the visitor `https://site/page?porthole=<token>`. The launcher
 * only asks whether the parameter is there (it must stay tiny); the chat reads and removes it.
 */

/** The query parameter that carries an invitation token. */
export const INVITE_PARAM = 'porthole';

/** Whether the page was opened from an invitation link. */
export function hasInviteParam(search: string = location.search): boolean {
  return new URLSearchParams(search).has(INVITE_PARAM);
}

/** The invitation token in the address bar, or null. Not validated: the caller checks it. */
export function readInviteParam(search: string = location.search): string | null {
  return new URLSearchParams(search).get(INVITE_PARAM);
}

/**
 * `search` without the invitation parameter, other parameters kept byte for byte (rebuilding them
 * with URLSearchParams would re-encode them, and the host page may read its own).
 */
export function withoutInviteParam(search: string): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && pair.split('=')[0] !== INVITE_PARAM);
  return kept.length ? `?${kept.join('&')}` : '';
}

/**
 * Removes the parameter from the address bar without a navigation, so a reload resumes the joined
 * session instead of opening the (now used) invitation again.
 */
export function stripInviteParam(): void {
  const search = withoutInviteParam(location.search);
  if (search === location.search) return;
  try {
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  } catch {
    // Sandboxed or opaque-origin pages may refuse; the link is single-use, so a reload only fails.
  }
}
