/**
 * `<ticket-timeline>`: the middle of the expert view: the ticket's sessions (live state, "Connect"),
 * "Create session" with an editable invitation mail, the timeline (every update, mail, note and
 * session event), and the reply-by-email composer. Fires `open-session` (detail: session id).
 * Every string is rendered as text.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type {
  ChannelView,
  TicketDetails,
  TicketSessionCreated,
  TicketSessionView,
  TimelineEntryView,
} from '../../../src/protocol/index.js';
import { formText } from '../components/form-text.js';
import { sharedStyles } from '../components/shared.styles.js';
import { TIMELINE_LABEL, when } from './desk-labels.js';
import { offlineRun, type DeskRun } from './desk-run.js';
import { timelineStyles } from './ticket-timeline.styles.js';

/** Attachments a mail-in line lists (kept by intake, X-5). */
const attachmentsOf = (e: TimelineEntryView): { id: string; filename: string; size: number }[] =>
  Array.isArray(e.data.attachments) ? (e.data.attachments as { id: string; filename: string; size: number }[]) : [];
const sizeLabel = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} kB`);
const actorName = (e: TimelineEntryView) => (e.actor.kind === 'system' ? 'Porthole' : e.actor.name);
const SESSION_STATE: Record<string, string> = {
  waiting: 'Waiting for the customer',
  active: 'Live',
  in_queue: 'In queue',
  expired: 'Expired',
  closed: 'Closed',
};

/** The ticket's timeline and composer. */
@customElement('ticket-timeline')
export class TicketTimeline extends LitElement {
  static override styles = [sharedStyles, timelineStyles];

  @property({ attribute: false }) details: TicketDetails | null = null;
  @property({ attribute: false }) channels: readonly ChannelView[] = [];
  @property({ attribute: false }) run: DeskRun = offlineRun;
  @state() private error = '';
  @state() private invitation: TicketSessionCreated | null = null;
  @state() private sent = '';
  @query('dialog') private dialog!: HTMLDialogElement;

  protected override updated(changed: PropertyValues<this>): void {
    // The newest entry is at the bottom, next to the composer: keep it in view.
    if (changed.has('details')) {
      const log = this.renderRoot.querySelector('.timeline');
      if (log) log.scrollTop = log.scrollHeight;
    }
  }

  protected override render() {
    const d = this.details;
    if (!d) return nothing;
    const live = d.sessions.filter((s) => s.status === 'waiting' || s.status === 'active' || s.status === 'in_queue');
    return html`
      <section class="sessions" aria-label="Sessions">
        ${d.sessions.map((s) => this.#session(s))}
        <form class="create" @submit=${this.#createSession}>
          ${
            this.channels.length > 1
              ? html`<select name="channel" aria-label="Channel">
                  ${this.channels.map((c) => html`<option value=${c.id}>${c.name}</option>`)}
                </select>`
              : nothing
          }
          <button
            type="submit"
            ?disabled=${this.channels.length === 0}
            title=${this.channels.length === 0 ? 'You are not in any channel' : ''}
          >
            ${live.length ? 'Create another session' : 'Create session'}
          </button>
        </form>
      </section>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <ol class="timeline" aria-label="Timeline">
        ${d.timeline.map(
          (e) =>
            html`<li class="entry k-${e.kind}">
              <div class="head">
                <span class="kind">${TIMELINE_LABEL[e.kind]}</span>
                <span class="who">${actorName(e)}</span>
                <span class="at">${when(e.at)}</span>
              </div>
              <div class="summary">${e.summary}</div>
              ${typeof e.data.link === 'string' ? html`<div class="link">Link: <code>${e.data.link}</code>${typeof e.data.pin === 'string' ? html` · PIN <code>${e.data.pin}</code>` : nothing}</div>` : nothing}
              ${e.body ? html`<div class="body">${e.body}</div>` : nothing}
              ${attachmentsOf(e).map(
                (a) =>
                  html`<a class="file" href="/api/desk/attachments/${encodeURIComponent(a.id)}" download=${a.filename}
                    >${a.filename} (${sizeLabel(a.size)})</a
                  >`,
              )}
            </li>`,
        )}
      </ol>
      <form class="reply" @submit=${this.#reply}>
        <label for="reply"
          >Reply by email${d.ticket.customer.email ? html` to <span class="to">${d.ticket.customer.email}</span>` : nothing}</label
        >
        <textarea
          id="reply"
          name="text"
          rows="3"
          placeholder=${d.ticket.customer.email ? 'Write to the customer' : 'Add the customer’s email address first'}
        ></textarea>
        <div class="row">
          ${this.sent ? html`<span class="hint" role="status">${this.sent}</span>` : nothing}
          <button type="submit" ?disabled=${!d.ticket.customer.email}>Send email</button>
        </div>
      </form>
      ${this.#inviteDialog()}
    `;
  }

  #session(s: TicketSessionView) {
    const label =
      s.status === 'active' && s.visitorOnline
        ? 'Live: the customer is connected'
        : s.status === 'waiting' && s.visitorOnline
          ? 'The customer is waiting'
          : (SESSION_STATE[s.status] ?? s.status);
    return html`<div class="session ${s.visitorOnline ? 'online' : ''}" data-session-id=${s.sessionId}>
      <span class="dot" aria-hidden="true"></span>
      <span class="state">${label}</span>
      <span class="hint">${when(s.createdAt)}</span>
      ${s.link ? html`<button type="button" class="secondary" @click=${() => void navigator.clipboard?.writeText(s.link ?? '')}>Copy link</button>` : nothing}
      ${s.status === 'closed' || s.status === 'expired' ? nothing : html`<button type="button" class="connect" @click=${() => this.#openSession(s.sessionId)}>Connect</button>`}
    </div>`;
  }

  #inviteDialog() {
    const inv = this.invitation;
    return html`<dialog aria-labelledby="inv-title">
      <h2 id="inv-title">Session created</h2>
      ${
        inv
          ? html`<p class="hint">Send the link to the customer now? You can edit the message, or copy the link from the timeline later.</p>
              <form method="dialog" @submit=${this.#sendInvite}>
                <label>To <input name="to" .value=${inv.invitation.to} readonly /></label>
                <label>Subject <input name="subject" .value=${inv.invitation.subject} /></label>
                <label>Message <textarea name="text" rows="9" .value=${inv.invitation.text}></textarea></label>
                <div class="dialog-actions">
                  <button type="button" class="secondary" @click=${() => this.dialog.close()}>Not now</button>
                  <button type="submit" ?disabled=${!inv.invitation.to}>Send invitation</button>
                </div>
              </form>`
          : nothing
      }
    </dialog>`;
  }

  async #createSession(e: SubmitEvent) {
    e.preventDefault();
    const d = this.details;
    const picked = new FormData(e.target as HTMLFormElement).get('channel');
    const channelId = typeof picked === 'string' ? picked : this.channels[0]?.id;
    if (!d || !channelId) return;
    const r = await this.run('ticket:session', { ticketId: d.ticket.id, channelId });
    this.error = r.ok ? '' : r.message;
    if (!r.ok) return;
    this.invitation = r.value;
    await this.updateComplete;
    this.dialog.showModal();
  }

  async #sendInvite(e: SubmitEvent) {
    e.preventDefault();
    const d = this.details;
    const inv = this.invitation;
    if (!d || !inv) return;
    const f = new FormData(e.target as HTMLFormElement);
    const r = await this.run('ticket:invite', {
      ticketId: d.ticket.id,
      sessionId: inv.session.sessionId,
      subject: formText(f, 'subject'),
      text: formText(f, 'text'),
    });
    this.error = r.ok ? '' : r.message;
    if (r.ok) this.dialog.close();
  }

  async #reply(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const text = formText(new FormData(form), 'text').trim();
    const d = this.details;
    if (!d || !text) return;
    const r = await this.run('ticket:reply', { ticketId: d.ticket.id, text });
    this.error = r.ok ? '' : r.message;
    if (r.ok) {
      form.reset();
      this.sent =
        r.value.status === 'sent'
          ? 'Sent.'
          : r.value.status === 'outbox'
            ? 'Kept in the outbox (no SMTP server configured).'
            : 'Sending failed.';
    }
  }

  #openSession(sessionId: string) {
    this.dispatchEvent(new CustomEvent('open-session', { detail: sessionId, bubbles: true, composed: true }));
  }
}
