/**
 * Which session actions the console offers to the signed-in technician. This only decides which
 * buttons to show: the server enforces the rules and refuses anything else with `forbidden`.
 */
import type { SessionView, TechnicianView } from '../../../src/protocol/index.js';

/** The technician looking at the session. */
export type Viewer = Pick<TechnicianView, 'id' | 'role'>;

/** One flag per action of the actions bar. */
export interface SessionAbilities {
  take: boolean;
  assign: boolean;
  transfer: boolean;
  invite: boolean;
  /** Remove an invited technician (one button per participant). */
  remove: boolean;
  release: boolean;
  close: boolean;
  delete: boolean;
  disconnectVisitor: boolean;
}

/** Technicians in a session besides its owner (the owner makes three). */
export const MAX_PARTICIPANTS = 2;

/** Whether a session can still change hands or be worked on. */
export function isOpen(session: SessionView): boolean {
  return session.status !== 'closed' && session.status !== 'expired';
}

/** The actions to offer: only the owner transfers, invites, removes, releases and disconnects. */
export function sessionAbilities(session: SessionView, viewer: Viewer): SessionAbilities {
  const open = isOpen(session);
  const owner = session.owner?.id === viewer.id;
  const unowned = session.owner === null;
  const admin = viewer.role === 'admin';
  return {
    take: open && unowned,
    assign: open && (owner || unowned || admin),
    transfer: open && owner,
    invite: open && owner && session.participants.length < MAX_PARTICIPANTS,
    remove: open && owner && session.participants.length > 0,
    release: open && owner && session.status === 'active',
    close: open && (owner || unowned || admin),
    delete: owner || admin,
    // U-4: an unattended session has no visitor to disconnect; End connection is on the device's panel.
    disconnectVisitor: owner && session.status === 'active' && session.origin !== 'unattended',
  };
}
