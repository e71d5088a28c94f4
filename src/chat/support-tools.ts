/**
 * Render helpers for the ways a technician finds the visitor besides the chat: the discreet "Have a
 * PIN?" and "Get a support code" buttons, the PIN form, and the support code card.
 */
import { html, nothing } from 'lit';
import type { PinState, SosState } from '../session/chat-state.js';
import { groupDigits, pinRefusalText } from './wording.js';

/** The actions the tools call. */
export interface ToolHandlers {
  openPin(): unknown;
  closePin(): unknown;
  joinWithPin(pin: string): unknown;
  requestCode(): unknown;
  hideCode(): unknown;
  /** Offered once there is a conversation to continue elsewhere (P-1). */
  continueElsewhere?: () => unknown;
}

/** The tools row: the PIN form or the code card when open, otherwise the two discreet buttons. */
export function renderTools(pin: PinState, sos: SosState, on: ToolHandlers) {
  if (pin.status !== 'closed') return renderPinForm(pin, on);
  if (sos.status !== 'hidden') return renderCode(sos, on);
  return html`<div class="tools">
    <button type="button" class="link" @click=${() => on.openPin()}>Have a PIN from a technician?</button>
    <button type="button" class="link" @click=${() => on.requestCode()}>Get a support code</button>
    ${on.continueElsewhere ? html`<button type="button" class="link" @click=${on.continueElsewhere}>Continue on another device</button>` : nothing}
  </div>`;
}

function renderPinForm(pin: Exclude<PinState, { status: 'closed' }>, on: ToolHandlers) {
  const refusal = pin.status === 'open' && pin.refusal ? pinRefusalText(pin.refusal) : null;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const value = new FormData(e.target as HTMLFormElement).get('pin');
    on.joinWithPin(typeof value === 'string' ? value : '');
  };
  return html`<form class="card pin" @submit=${submit}>
    <label for="pin">Enter the 6-digit PIN your technician gave you</label>
    <div class="row">
      <input
        id="pin"
        name="pin"
        inputmode="numeric"
        autocomplete="one-time-code"
        maxlength="11"
        placeholder="123 456"
        aria-invalid=${refusal ? 'true' : 'false'}
        aria-describedby=${refusal ? 'pin-error' : nothing}
      />
      <button type="submit" class="primary" ?disabled=${pin.status === 'sending'}>Join</button>
      <button type="button" class="secondary" @click=${() => on.closePin()}>Cancel</button>
    </div>
    ${
      refusal
        ? html`<p id="pin-error" class="error" role="alert">
            ${refusal.text} ${refusal.detail ? html`<span class="detail">${refusal.detail}</span>` : nothing}
          </p>`
        : nothing
    }
  </form>`;
}

function renderCode(sos: Exclude<SosState, { status: 'hidden' }>, on: ToolHandlers) {
  return html`<section class="card code" aria-labelledby="code-title">
    <div class="row">
      <h3 id="code-title">Your support code</h3>
      <button type="button" class="secondary" @click=${() => on.hideCode()}>Hide</button>
    </div>
    ${
      sos.status === 'shown'
        ? html`<p class="digits">${groupDigits(sos.code)}</p>
            <p class="explain">Read this code to your technician so they can connect to you here.</p>`
        : sos.status === 'asking'
          ? html`<p class="explain" role="status">Getting a code…</p>`
          : html`<p class="error" role="alert">No code right now: ${sos.refusal.message}</p>
              <button type="button" class="secondary" @click=${() => on.requestCode()}>Try again</button>`
    }
  </section>`;
}
