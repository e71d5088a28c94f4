/**
 * The visitor's side of the escalation once they allowed it (E-1, E-2): fetch a download ticket for
 * the granted `escalate` request, and forget it when the grant ends. The ticket is kept apart from
 * the chat state because only this prompt reads it and it must never be persisted.
 */
import type { Result } from '../protocol/errors.js';
import type { EscalationTicketView } from '../protocol/support-client.js';
import type { PermissionView } from '../protocol/views.js';
import { grantedPermissions } from '../session/permissions.js';
import type { ChatPort } from './chat-port.js';

/** What the download prompt shows. */
export type EscalationState =
  | { status: 'none' }
  | { status: 'asking'; permissionId: string }
  | { status: 'ready'; permissionId: string; ticket: EscalationTicketView }
  | { status: 'failed'; permissionId: string; message: string };

/** Fetching and refreshing the download ticket. */
export class EscalationActions {
  state: EscalationState = { status: 'none' };

  constructor(
    private readonly chat: Pick<ChatPort, 'ask' | 'state'>,
    private readonly changed: () => void,
  ) {}

  /** Follows the permissions: a new `escalate` grant fetches a ticket, a grant that ended drops it. */
  follow(permissions: readonly PermissionView[]): void {
    const grant = grantedPermissions(permissions).find((p) => p.capability === 'escalate');
    if (!grant) {
      if (this.state.status !== 'none') this.#set({ status: 'none' });
      return;
    }
    if (this.state.status !== 'none' && this.state.permissionId === grant.id) return;
    void this.#fetch(grant.id, grant.sessionId);
  }

  /** A new ticket (the previous one stops working), e.g. after the client was closed. */
  renew(): void {
    const grant = grantedPermissions(this.chat.state().permissions).find((p) => p.capability === 'escalate');
    if (grant && this.state.status !== 'asking') void this.#fetch(grant.id, grant.sessionId);
  }

  async #fetch(permissionId: string, sessionId: string): Promise<void> {
    this.#set({ status: 'asking', permissionId });
    const r: Result<EscalationTicketView> = await this.chat.ask('escalation:ticket', { sessionId });
    // The grant may have ended while the answer was on its way.
    if (this.state.status !== 'asking' || this.state.permissionId !== permissionId) return;
    this.#set(r.ok ? { status: 'ready', permissionId, ticket: r.value } : { status: 'failed', permissionId, message: r.message });
  }

  #set(state: EscalationState): void {
    this.state = state;
    this.changed();
  }
}
