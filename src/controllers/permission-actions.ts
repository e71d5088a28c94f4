/**
 * The visitor's side of consent (G-*): allowing or denying a technician's request, and stopping a
 * capability granted earlier. Nothing here grants anything by itself: the server records the answer.
 */
import type { Capability } from '../protocol/views.js';
import { grantedPermissions } from '../session/permissions.js';
import { refusalOf, type ChatPort } from './chat-port.js';

/** Answering and revoking permission requests. */
export class PermissionActions {
  constructor(private readonly chat: ChatPort) {}

  /** Sends the visitor's answer to a pending request. */
  async answer(permissionId: string, allow: boolean): Promise<void> {
    if (this.chat.state().answering !== null) return;
    this.chat.apply({ type: 'answering', permissionId });
    this.chat.apply({ type: 'permission-refused', refusal: null });
    const r = await this.chat.ask('permission:answer', { permissionId, allow });
    this.chat.apply({ type: 'answering', permissionId: null });
    if (r.ok) {
      this.chat.apply({ type: 'permissions', permissions: [r.value] });
      return;
    }
    this.chat.apply({ type: 'permission-refused', refusal: refusalOf(r) });
    // Too late: the server counts it as denied, so the prompt must not linger waiting for a fact.
    if (r.error === 'expired') this.#settle(permissionId, 'expired');
  }

  /** Withdraws a granted capability. */
  async revoke(capability: Capability): Promise<void> {
    const session = this.chat.state().session;
    if (!session) return;
    this.chat.apply({ type: 'permission-refused', refusal: null });
    const r = await this.chat.ask('permission:revoke', { sessionId: session.id, capability });
    if (!r.ok) {
      this.chat.apply({ type: 'permission-refused', refusal: refusalOf(r) });
      return;
    }
    if (r.value) this.chat.apply({ type: 'permissions', permissions: [r.value] });
    // `null`: the server had nothing granted, so nothing should be listed either.
    else for (const p of grantedPermissions(this.chat.state().permissions)) if (p.capability === capability) this.#settle(p.id, 'revoked');
  }

  /** Ends a request locally when the server's answer says so without sending the request back. */
  #settle(permissionId: string, status: 'expired' | 'revoked'): void {
    const known = this.chat.state().permissions.find((p) => p.id === permissionId);
    if (known) this.chat.apply({ type: 'permissions', permissions: [{ ...known, status }] });
  }

  /** Hides the message about a failed answer or revocation. */
  dismissRefusal(): void {
    this.chat.apply({ type: 'permission-refused', refusal: null });
  }
}
