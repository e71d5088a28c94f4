/**
 * `<rule-editor>`: edits one rule (name, description, enabled, match mode, conditions, actions)
 * and runs a dry run over the last tickets before saving. Fires `rule-saved`.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type DryRunResult,
  type GroupView,
  type RuleAction,
  type RuleCondition,
  type RuleInput,
  type RuleView,
  type TechnicianRef,
} from '../../../src/protocol/index.js';
import { sharedStyles } from '../components/shared.styles.js';
import { PRIORITY_LABEL, ref, TICKET_STATUS_LABEL } from './desk-labels.js';
import { offlineRun, type DeskRun } from './desk-run.js';

const TEXT_FIELDS = ['sender', 'recipient', 'subject', 'body'] as const;
const TEXT_OPS = ['contains', 'not_contains', 'equals', 'starts_with', 'ends_with'] as const;
const OP_LABEL: Record<string, string> = {
  contains: 'contains',
  not_contains: 'does not contain',
  equals: 'is',
  starts_with: 'starts with',
  ends_with: 'ends with',
  is: 'is',
  is_not: 'is not',
  has: 'has',
  has_not: 'does not have',
  within: 'within',
  outside: 'outside',
};
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A new rule's starting point. */
export const blankRule = (): RuleInput => ({
  name: '',
  description: '',
  enabled: false,
  match: 'all',
  conditions: [{ field: 'subject', op: 'contains', value: '' }],
  actions: [{ type: 'set_priority', priority: 'high' }],
});

