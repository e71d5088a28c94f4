/**
 * Invitation links: a technician sends the visitor `https://site/page?porthole=<token>`. The launcher
 * only asks whether the parameter is there (it must stay tiny); the chat reads and removes it.
 */

import { CONVERSATION_LINK_PARAM } from '../protocol/link-params.js';

/** The query parameter that carries an invitation token. */
export const INVITE_PARAM = 'porthole';

/** Whether the page was opened from an invitation link, or a link that continues a conversation (P-2). */
export function hasInviteParam(search: string = location.search): boolean {
  const params = new URLSearchParams(search);
  return params.has(INVITE_PARAM) || params.has(CONVERSATION_LINK_PARAM);
}

/** The invitation token in the address bar, or null. Not validated: the caller checks it. */
export function readInviteParam(search: string = location.search): string | null {
  return new URLSearchParams(search).get(INVITE_PARAM);
}

/**
 * `search` without the invitation parameter, other parameters kept byte for byte (rebuilding them
 * with URLSearchParams would re-encode them, and the host page may read its own).
 */
export function withoutInviteParam(search: string, param = INVITE_PARAM): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && pair.split('=')[0] !== param);
  return kept.length ? `?${kept.join('&')}` : '';
}

/**
 * Removes the parameter from the address bar without a navigation, so a reload resumes the joined
 * session instead of opening the (now used) invitation again.
 */
export function stripInviteParam(param = INVITE_PARAM): void {
  const search = withoutInviteParam(location.search, param);
  if (search === location.search) return;
  try {
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  } catch {
    // Sandboxed or opaque-origin pages may refuse; the link is single-use, so a reload only fails.
  }
}
