/**
 * Render helpers for what the visitor should know about the conversation itself: the status line
 * (offline, waiting, opening a link), a link that did not work, a connection the technician ended,
 * and a session that is over.
 */
import { html, nothing } from 'lit';
import type { ChatState } from '../session/chat-state.js';
import { endedText, linkRefusalText } from './wording.js';

/** The actions the notices call. */
export interface NoticeHandlers {
  dismissLinkError(): unknown;
  reconnect(): unknown;
  startOver(): unknown;
}

/** One line (or banner) about the connection and the session, the most important first. */
export function renderStatus(state: ChatState, on: NoticeHandlers) {
  if (state.problem) return html`<div class="status problem" role="status">${state.problem}</div>`;
  if (state.connection === 'stopped') {
    return html`<div class="banner" role="status">
      <p>${state.stopMessage || 'The technician ended this connection.'}</p>
      <button type="button" class="primary" @click=${() => on.reconnect()}>Reconnect</button>
    </div>`;
  }
  if (state.link.status === 'failed') {
    return html`<div class="notice problem" role="alert">
      <span>${linkRefusalText(state.link.refusal)} You can still write to us below.</span>
      <button type="button" class="dismiss" aria-label="Dismiss" @click=${() => on.dismissLinkError()}>×</button>
    </div>`;
  }
  if (state.link.status === 'joining') return html`<div class="status" role="status">Opening your support link…</div>`;
  if (state.connection === 'offline') return html`<div class="status" role="status">Reconnecting… your messages will be sent.</div>`;
  if (state.session?.status === 'in_queue') return html`<div class="status" role="status">Waiting for a technician…</div>`;
  return nothing;
}

/** In place of the message box once the session is closed or expired. */
export function renderEnded(state: ChatState, on: NoticeHandlers) {
  if (!state.session) return nothing;
  return html`<div class="banner ended" role="status">
    <p>${endedText(state.session)}</p>
    <button type="button" class="primary" @click=${() => on.startOver()}>Start a new conversation</button>
  </div>`;
}
