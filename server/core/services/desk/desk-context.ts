/**
 * What every desk operation shares: names for assignees, who may see a ticket (K-9), and writing
 * timeline entries that reach exactly those consoles (K-6).
 */
import type { TicketActor, TimelineKind } from '../../../../src/protocol/index.js';
import type { Ticket } from '../../desk/desk-model.js';
import type { DeskPublisher, MailSender } from '../../desk/desk-ports.js';
import { ticketView, timelineView } from '../../desk/desk-views.js';
import { groupIdsOf, mayViewTicket, type AssigneeNames, type TicketViewer } from '../../desk/ticket-rules.js';
import type { Technician } from '../../model.js';
import type { Env, Store } from '../../ports.js';

/** Dependencies of the desk services. */
export interface DeskDeps {
  store: Store;
  env: Env;
  deskPublish: DeskPublisher;
  /** Null when no SMTP server is configured: outgoing mail stays in the outbox. */
  mail: MailSender | null;
  /** The desk's own address: sender of its mail, and where customers write. */
  deskAddress: string;
}

/** Builds the shared helpers. */
export function deskContext(deps: DeskDeps) {
  const { store, env, deskPublish } = deps;

  const names = async (): Promise<AssigneeNames> => ({
    technicians: new Map((await store.listTechnicians()).map((t) => [t.id, t.name])),
    groups: new Map((await store.listGroups()).map((g) => [g.id, g.name])),
  });

  const viewerOf = async (tech: Technician): Promise<TicketViewer> => ({
    id: tech.id,
    role: tech.role,
    groupIds: groupIdsOf(await store.listGroups(), tech.id),
  });

  /** K-9: the technicians who may see the ticket, for broadcasts. */
  const audience = async (t: Pick<Ticket, 'assignee'>): Promise<string[]> => {
    const [technicians, groups] = [await store.listTechnicians(), await store.listGroups()];
    return technicians
      .filter((tech) => mayViewTicket(t, { id: tech.id, role: tech.role, groupIds: groupIdsOf(groups, tech.id) }))
      .map((x) => x.id);
  };

  return {
    ...deps,
    names,
    viewerOf,
    audience,
    /** Tells the consoles that may see it about the ticket as it now is. */
    async announce(t: Ticket): Promise<void> {
      deskPublish.ticketChanged(ticketView(t, await names()), await audience(t));
    },
    /** K-6: appends a timeline entry and tells the consoles that may see the ticket. */
    async log(
      t: Ticket,
      kind: TimelineKind,
      actor: TicketActor,
      summary: string,
      body = '',
      data: Record<string, unknown> = {},
    ): Promise<void> {
      const entry = { id: env.id(), ticketId: t.id, at: env.now(), kind, actor, summary, body, data };
      await store.insertTimelineEntry(entry);
      deskPublish.timelineCreated(timelineView(entry), await audience(t));
    },
  };
}

/** The shared desk helpers. */
export type DeskContext = ReturnType<typeof deskContext>;

/** The timeline actor of a technician. */
export const technicianActor = (t: Technician): TicketActor => ({ kind: 'technician', id: t.id, name: t.name });
