/**
 * The ticket list's query as the console holds it, and the same filters and sort applied locally
 * to tickets that arrive live, so the list stays what the server would answer.
 */
import type { TicketPriority, TicketStatus, TicketView } from '../../../src/protocol/index.js';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../../src/protocol/index.js';

/** Search, quick filters and sort of the list. */
export interface DeskQuery {
  search: string;
  statuses: TicketStatus[];
  priorities: TicketPriority[];
  sort: 'updated' | 'created' | 'number' | 'name' | 'status' | 'priority';
  direction: 'asc' | 'desc';
}

/** Open work first: every status but Closed, newest activity first. */
export const initialQuery: DeskQuery = {
  search: '',
  statuses: ['open', 'processing', 'waiting'],
  priorities: [],
  sort: 'updated',
  direction: 'desc',
};

const haystack = (t: TicketView) => [t.name, t.description, t.customer.name, t.customer.email, t.customer.phone].join('\n').toLowerCase();

/** Whether a ticket passes the query's search and filters (as the server's K-8 search does). */
export function matchesQuery(t: TicketView, q: DeskQuery): boolean {
  if (q.statuses.length && !q.statuses.includes(t.status)) return false;
  if (q.priorities.length && !q.priorities.includes(t.priority)) return false;
  const text = haystack(t);
  return q.search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => text.includes(w));
}

const key = (t: TicketView, sort: DeskQuery['sort']): number | string => {
  switch (sort) {
    case 'updated':
      return t.updatedAt;
    case 'created':
      return t.createdAt;
    case 'number':
      return t.number;
    case 'name':
      return t.name.toLowerCase();
    case 'status':
      return TICKET_STATUSES.indexOf(t.status);
    case 'priority':
      return TICKET_PRIORITIES.indexOf(t.priority);
  }
};

/** The tickets in the query's order (ties by number). */
export function sortTickets(list: readonly TicketView[], q: DeskQuery): TicketView[] {
  const sign = q.direction === 'asc' ? 1 : -1;
  return [...list].sort((a, b) => {
    const [x, y] = [key(a, q.sort), key(b, q.sort)];
    return (x < y ? -1 : x > y ? 1 : a.number - b.number) * sign;
  });
}
