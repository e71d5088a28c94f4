/**
 * `<channel-form>`: creates a channel or edits one: name, expiration (30 to 1,440 minutes), allowed
 * website origins (one per line), the site invitation links open, support-client download links,
 * and members. The fields are checked against the protocol's schema before they are sent, so
 * mistakes show next to the form at once; the server checks them again.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import * as v from 'valibot';
import {
  ChannelCreateSchema,
  type ChannelCreate,
  type ChannelView,
  type Result,
  type TechnicianView,
} from '../../../src/protocol/index.js';
import { channelFormStyles } from './channel-form.styles.js';
import { formText } from './form-text.js';
import { sharedStyles } from './shared.styles.js';

const FIELD_LABEL: Record<string, string> = {
  name: 'Name',
  key: 'Channel key',
  expirationMinutes: 'Expiration',
  allowedOrigins: 'Allowed origins',
  siteUrl: 'Site URL',
  downloadLinks: 'Download links',
  memberIds: 'Members',
  attachmentMaxBytes: 'Largest attachment',
};

const OS_LABEL = { windows: 'Windows', macos: 'macOS', linux: 'Linux' } as const;

/** The channel editor. */
@customElement('channel-form')
export class ChannelForm extends LitElement {
  static override styles = [sharedStyles, channelFormStyles];

  /** The channel to edit, or null to create one. */
  @property({ attribute: false }) channel: ChannelView | null = null;
  /** Everyone who can be a member. */
  @property({ attribute: false }) technicians: readonly TechnicianView[] = [];
  /** Saves the fields; provided by the admin page. */
  @property({ attribute: false }) save: (id: string | null, body: ChannelCreate) => Promise<Result<ChannelView>> = () =>
    Promise.resolve({ ok: false, error: 'internal', message: 'Not ready.' });

  @state() private busy = false;
  @state() private error = '';
  @state() private saved = '';

  /** Set while the page switches to the channel just saved, so its "saved" line stays. */
  #keepMessages = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('channel')) return;
    if (!this.#keepMessages) {
      this.error = '';
      this.saved = '';
    }
    this.#keepMessages = false;
  }

  protected override render() {
    const c = this.channel;
    const members = new Set(c?.members.map((m) => m.id) ?? []);
    // Keyed by channel so switching to another channel starts from its stored values, not from edits.
    return keyed(
      c?.id ?? 'new',
      html`<form @submit=${this.#submit}>
        <label>Name <input name="name" required maxlength="80" .value=${c?.name ?? ''} /></label>
        ${
          c
            ? html`<p class="hint">Widget key: <code>${c.key}</code></p>`
            : html`<label
                >Widget key (optional)
                <input name="key" placeholder="made from the name" />
                <span class="hint">What websites write in <code>&lt;porthole-widget channel="…"&gt;</code>. It cannot change later.</span>
              </label>`
        }
        <label
          >Session expiration (minutes)
          <input
            name="expirationMinutes"
            type="number"
            min="30"
            max="1440"
            step="1"
            required
            .value=${String(c?.expirationMinutes ?? 60)}
          />
          <span class="hint">Open sessions with no activity for this long expire: 30 minutes to 1 day.</span>
        </label>
        <label
          >Largest attachment (MB)
          <input
            name="attachmentMaxMb"
            type="number"
            min="0.01"
            max="100"
            step="0.01"
            required
            .value=${String(Math.round(((c?.attachmentMaxBytes ?? 10 * 1024 * 1024) / (1024 * 1024)) * 100) / 100)}
          />
          <span class="hint">Files larger than this are refused in this channel's chats: up to 100 MB.</span>
        </label>
        <label
          >Allowed website origins
          <textarea
            name="allowedOrigins"
            rows="3"
            placeholder="https://www.example.com"
            .value=${(c?.allowedOrigins ?? []).join('\n')}
          ></textarea>
          <span class="hint">One per line. Pages on these origins may open sessions in this channel.</span>
        </label>
        <label
          >Site URL
          <input name="siteUrl" type="url" placeholder="https://www.example.com/help" .value=${c?.siteUrl ?? ''} />
          <span class="hint">The page invitation links open; it must embed the widget. Empty: this server's demo site.</span>
        </label>
        <fieldset>
          <legend>Support client downloads</legend>
          ${(['windows', 'macos', 'linux'] as const).map(
            (os) =>
              html`<label class="os"
                >${OS_LABEL[os]} <input name="download-${os}" type="url" placeholder="Built-in client" .value=${c?.downloadLinks[os] ?? ''}
              /></label>`,
          )}
        </fieldset>
        <fieldset>
          <legend>Members</legend>
          <div class="members">
            ${this.technicians.map(
              (t) =>
                html`<label class="inline"
                  ><input type="checkbox" name="memberIds" value=${t.id} ?checked=${members.has(t.id)} /> ${t.name}
                  <span class="hint">${t.email}</span></label
                >`,
            )}
          </div>
        </fieldset>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.saved ? html`<p class="success" role="status">${this.saved}</p>` : nothing}
        <div class="form-actions">
          ${c ? html`<button type="button" class="secondary" @click=${this.#cancel}>New channel</button>` : nothing}
          <button type="submit" ?disabled=${this.busy}>${c ? 'Save changes' : 'Create channel'}</button>
        </div>
      </form>`,
    );
  }

  async #submit(e: SubmitEvent) {
    e.preventDefault();
    const parsed = v.safeParse(ChannelCreateSchema, this.#read(new FormData(e.target as HTMLFormElement)));
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const field = issue.path?.[0]?.key;
      this.error = `${typeof field === 'string' ? `${FIELD_LABEL[field] ?? field}: ` : ''}${issue.message}`;
      return;
    }
    this.busy = true;
    const r = await this.save(this.channel?.id ?? null, parsed.output);
    this.busy = false;
    if (!r.ok) {
      this.error = r.message;
      return;
    }
    this.error = '';
    this.saved = this.channel ? 'Saved.' : `Channel "${r.value.name}" created.`;
    this.#keepMessages = true;
    this.dispatchEvent(new CustomEvent<ChannelView>('channel-saved', { detail: r.value, bubbles: true, composed: true }));
  }

  /** The form as the body the API takes; an existing channel's key is not sent (it cannot change). */
  #read(data: FormData): Record<string, unknown> {
    const text = (name: string) => formText(data, name).trim();
    const downloadLinks: Record<string, string> = {};
    for (const os of ['windows', 'macos', 'linux']) if (text(`download-${os}`)) downloadLinks[os] = text(`download-${os}`);
    const body: Record<string, unknown> = {
      name: text('name'),
      expirationMinutes: Number(text('expirationMinutes')),
      // People paste origins with a trailing slash; an origin has none.
      allowedOrigins: text('allowedOrigins')
        .split('\n')
        .map((line) => line.trim().replace(/\/$/, ''))
        .filter(Boolean),
      siteUrl: text('siteUrl'),
      downloadLinks,
      memberIds: data.getAll('memberIds').filter((id) => typeof id === 'string'),
      attachmentMaxBytes: Math.round(Number(text('attachmentMaxMb')) * 1024 * 1024),
    };
    if (!this.channel && text('key')) body.key = text('key');
    return body;
  }

  #cancel() {
    this.dispatchEvent(new CustomEvent('channel-new', { bubbles: true, composed: true }));
  }
}
