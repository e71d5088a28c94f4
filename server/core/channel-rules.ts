/**
 * Channels as plain data: defaults for a new one and the public key derived from its name.
 */
import { DEFAULT_ATTACHMENT_MAX_BYTES, type ChannelFields } from '../../src/protocol/index.js';
import type { Channel } from './model.js';

/** Session expiration of a channel nobody configured. */
export const DEFAULT_EXPIRATION_MINUTES = 60;

/** A new channel; unset fields take the defaults. */
export function newChannel(
  input: { id: string; key: string; name: string; now: number } & Partial<Omit<ChannelFields, 'name' | 'memberIds'>>,
): Channel {
  return {
    id: input.id,
    key: input.key,
    name: input.name,
    createdAt: input.now,
    expirationMinutes: input.expirationMinutes ?? DEFAULT_EXPIRATION_MINUTES,
    allowedOrigins: input.allowedOrigins ?? [],
    siteUrl: input.siteUrl ?? '',
    downloadLinks: input.downloadLinks ?? {},
    attachmentMaxBytes: input.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES,
  };
}

/** The channel with an admin's edits applied. */
export function editChannel(c: Channel, f: Omit<ChannelFields, 'memberIds'>): Channel {
  return {
    ...c,
    name: f.name,
    expirationMinutes: f.expirationMinutes,
    allowedOrigins: [...new Set(f.allowedOrigins)],
    siteUrl: f.siteUrl,
    downloadLinks: dropEmpty(f.downloadLinks),
    attachmentMaxBytes: f.attachmentMaxBytes ?? c.attachmentMaxBytes,
  };
}

function dropEmpty(links: ChannelFields['downloadLinks']): Channel['downloadLinks'] {
  return Object.fromEntries(Object.entries(links).filter(([, url]) => !!url));
}

/** A channel key from a name: "Billing & Help" -> "billing-help" (the caller makes it unique). */
export function channelKeyFrom(name: string): string {
  const key = name
    .toLowerCase()
    .normalize('NFKD')
    // Accents split off by NFKD are dropped, not turned into separators ("Crème" -> "creme").
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  return key || 'channel';
}

/**
 * whether a web page at `origin` may open sessions in the channel: the server's own pages, and
 * the channel's allowed origins (exact match). Clients that send no Origin (not browsers) pass.
 */
export function originAllowed(
  channel: Pick<Channel, 'allowedOrigins'>,
  origin: string | undefined,
  serverHost: string | undefined,
): boolean {
  if (!origin) return true;
  if (channel.allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === serverHost;
  } catch {
    return false;
  }
}
