/**
 * Wire views of the escalation records, and the download links the widget offers (E-2).
 */
import type { ClientGrantView, ClientOs, EscalationTicketView, SupportClientView } from '../../src/protocol/index.js';
import type { ClientGrant, EscalationTicket, SupportClient } from './escalation-model.js';
import type { Channel } from './model.js';

/** Path of the reference client on this server; the download embeds the ticket (E-2). */
export const REFERENCE_CLIENT_PATH = '/downloads/porthole-support.mjs';

const OSES: readonly ClientOs[] = ['windows', 'macos', 'linux'];

/**
 * E-2: per OS, the channel's own download link with the ticket in `porthole_ticket`, or this
 * server's reference client with the ticket in `ticket` (a path the widget resolves against its server).
 */
export function downloadsFor(channel: Channel, token: string): Record<ClientOs, string> {
  const out = {} as Record<ClientOs, string>;
  for (const os of OSES) {
    const link = channel.downloadLinks[os];
    if (link) {
      const url = new URL(link);
      url.searchParams.set('porthole_ticket', token);
      out[os] = url.href;
    } else out[os] = `${REFERENCE_CLIENT_PATH}?ticket=${encodeURIComponent(token)}`;
  }
  return out;
}

/** What the widget shows for a fresh ticket. */
export function ticketView(ticket: EscalationTicket, token: string, channel: Channel): EscalationTicketView {
  return { token, code: ticket.code ?? '', expiresAt: ticket.expiresAt, downloads: downloadsFor(channel, token) };
}

/** A grant as both the client and the console see it. */
export function clientGrantView(g: ClientGrant): ClientGrantView {
  return { ...g, requestedBy: { ...g.requestedBy } };
}

/** The client and its grants, as the console shows them. */
export function supportClientView(c: SupportClient, grants: readonly ClientGrant[]): SupportClientView {
  return {
    id: c.id,
    sessionId: c.sessionId,
    os: c.os,
    elevated: c.elevated,
    version: c.version,
    system: c.system,
    connectedAt: c.connectedAt,
    endedAt: c.endedAt,
    reconnecting: c.endedAt !== null && c.resumable === true,
    grants: grants.map(clientGrantView),
  };
}
