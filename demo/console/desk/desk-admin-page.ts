/**
 * `<desk-admin-page>`: the admin's service desk settings: rules in order (enable, disable, move,
 * edit with a dry run, delete; the default rule last, always on), technician groups, the outbox of
 * outgoing mail, and the mail intake could not read.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { GroupView, MailView, RuleView, UnreadableMailView } from '../../../src/protocol/index.js';
import { formText } from '../components/form-text.js';
import { sharedStyles } from '../components/shared.styles.js';
import { DeskController } from './desk-controller.js';
import { when } from './desk-labels.js';
import { pillStyles } from './pill.styles.js';
import './rule-editor.js';

/** The desk's admin page. */
@customElement('desk-admin-page')
export class DeskAdminPage extends LitElement {
  static override styles = [
    sharedStyles,
    pillStyles,
    css`
      :host {
        display: block;
        overflow-y: auto;
        padding: 16px 22px;
        font-size: 13px;
      }
      .cols {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr);
        gap: 20px;
      }
      section {
        background: #fff;
        border: 1px solid #dde2e8;
        border-radius: 10px;
        padding: 12px 14px;
        margin-bottom: 16px;
      }
      h2 {
        margin: 0 0 8px;
        font-size: 15px;
      }
      ol,
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: flex;
        gap: 8px;
        align-items: center;
        padding: 6px 0;
        border-bottom: 1px solid #eef1f4;
      }
      li .grow {
        flex: 1;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      li.mail {
        display: block;
      }
      .muted {
        color: #5b6470;
      }
      pre {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 4px 0 0;
        font-size: 12px;
      }
      form.group {
        display: grid;
        gap: 6px;
      }
    `,
  ];

  readonly desk = new DeskController(this);
  @state() private rules: RuleView[] = [];
  @state() private editing: RuleView | null | 'new' = null;
  @state() private outbox: MailView[] = [];
  @state() private unreadable: UnreadableMailView[] = [];
  @state() private loaded = false;

  override updated(): void {
    // The controller connects on its own; load once it has the directory.
    if (!this.loaded && this.desk.directory.technicians.length) {
      this.loaded = true;
      void this.#load();
    }
  }

  protected override render() {
    const d = this.desk;
    return html`<div class="cols">
      <div>
        <section aria-labelledby="rules-h">
          <h2 id="rules-h">Rules</h2>
          <p class="muted">
            Tried in order on every ticket from email (and on manual tickets when asked); the first enabled rule that matches applies.
          </p>
          <ol>
            ${this.rules.map((r, i) => this.#rule(r, i))}
            <li>
              <span class="grow"><strong>Default rule</strong> <span class="muted">· creates the ticket when no rule matches</span></span
              ><span class="pill">Always on</span>
            </li>
          </ol>
          <p><button type="button" @click=${() => (this.editing = 'new')}>New rule</button></p>
        </section>
        <section aria-labelledby="groups-h">
          <h2 id="groups-h">Technician groups</h2>
          <ul>
            ${d.groups.map((g) => this.#group(g))}
          </ul>
          <form class="group" @submit=${this.#addGroup}>
            <label>New group <input name="name" required /></label>
            <button type="submit" class="secondary">Add group</button>
          </form>
        </section>
      </div>
      <div>
        ${
          this.editing
            ? html`<section aria-labelledby="edit-h">
                <h2 id="edit-h">${this.editing === 'new' ? 'New rule' : `Edit “${this.editing.name}”`}</h2>
                <rule-editor
                  .rule=${this.editing === 'new' ? null : this.editing}
                  .technicians=${d.directory.technicians}
                  .groups=${d.groups}
                  .run=${d.run.bind(d)}
                  @rule-saved=${() => {
                    this.editing = null;
                    void this.#load();
                  }}
                ></rule-editor>
              </section>`
            : nothing
        }
        <section aria-labelledby="outbox-h">
          <h2 id="outbox-h">Outgoing mail</h2>
          ${this.outbox.length === 0 ? html`<p class="muted">Nothing sent yet.</p>` : nothing}
          <ul>
            ${this.outbox.map(
              (m) =>
                html`<li class="mail">
                  <span class="pill">${m.status === 'outbox' ? 'In the outbox' : m.status === 'sent' ? 'Sent' : 'Failed'}</span>
                  <strong>${m.subject}</strong> <span class="muted">to ${m.to} · ${when(m.at)}</span>
                  <pre>${m.text}</pre>
                </li>`,
            )}
          </ul>
        </section>
        <section aria-labelledby="unreadable-h">
          <h2 id="unreadable-h">Could not read</h2>
          ${this.unreadable.length === 0 ? html`<p class="muted">Every mail so far could be read.</p>` : nothing}
          <ul>
            ${this.unreadable.map(
              (u) =>
                html`<li class="mail">
                  <strong>${u.reason}</strong> <span class="muted">${u.source} · ${u.size} bytes · ${when(u.at)}</span>
                  <pre>${u.excerpt.slice(0, 400)}</pre>
                </li>`,
            )}
          </ul>
        </section>
      </div>
    </div>`;
  }

