/**
 * Starts and stops co-browsing from the chat's state (SPEC.md C-7, C-8): the recorder's chunk is
 * imported only once the visitor's `view` grant is in the state, and recording stops as soon as the
 * grant ends, the session ends, or the visitor presses Stop (before the server even hears it).
 */
import type * as CobrowseModule from '../cobrowse/cobrowse-session.js';
import type { CobrowseFrame } from '../protocol/cobrowse.js';
import type { ControlAnswer } from '../protocol/cobrowse-control.js';
import type { PermissionView } from '../protocol/views.js';
import { isEnded, type ChatState } from '../session/chat-state.js';
import { grantedPermissions } from '../session/permissions.js';

type Handle = ReturnType<typeof CobrowseModule.startCobrowse>;

/** What the link needs from the chat controller. */
export interface CobrowseLinkPort {
  /** Sends a frame; resolves false when the server refused it (no grant any more). */
  send(frame: CobrowseFrame): Promise<boolean>;
  /** Withdraws the `view` grant on the server. */
  revoke(): void;
}

/** The granted `view` request the state holds for an open session, if any. */
export function viewGrant(state: ChatState): PermissionView | null {
  if (!state.session || isEnded(state.session)) return null;
  // The state holds the permissions of its own session only.
  return grantedPermissions(state.permissions).find((p) => p.capability === 'view') ?? null;
}

/** Owns the recording of one chat panel. */
export class CobrowseLink {
  #running: { grantId: string; handle: Promise<Handle | null> } | null = null;
  /** The grant the visitor stopped locally; it never restarts, a new grant does. */
  #stoppedGrant: string | null = null;
  /** Whether the state holds a `control` grant: the widget's own check, whatever the server says (C-13). */
  #controlled = false;

  constructor(private readonly port: CobrowseLinkPort) {}

  /** Call after every state change; a state without a grant (e.g. the initial one) stops recording without revoking. */
  sync(state: ChatState): void {
    const grant = viewGrant(state);
    this.#controlled = !!grant && grantedPermissions(state.permissions).some((p) => p.capability === 'control');
    const wanted = grant && grant.id !== this.#stoppedGrant ? grant : null;
    if (wanted && this.#running?.grantId === wanted.id) return;
    this.#end();
    if (wanted) this.#start(wanted);
  }

  /** A technician started watching, or the socket came back: send a full snapshot. */
  snapshot(): void {
    void this.#running?.handle.then((h) => h?.snapshot());
  }

  /** The technician points or highlights (C-11); nothing happens unless recording runs. */
  guide(fact: { technician: string } & ({ x: number; y: number } | { nodeId: number })): void {
    void this.#running?.handle.then((h) => h?.guide(fact));
  }

  /** The technician clicks, types or scrolls (C-12, C-13); only while recording with `control` granted. */
  async control(command: unknown): Promise<ControlAnswer> {
    const handle = await this.#running?.handle;
    if (!handle) return { status: 'elsewhere' };
    return this.#controlled ? handle.control(command) : { status: 'refused', reason: 'not_granted' };
  }

  /** The visitor pressed Stop: end now, then tell the server. */
  stopByVisitor(): void {
    if (this.#running) this.#stoppedGrant = this.#running.grantId;
    this.#end();
    this.port.revoke();
  }

  #start(grant: PermissionView): void {
    const running = {
      grantId: grant.id,
      handle: import('../cobrowse/cobrowse-session.js').then(
        (mod) => {
          // Stopped while the chunk was loading.
          if (this.#running !== running) return null;
          return mod.startCobrowse({
            sessionId: grant.sessionId,
            technician: grant.requestedBy.name,
            send: (frame) =>
              void this.port.send(frame).then((accepted) => {
                if (!accepted && this.#running === running) this.#end();
              }),
            onStop: () => this.stopByVisitor(),
          });
        },
        () => null,
      ),
    };
    this.#running = running;
  }

  #end(): void {
    const running = this.#running;
    this.#running = null;
    void running?.handle.then((h) => h?.stop());
  }
}
