/**
 * The rules of conversation links (SPEC.md P-*), as plain functions: who may ask for one, which
 * page it may open, what the mail says, and whether a link may be redeemed here.
 */
import { CONVERSATION_LINK_PARAM, fail, ok, type Result } from '../../src/protocol/index.js';
import { originAllowed } from './channel-rules.js';
import type { ConversationLink } from './conversation-link-model.js';
import type { Channel, Session, Visitor } from './model.js';

/**
 * P-1: a visitor of the browser's own token, with an open conversation. A verified user already
 * finds their conversation wherever they sign in (I-4), and a link must never lead there without
 * the website's proof.
 */
export function mayAskLink(
  visitor: Visitor | null,
  identity: { verified: boolean } | null | undefined,
  open: Session | undefined,
): Result<Visitor> {
  if (identity?.verified) return fail('forbidden', 'Signed-in users find this conversation wherever they sign in.');
  if (!visitor || !open) return fail('not_found', 'There is no conversation to continue yet.');
  return ok(visitor);
}

/**
 * P-1: the page the link opens is the widget's own page, on a site the channel allows, with
 * the token added and any older Porthole parameter removed.
 */
export function linkAddress(
  channel: Pick<Channel, 'allowedOrigins'>,
  pageUrl: string,
  site: { origin: string | undefined; host: string | undefined },
  token: string,
): Result<string> {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return fail('invalid_payload', 'pageUrl: must be the page address');
  }
  const sameSite = !site.origin || site.origin === url.origin;
  if (!/^https?:$/.test(url.protocol) || !sameSite || !originAllowed(channel, url.origin, site.host))
    return fail('forbidden', 'The link can only open this website.');
  url.searchParams.delete('porthole');
  url.searchParams.set(CONVERSATION_LINK_PARAM, token);
  return ok(url.toString());
}

/** P-1: the mail with the link; text only, so nothing in it can be markup. */
export function linkMail(channelName: string, address: string, expiresAt: number): { subject: string; text: string } {
  const until = new Date(expiresAt).toUTCString();
  return {
    subject: `Continue your conversation with ${channelName}`,
    text: [
      `You asked to continue your conversation with ${channelName} on another device.`,
      '',
      `Open this link there: ${address}`,
      '',
      `The link works once, until ${until}. If you did not ask for it, ignore this mail: nothing happens.`,
    ].join('\n'),
  };
}

/** P-2: a redeemed link opens only in its own channel. */
export function linkOpensHere(link: ConversationLink | undefined, channelId: string): Result<ConversationLink> {
  if (!link || link.channelId !== channelId) return fail('not_found', 'This link has expired or was already used.');
  return ok(link);
}
