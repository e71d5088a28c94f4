/**
 * Words and formats the console shows for protocol values.
 */
import type { SessionStatus } from '../../../src/protocol/index.js';

/** Human labels of session states (SPEC.md S-1). */
export const STATUS_LABEL: Record<SessionStatus, string> = {
  waiting: 'Waiting',
  active: 'Active',
  in_queue: 'In queue',
  expired: 'Expired',
  closed: 'Closed',
};

/** "14:05" today, "12 Nov" before. */
export function timeLabel(ms: number, now = Date.now()): string {
  const d = new Date(ms);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  return sameDay
    ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString([], { day: 'numeric', month: 'short' });
}