const defaultCondition = (field: RuleCondition['field']): RuleCondition =>
  field === 'priority'
    ? { field, op: 'is', value: 'urgent' }
    : field === 'tags'
      ? { field, op: 'has', value: 'vip' }
      : field === 'time'
        ? { field, op: 'outside', days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00', utcOffsetMinutes: -new Date().getTimezoneOffset() }
        : { field, op: 'contains', value: '' };

const defaultAction = (type: RuleAction['type']): RuleAction =>
  type === 'set_status'
    ? { type, status: 'processing' }
    : type === 'set_priority'
      ? { type, priority: 'high' }
      : type === 'set_assignee'
        ? { type, assignee: { kind: 'none' } }
        : type === 'add_tags'
          ? { type, tags: ['tag'] }
          : { type };

/** The rule form. */
@customElement('rule-editor')
export class RuleEditor extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: 8px;
        font-size: 13px;
      }
      .row {
        display: flex;
        gap: 6px;
        align-items: center;
        flex-wrap: wrap;
      }
      .row select,
      .row input {
        width: auto;
      }
      fieldset {
        border: 1px solid #dde2e8;
        border-radius: 8px;
        display: grid;
        gap: 6px;
      }
      ul {
        margin: 4px 0;
      }
    `,
  ];

  @property({ attribute: false }) rule: RuleView | null = null;
  @property({ attribute: false }) technicians: readonly TechnicianRef[] = [];
  @property({ attribute: false }) groups: readonly GroupView[] = [];
  @property({ attribute: false }) run: DeskRun = offlineRun;
  @state() private draft: RuleInput = blankRule();
  @state() private dry: DryRunResult | null = null;
  @state() private error = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('rule')) {
      const {
        id: _i,
        position: _p,
        createdAt: _c,
        updatedAt: _u,
        ...input
      } = this.rule ?? { ...blankRule(), id: '', position: 0, createdAt: 0, updatedAt: 0 };
      this.draft = structuredClone(input);
      this.dry = null;
      this.error = '';
    }
  }

  protected override render() {
    const r = this.draft;
    return html`
      <label
        >Name <input name="rule-name" .value=${r.name} @input=${(e: Event) => this.#set({ name: (e.target as HTMLInputElement).value })}
      /></label>
      <label
        >Description
        <input
          name="rule-description"
          .value=${r.description}
          @input=${(e: Event) => this.#set({ description: (e.target as HTMLInputElement).value })}
      /></label>
      <div class="row">
        <label class="inline"
          ><input
            type="checkbox"
            .checked=${r.enabled}
            @change=${(e: Event) => this.#set({ enabled: (e.target as HTMLInputElement).checked })}
          />
          Enabled</label
        >
        <label class="inline"
          >Tickets must match
          <select @change=${(e: Event) => this.#set({ match: (e.target as HTMLSelectElement).value as RuleInput['match'] })}>
            <option value="all" ?selected=${r.match === 'all'}>all conditions</option>
            <option value="any" ?selected=${r.match === 'any'}>at least one condition</option>
          </select>
        </label>
      </div>
      <fieldset>
        <legend>Conditions</legend>
        ${r.conditions.map((c, i) => this.#condition(c, i))}
        <div>
          <button type="button" class="secondary" @click=${() => this.#set({ conditions: [...r.conditions, defaultCondition('subject')] })}>
            Add condition
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Actions</legend>
        ${r.actions.map((a, i) => this.#action(a, i))}
        <div>
          <button type="button" class="secondary" @click=${() => this.#set({ actions: [...r.actions, defaultAction('add_tags')] })}>
            Add action
          </button>
        </div>
      </fieldset>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="row">
        <button type="button" class="secondary" @click=${() => void this.#dryRun()}>Dry run on the last 100 tickets</button>
        <button type="button" @click=${() => void this.#save()}>Save rule</button>
      </div>
      ${
        this.dry
          ? html`<div role="status" class="dry">
              Would match ${this.dry.matched.length} of the last ${this.dry.examined} tickets.
              <ul>
                ${this.dry.matched.slice(0, 20).map((t) => html`<li>${ref(t.number)} ${t.name} · ${t.customer.email || t.customer.name}</li>`)}
              </ul>
            </div>`
          : nothing
      }
    `;
  }

  #condition(c: RuleCondition, i: number) {
    const replace = (next: RuleCondition) => this.#set({ conditions: this.draft.conditions.map((x, j) => (j === i ? next : x)) });
    const remove = () => this.#set({ conditions: this.draft.conditions.filter((_x, j) => j !== i) });
    const field = html`<select
      aria-label="Field"
      @change=${(e: Event) => replace(defaultCondition((e.target as HTMLSelectElement).value as RuleCondition['field']))}
    >
      ${[...TEXT_FIELDS, 'priority', 'tags', 'time'].map((f) => html`<option value=${f} ?selected=${c.field === f}>${f === 'time' ? 'time of day' : f}</option>`)}
    </select>`;
    const ops = (list: readonly string[]) =>
      html`<select
        aria-label="Comparison"
        @change=${(e: Event) => replace({ ...c, op: (e.target as HTMLSelectElement).value } as RuleCondition)}
      >
        ${list.map((o) => html`<option value=${o} ?selected=${c.op === o}>${OP_LABEL[o]}</option>`)}
      </select>`;
    let rest;
    switch (c.field) {
      case 'priority':
        rest = html`${ops(['is', 'is_not'])}
          <select
            aria-label="Priority"
            @change=${(e: Event) => replace({ ...c, value: (e.target as HTMLSelectElement).value as typeof c.value })}
          >
            ${TICKET_PRIORITIES.map((p) => html`<option value=${p} ?selected=${c.value === p}>${PRIORITY_LABEL[p]}</option>`)}
          </select>`;
        break;
      case 'time':
        rest = html`${ops(['within', 'outside'])}
          <input
            aria-label="From"
            type="time"
            .value=${c.from}
            @change=${(e: Event) => replace({ ...c, from: (e.target as HTMLInputElement).value })}
          />
          <input
            aria-label="To"
            type="time"
            .value=${c.to}
            @change=${(e: Event) => replace({ ...c, to: (e.target as HTMLInputElement).value })}
          />
          ${DAYS.map(
            (d, n) =>
              html`<label class="inline"
                ><input
                  type="checkbox"
                  .checked=${c.days.includes(n)}
                  @change=${(e: Event) => replace({ ...c, days: (e.target as HTMLInputElement).checked ? [...c.days, n].sort() : c.days.filter((x) => x !== n) })}
                />${d}</label
              >`,
          )}`;
        break;
      case 'tags':
      case 'sender':
      case 'recipient':
      case 'subject':
      case 'body':
        rest = html`${ops(c.field === 'tags' ? ['has', 'has_not'] : TEXT_OPS)}
          <input
            aria-label="Value"
            .value=${c.value}
            @input=${(e: Event) => replace({ ...c, value: (e.target as HTMLInputElement).value })}
          />`;
    }
    return html`<div class="row">
      ${field}${rest}<button type="button" class="danger" aria-label="Remove condition" @click=${remove}>×</button>
    </div>`;
  }

  #action(a: RuleAction, i: number) {
    const replace = (next: RuleAction) => this.#set({ actions: this.draft.actions.map((x, j) => (j === i ? next : x)) });
    const remove = () => this.#set({ actions: this.draft.actions.filter((_x, j) => j !== i) });
    const type = html`<select
      aria-label="Action"
      @change=${(e: Event) => replace(defaultAction((e.target as HTMLSelectElement).value as RuleAction['type']))}
    >
      <option value="set_status" ?selected=${a.type === 'set_status'}>Set status</option>
      <option value="set_priority" ?selected=${a.type === 'set_priority'}>Set priority</option>
      <option value="set_assignee" ?selected=${a.type === 'set_assignee'}>Assign to</option>
      <option value="add_tags" ?selected=${a.type === 'add_tags'}>Add tags</option>
      <option value="notify_assignee" ?selected=${a.type === 'notify_assignee'}>Email the assignee</option>
    </select>`;
    let rest: unknown = nothing;
    switch (a.type) {
      case 'set_status':
        rest = html`<select
          aria-label="Status"
          @change=${(e: Event) => replace({ ...a, status: (e.target as HTMLSelectElement).value as typeof a.status })}
        >
          ${TICKET_STATUSES.map((s) => html`<option value=${s} ?selected=${a.status === s}>${TICKET_STATUS_LABEL[s]}</option>`)}
        </select>`;
        break;
      case 'set_priority':
        rest = html`<select
          aria-label="Priority"
          @change=${(e: Event) => replace({ ...a, priority: (e.target as HTMLSelectElement).value as typeof a.priority })}
        >
          ${TICKET_PRIORITIES.map((p) => html`<option value=${p} ?selected=${a.priority === p}>${PRIORITY_LABEL[p]}</option>`)}
        </select>`;
        break;
      case 'set_assignee': {
        const cur = a.assignee.kind === 'none' ? 'none' : `${a.assignee.kind}:${a.assignee.id}`;
        rest = html`<select
          aria-label="Assignee"
          @change=${(e: Event) => {
            const [kind, id] = (e.target as HTMLSelectElement).value.split(':');
            replace({ ...a, assignee: (kind === 'technician' || kind === 'group') && id ? { kind, id } : { kind: 'none' } });
          }}
        >
          <option value="none" ?selected=${cur === 'none'}>Nobody</option>
          ${this.technicians.map((t) => html`<option value="technician:${t.id}" ?selected=${cur === `technician:${t.id}`}>${t.name}</option>`)}
          ${this.groups.map((g) => html`<option value="group:${g.id}" ?selected=${cur === `group:${g.id}`}>Group: ${g.name}</option>`)}
        </select>`;
        break;
      }
      case 'add_tags':
        rest = html`<input
          aria-label="Tags"
          .value=${a.tags.join(', ')}
          @input=${(e: Event) =>
            replace({
              ...a,
              tags: (e.target as HTMLInputElement).value
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean),
            })}
        />`;
        break;
      case 'notify_assignee':
        break;
    }
    return html`<div class="row">
      ${type}${rest}<button type="button" class="danger" aria-label="Remove action" @click=${remove}>×</button>
    </div>`;
  }

  #set(p: Partial<RuleInput>) {
    this.draft = { ...this.draft, ...p };
  }

  async #dryRun() {
    const r = await this.run('rule:dry-run', { rule: this.draft, lastTickets: 100 });
    this.error = r.ok ? '' : r.message;
    this.dry = r.ok ? r.value : null;
  }

  async #save() {
    const r = await this.run('rule:save', { ...(this.rule ? { id: this.rule.id } : {}), rule: this.draft });
    this.error = r.ok ? '' : r.message;
    if (r.ok) this.dispatchEvent(new CustomEvent('rule-saved', { detail: r.value, bubbles: true, composed: true }));
  }
}
