/**
 * `<channel-profile-form>`: a channel's visitor-facing settings, for admins: the pre-chat form,
 * business hours, and the identity secret of `identify()` (shown, rotatable). Loads the profile of
 * `channelId`; checks the hours against the protocol's schema before saving; the server checks again.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import * as v from 'valibot';
import {
  ChannelProfileFieldsSchema,
  WEEKDAYS,
  type ChannelProfileView,
  type PrechatForm,
  type Weekday,
} from '../../../src/protocol/index.js';
import * as api from '../profile-api.js';
import { formatRanges, parseHolidays, parseWeekly } from '../state/hours-text.js';
import { channelFormStyles } from './channel-form.styles.js';
import { channelProfileStyles } from './channel-profile-form.styles.js';
import { renderHours, type HoursDraft } from './hours-fields.js';
import { renderPrechat } from './prechat-fields.js';
import { sharedStyles } from './shared.styles.js';

/** The profile editor of one channel. */
@customElement('channel-profile-form')
export class ChannelProfileForm extends LitElement {
  static override styles = [sharedStyles, channelFormStyles, channelProfileStyles];

  /** The channel whose profile to edit. */
  @property() channelId = '';

  @state() private loaded: ChannelProfileView | null = null;
  @state() private prechat: PrechatForm | null = null;
  @state() private hours: HoursDraft | null = null;
  @state() private error = '';
  @state() private saved = '';
  @state() private busy = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('channelId') && this.channelId) void this.#load();
  }

  async #load() {
    const id = this.channelId;
    this.loaded = null;
    this.error = '';
    this.saved = '';
    const r = await api.getChannelProfile(id);
    if (id !== this.channelId) return;
    if (!r.ok) {
      this.error = r.message;
      return;
    }
    this.#show(r.value);
  }

  #show(p: ChannelProfileView) {
    this.loaded = p;
    this.prechat = p.prechat;
    const lines = Object.fromEntries(WEEKDAYS.map((d) => [d, formatRanges(p.hours.weekly[d])])) as Record<Weekday, string>;
    this.hours = {
      enabled: p.hours.enabled,
      timeZone: p.hours.timeZone,
      lines,
      holidays: p.hours.holidays.join('\n'),
      offlineWhenNobodyOnline: p.hours.offlineWhenNobodyOnline,
    };
  }

  protected override render() {
    if (!this.loaded || !this.prechat || !this.hours)
      return this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p class="hint" role="status">Loading…</p>`;
    return html`<form @submit=${this.#submit}>
      ${renderPrechat(this.prechat, { change: (f) => (this.prechat = f) })} ${renderHours(this.hours, (h) => (this.hours = h))}
      <fieldset class="identity">
        <legend>Identity secret</legend>
        <p class="hint">
          Websites call <code>identify({ id, name, email, hash })</code> with <code>hash</code> = HMAC-SHA256 of the user id with this
          secret, computed on their server. Keep it secret; rotating it makes every earlier hash unverified.
        </p>
        <code class="secret">${this.loaded.identitySecret}</code>
        <div><button type="button" class="secondary" ?disabled=${this.busy} @click=${this.#rotate}>Rotate secret</button></div>
      </fieldset>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.saved ? html`<p class="success" role="status">${this.saved}</p>` : nothing}
      <div class="form-actions"><button type="submit" ?disabled=${this.busy}>Save visitor settings</button></div>
    </form>`;
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    if (!this.prechat || !this.hours) return;
    const weekly = parseWeekly(this.hours.lines);
    if (!weekly.ok) {
      this.error = weekly.message;
      return;
    }
    const body = {
      prechat: this.prechat,
      hours: {
        enabled: this.hours.enabled,
        timeZone: this.hours.timeZone,
        weekly: weekly.weekly,
        holidays: parseHolidays(this.hours.holidays),
        offlineWhenNobodyOnline: this.hours.offlineWhenNobodyOnline,
      },
    };
    const parsed = v.safeParse(ChannelProfileFieldsSchema, body);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      this.error = `${(v.getDotPath(issue) ?? '').replace(/\./g, ' › ') || 'Settings'}: ${issue.message}`;
      return;
    }
    await this.#run(() => api.saveChannelProfile(this.channelId, parsed.output), 'Visitor settings saved.');
  }

  async #rotate() {
    await this.#run(() => api.rotateIdentitySecret(this.channelId), 'A new secret was made: update your website.');
  }

  async #run(call: () => Promise<Awaited<ReturnType<typeof api.getChannelProfile>>>, done: string) {
    this.busy = true;
    const r = await call();
    this.busy = false;
    if (!r.ok) {
      this.error = r.message;
      this.saved = '';
      return;
    }
    this.error = '';
    this.saved = done;
    this.#show(r.value);
  }
}
