/**
 * "We're away" (SPEC O-1, O-2): says the channel is offline and why, and offers to leave a message
 * answered by email (email required). After sending, says where the answer will go.
 */
import { html, nothing } from 'lit';
import type { LeaveState } from './profile-form-actions.js';
import type { OfflineLeave, OfflineReason } from '../protocol/index.js';

/** What the form calls. */
export interface OfflineHandlers {
  leave(message: OfflineLeave): unknown;
}

const REASON: Record<OfflineReason, string> = {
  hours: 'We are outside our opening hours right now.',
  nobody_online: 'Nobody from our team is online right now.',
};

/** Renders the offline notice and the leave-a-message form. */
export function renderOffline(reason: OfflineReason, state: LeaveState, on: OfflineHandlers) {
  if (state.status === 'sent') {
    return html`<div class="offline" role="status">
      <h3>Message sent</h3>
      <p>Thank you! We will answer by email at <strong>${state.email}</strong>.</p>
    </div>`;
  }
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const name = text('name');
    on.leave({ email: text('email'), message: text('message'), ...(name ? { name } : {}) });
  };
  return html`<form class="offline" @submit=${submit} aria-labelledby="offline-title">
    <h3 id="offline-title">Leave us a message</h3>
    <p class="reason">${REASON[reason]} Leave a message and we will answer by email.</p>
    <div class="field">
      <label for="offline-email">Email<span class="req" aria-hidden="true"> *</span></label>
      <input id="offline-email" name="email" type="email" autocomplete="email" required maxlength="254" />
    </div>
    <div class="field">
      <label for="offline-name">Name</label>
      <input id="offline-name" name="name" type="text" autocomplete="name" maxlength="80" />
    </div>
    <div class="field">
      <label for="offline-message">Message<span class="req" aria-hidden="true"> *</span></label>
      <textarea id="offline-message" name="message" rows="4" required maxlength="4000"></textarea>
    </div>
    ${state.status === 'failed' ? html`<p class="field-error" role="alert">${state.message}</p>` : nothing}
    <button type="submit" class="primary" ?disabled=${state.status === 'sending'}>Send message</button>
  </form>`;
}
