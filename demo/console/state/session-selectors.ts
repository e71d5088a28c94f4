/**
 * What each page lists, derived from the console state: Home, a channel with its status filter,
 * the navigation's channels and counts. Pure functions, so tests need no DOM.
 */
import { SessionStatus, type SessionSummary, type SessionView } from '../../../src/protocol/index.js';
import type { ConsoleState, StatusFilter } from './console-state.js';

/** The filter tabs of a channel page, in the order they are shown. */
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', ...Object.values(SessionStatus)];

/** A channel entry of the navigation. */
export interface NavChannel {
  id: string;
  name: string;
}

/** Sessions newest activity first. */
export function sortedSessions(state: ConsoleState): SessionSummary[] {
  return [...state.sessions.values()].sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
}

/** Whether the technician owns the session or was invited into it. */
export function takesPart(session: SessionView, technicianId: string): boolean {
  return session.owner?.id === technicianId || session.participants.some((p) => p.id === technicianId);
}

/** Home: the sessions the technician owns or takes part in. */
export function homeSessions(state: ConsoleState, technicianId: string): SessionSummary[] {
  return sortedSessions(state).filter((s) => takesPart(s, technicianId));
}

/** Sessions waiting for anyone to take them, so Home shows what needs picking up. */
export function queuedSessions(state: ConsoleState): SessionSummary[] {
  return sortedSessions(state).filter((s) => s.status === 'in_queue' && s.owner === null);
}

/** The sessions of one channel. */
export function channelSessions(state: ConsoleState, channelId: string): SessionSummary[] {
  return sortedSessions(state).filter((s) => s.channelId === channelId);
}

/** The sessions that pass a status filter. */
export function filterByStatus(sessions: readonly SessionSummary[], filter: StatusFilter): SessionSummary[] {
  return filter === 'all' ? [...sessions] : sessions.filter((s) => s.status === filter);
}

/** How many sessions each filter tab would show. */
export function statusCounts(sessions: readonly SessionSummary[]): Record<StatusFilter, number> {
  const counts = Object.fromEntries(STATUS_FILTERS.map((f) => [f, 0])) as Record<StatusFilter, number>;
  for (const s of sessions) counts[s.status] += 1;
  counts.all = sessions.length;
  return counts;
}

/** Unread visitor messages over some sessions. */
export function unreadTotal(sessions: readonly SessionSummary[]): number {
  return sessions.reduce((n, s) => n + s.unread, 0);
}

/**
 * The channels of the navigation: those the technician is a member of. Until the server has told
 * (or if it cannot), the channels the listed sessions belong to stand in.
 */
export function navChannels(state: ConsoleState): NavChannel[] {
  if (state.channels) return state.channels.map(({ id, name }) => ({ id, name }));
  const seen = new Map<string, string>();
  for (const s of state.sessions.values()) seen.set(s.channelId, s.channelName || s.channelId);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
