/**
 * Words and formats the console shows for protocol values.
 */
import type { Actor, Capability, ClientOs, PermissionStatus, SessionOrigin, SessionStatus } from '../../../src/protocol/index.js';
import type { StatusFilter } from '../state/console-state.js';

/** Human labels of session states (SPEC.md S-1). */
export const STATUS_LABEL: Record<SessionStatus, string> = {
  waiting: 'Waiting',
  active: 'Active',
  in_queue: 'In queue',
  expired: 'Expired',
  closed: 'Closed',
};

/** Labels of the status filter tabs. */
export const FILTER_LABEL: Record<StatusFilter, string> = { all: 'All', ...STATUS_LABEL };

/** How a session began, as a short phrase. */
export const ORIGIN_LABEL: Record<SessionOrigin, string> = {
  visitor: 'Asked for help',
  technician: 'Invitation',
  sos: 'Support code',
  unattended: 'Unattended device',
};

/** What each capability lets the technician do. */
export const CAPABILITY_LABEL: Record<Capability, string> = {
  view: 'View the page',
  control: 'Control the page',
  escalate: 'Escalate to the support client',
};

/** States of a permission request; `expired` means nobody answered. */
export const PERMISSION_STATUS_LABEL: Record<PermissionStatus, string> = {
  pending: 'Pending',
  granted: 'Granted',
  denied: 'Denied',
  expired: 'No answer',
  revoked: 'Revoked',
};

/** Who did something, in a few words. */
export function actorLabel(actor: Actor, visitorLabel: string): string {
  switch (actor.kind) {
    case 'technician':
      return actor.name;
    case 'visitor':
      return visitorLabel;
    case 'system':
      return 'Porthole';
  }
}

/** "14:05" today, "12 Nov" before. */
export function timeLabel(ms: number, now = Date.now()): string {
  const d = new Date(ms);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  return sameDay
    ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString([], { day: 'numeric', month: 'short' });
}

/** "1:05" for a countdown of 65 seconds; never negative. */
export function countdownLabel(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** A 9-digit code in groups of three, as people read it out: "123 456 789". */
export function groupDigits(code: string): string {
  return code.replace(/(\d{3})(?=\d)/g, '$1 ');
}

/** The systems a support client or device reports. */
export const OS_LABEL: Record<ClientOs | 'other', string> = { windows: 'Windows', macos: 'macOS', linux: 'Linux', other: 'Other system' };
