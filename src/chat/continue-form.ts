/**
 * "Continue on another device" (SPEC.md P-1): asks for an email address and has the server mail a
 * link that opens this conversation elsewhere. Part of the lazy forms chunk.
 */
import { html, nothing } from 'lit';
import type { ContinueState } from './profile-form-actions.js';

/** What the card calls. */
export interface ContinueHandlers {
  send(email: string): unknown;
  close(): unknown;
}

/** The card, or nothing while it is closed. */
export function renderContinue(state: ContinueState, on: ContinueHandlers) {
  if (state.status === 'closed') return nothing;
  const close = html`<button type="button" class="secondary" @click=${() => on.close()}>Close</button>`;
  if (state.status === 'sent') {
    return html`<section class="card continue" role="status">
      <p>We sent a link to <strong>${state.email}</strong>. Open it on your other device before ${state.until}; it works once.</p>
      ${close}
    </section>`;
  }
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const email = new FormData(e.target as HTMLFormElement).get('email');
    on.send(typeof email === 'string' ? email.trim() : '');
  };
  return html`<form class="card continue" @submit=${submit}>
    <label for="continue-email">Continue on another device: we email you a link to this conversation</label>
    <div class="row">
      <input id="continue-email" name="email" type="email" autocomplete="email" required maxlength="254" placeholder="you@example.com" />
      <button type="submit" class="primary" ?disabled=${state.status === 'sending'}>Send link</button>
      ${close}
    </div>
    ${state.status === 'failed' ? html`<p class="error" role="alert">${state.message}</p>` : nothing}
  </form>`;
}
