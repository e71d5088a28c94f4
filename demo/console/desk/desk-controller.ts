/**
 * Binds the service-desk pages to the console namespace: the ticket list (search, quick filters,
 * sort), the selected ticket's details, live `ticket:changed` and `timeline:created` facts, and the
 * technician's commands. It keeps its own socket so the session console stays as it is.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import {
  NAMESPACES,
  PROTOCOL_VERSION,
  type ConsoleCommands,
  type ConsoleFacts,
  type Directory,
  type GroupView,
  type PayloadOf,
  type Result,
  type TicketDetails,
  type TicketView,
} from '../../../src/protocol/index.js';
import { ask } from '../../../src/transport/ask.js';
import { initialQuery, matchesQuery, sortTickets, type DeskQuery } from './desk-query.js';

type DeskSocket = Socket<ConsoleFacts, ConsoleCommands>;

/** The desk's connection, list and open ticket. */
export class DeskController implements ReactiveController {
  tickets: TicketView[] = [];
  query: DeskQuery = initialQuery;
  selectedId: string | null = null;
  details: TicketDetails | null = null;
  directory: Directory = { channels: [], technicians: [] };
  groups: GroupView[] = [];
  error = '';
  #socket: DeskSocket | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    const socket: DeskSocket = io(NAMESPACES.console, {
      auth: { protocol: PROTOCOL_VERSION },
      withCredentials: true,
      transports: ['websocket', 'polling'],
    });
    this.#socket = socket;
    socket.on('connect', () => void this.#reload());
    socket.on('ticket:changed', (t) => {
      const known = this.tickets.some((x) => x.id === t.id);
      // A changed ticket that no longer fits the filters leaves the list; a new one that fits joins it.
      const rest = this.tickets.filter((x) => x.id !== t.id);
      this.tickets = matchesQuery(t, this.query) ? sortTickets([...rest, t], this.query) : known ? rest : this.tickets;
      if (this.details?.ticket.id === t.id) this.details = { ...this.details, ticket: t };
      this.host.requestUpdate();
    });
    socket.on('timeline:created', (e) => {
      if (this.details?.ticket.id !== e.ticketId || this.details.timeline.some((x) => x.id === e.id)) return;
      this.details = { ...this.details, timeline: [...this.details.timeline, e] };
      // Session lines change the session cards (joined, closed): reload them.
      if (e.kind === 'session') void this.#loadDetails(e.ticketId);
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#socket?.disconnect();
    this.#socket = null;
  }

  /** Runs a new list query. */
  async setQuery(q: Partial<DeskQuery>): Promise<void> {
    this.query = { ...this.query, ...q };
    await this.#list();
  }

  /** Opens (or closes, with null) a ticket's details. */
  async select(ticketId: string | null): Promise<void> {
    this.selectedId = ticketId;
    this.details = ticketId && this.details?.ticket.id === ticketId ? this.details : null;
    this.host.requestUpdate();
    if (ticketId) await this.#loadDetails(ticketId);
  }

  /** Any desk command, with the error shown when it fails; reloads the open ticket after it. */
  async run<E extends keyof ConsoleCommands>(event: E, payload: PayloadOf<ConsoleCommands[E]>) {
    const r = await ask<ConsoleCommands, E>(this.#socket, event, payload);
    this.error = r.ok ? '' : r.message;
    if (this.selectedId && r.ok) await this.#loadDetails(this.selectedId);
    this.host.requestUpdate();
    return r;
  }

  /** Reloads the groups (after an admin changed them). */
  async refreshGroups(): Promise<void> {
    const g = await ask<ConsoleCommands, 'groups:list'>(this.#socket, 'groups:list', {});
    if (g.ok) this.groups = g.value;
    this.host.requestUpdate();
  }

  async #reload() {
    const d = await ask<ConsoleCommands, 'directory:list'>(this.#socket, 'directory:list', {});
    if (d.ok) this.directory = d.value;
    await this.refreshGroups();
    await this.#list();
    if (this.selectedId) await this.#loadDetails(this.selectedId);
  }

  async #list() {
    const { search, statuses, priorities, sort, direction } = this.query;
    const r: Result<TicketView[]> = await ask<ConsoleCommands, 'tickets:list'>(this.#socket, 'tickets:list', {
      search,
      statuses,
      priorities,
      sort,
      direction,
    });
    if (r.ok) this.tickets = r.value;
    else this.error = r.message;
    this.host.requestUpdate();
  }

  async #loadDetails(ticketId: string) {
    const r = await ask<ConsoleCommands, 'ticket:details'>(this.#socket, 'ticket:details', { ticketId });
    if (this.selectedId !== ticketId) return;
    if (r.ok) this.details = r.value;
    else this.error = r.message;
    this.host.requestUpdate();
  }
}