  #rule(r: RuleView, i: number) {
    return html`<li>
      <span class="grow"><strong>${r.name}</strong>${r.description ? html` <span class="muted">· ${r.description}</span>` : nothing}</span>
      <span class="pill ${r.enabled ? 'st-open' : ''}">${r.enabled ? 'Enabled' : 'Disabled'}</span>
      <button type="button" class="secondary" @click=${() => void this.#toggle(r)}>${r.enabled ? 'Disable' : 'Enable'}</button>
      <button type="button" class="secondary" aria-label="Move up" ?disabled=${i === 0} @click=${() => void this.#move(i, -1)}>↑</button>
      <button
        type="button"
        class="secondary"
        aria-label="Move down"
        ?disabled=${i === this.rules.length - 1}
        @click=${() => void this.#move(i, 1)}
      >
        ↓
      </button>
      <button type="button" class="secondary" @click=${() => (this.editing = r)}>Edit</button>
      <button type="button" class="danger" @click=${() => void this.#delete(r)}>Delete</button>
    </li>`;
  }

  #group(g: GroupView) {
    const ids = new Set(g.members.map((m) => m.id));
    return html`<li>
      <span class="grow"><strong>${g.name}</strong></span>
      <select
        multiple
        aria-label="Members of ${g.name}"
        @change=${(e: Event) =>
          void this.#saveGroup(
            g,
            [...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value),
          )}
      >
        ${this.desk.directory.technicians.map((t) => html`<option value=${t.id} ?selected=${ids.has(t.id)}>${t.name}</option>`)}
      </select>
      <button type="button" class="danger" @click=${() => void this.#deleteGroup(g)}>Delete</button>
    </li>`;
  }

  async #load() {
    const d = this.desk;
    const [rules, outbox, unreadable] = [await d.run('rules:list', {}), await d.run('mail:outbox', {}), await d.run('mail:unreadable', {})];
    if (rules.ok) this.rules = rules.value;
    if (outbox.ok) this.outbox = outbox.value;
    if (unreadable.ok) this.unreadable = unreadable.value;
  }

  async #toggle(r: RuleView) {
    const { id, position: _p, createdAt: _c, updatedAt: _u, ...rule } = r;
    await this.desk.run('rule:save', { id, rule: { ...rule, enabled: !r.enabled } });
    await this.#load();
  }

  async #move(i: number, by: number) {
    const ids = this.rules.map((r) => r.id);
    [ids[i], ids[i + by]] = [ids[i + by], ids[i]];
    const r = await this.desk.run('rules:reorder', { ruleIds: ids });
    if (r.ok) this.rules = r.value;
  }

  async #delete(r: RuleView) {
    await this.desk.run('rule:delete', { ruleId: r.id });
    if (this.editing !== 'new' && this.editing?.id === r.id) this.editing = null;
    await this.#load();
  }

  async #addGroup(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const name = formText(new FormData(form), 'name').trim();
    if (!name) return;
    const r = await this.desk.run('group:save', { name, memberIds: [] });
    if (r.ok) form.reset();
    await this.desk.refreshGroups();
  }

  async #saveGroup(g: GroupView, memberIds: string[]) {
    await this.desk.run('group:save', { id: g.id, name: g.name, memberIds });
    await this.desk.refreshGroups();
  }

  async #deleteGroup(g: GroupView) {
    await this.desk.run('group:delete', { groupId: g.id });
    await this.desk.refreshGroups();
  }
}
