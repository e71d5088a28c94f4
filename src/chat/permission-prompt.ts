/**
 * Render helpers for consent: the prompt for a pending permission request, with its countdown, and
 * the list of capabilities the visitor granted, each with a Stop button. Names and organisations
 * come from the server and are bound as text.
 */
import { html, nothing } from 'lit';
import type { Capability, PermissionView } from '../protocol/views.js';
import type { Refusal } from '../session/chat-state.js';
import { CAPABILITY_WORDS, countdown } from './wording.js';

/** The actions the consent helpers call. */
export interface ConsentHandlers {
  answer(permissionId: string, allow: boolean): unknown;
  revoke(capability: Capability): unknown;
  dismissRefusal(): unknown;
}

/** The prompt for `p`: who asks, what it means, Allow and Deny, and the time left to answer. */
export function renderPermissionPrompt(p: PermissionView, now: number, answering: boolean, on: ConsentHandlers) {
  const name = p.requestedBy.name;
  const left = countdown(p.expiresAt, now);
  return html`<section class="prompt" role="dialog" aria-labelledby="prompt-title" aria-describedby="prompt-text" tabindex="-1">
    <h3 id="prompt-title">${name} is asking for permission</h3>
    <p id="prompt-text">
      <strong>${name}</strong> from <strong>${p.organisation}</strong> would like to
      <strong>${CAPABILITY_WORDS[p.capability].asks}</strong>.
    </p>
    <p class="hint">
      ${p.capability === 'escalate' ? nothing : 'You can stop this at any time. '}Only allow it if you are expecting help from
      ${p.organisation}.
    </p>
    <div class="prompt-actions">
      <span class="countdown" role="timer" aria-label=${`${left.seconds} seconds left to answer`}>Answer within ${left.text}</span>
      <button type="button" class="secondary" ?disabled=${answering} @click=${() => on.answer(p.id, false)}>Deny</button>
      <button type="button" class="primary" ?disabled=${answering} @click=${() => on.answer(p.id, true)}>Allow</button>
    </div>
  </section>`;
}

/** What the visitor allowed, each with a Stop button. */
export function renderGranted(granted: readonly PermissionView[], on: ConsentHandlers) {
  if (granted.length === 0) return nothing;
  return html`<section class="granted" aria-labelledby="granted-title">
    <h3 id="granted-title">Access you allowed</h3>
    <ul>
      ${granted.map(
        (p) =>
          html`<li>
            <span>${p.requestedBy.name} ${CAPABILITY_WORDS[p.capability].can}</span>
            <button type="button" class="stop" @click=${() => on.revoke(p.capability)}>Stop</button>
          </li>`,
      )}
    </ul>
  </section>`;
}

/** Why the last answer or Stop did not go through. */
export function renderPermissionRefusal(refusal: Refusal | null, on: ConsentHandlers) {
  if (!refusal) return nothing;
  return html`<div class="notice problem" role="alert">
    <span>Your choice was not saved: ${refusal.message}</span>
    <button type="button" class="dismiss" aria-label="Dismiss" @click=${() => on.dismissRefusal()}>×</button>
  </div>`;
}
