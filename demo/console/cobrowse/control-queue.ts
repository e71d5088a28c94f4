/**
 * The technician's control commands on their way to the visitor's page (SPEC.md C-12): sent one
 * at a time, in order (the server checks each against the store, so two in flight could overtake
 * each other), with what piles up meanwhile merged: typed characters into one text, wheel turns
 * into one scroll. Each outcome is reported; a refusal in words the technician understands.
 */
import {
  CONTROL_TEXT_MAX,
  type ControlAction,
  type ControlOutcome,
  type ControlRefusal,
  type Result,
} from '../../../src/protocol/index.js';

/** Sends one command, aimed at the element with `nodeId` in the replayed recording. */
export type ControlSend = (nodeId: number, action: ControlAction) => Promise<Result<ControlOutcome>>;

/** What the technician reads when the visitor's page did not do what they asked. */
export const REFUSAL_TEXT: Record<ControlRefusal, string> = {
  stale: 'the page changed; try again on the new view',
  offline: 'the visitor is not connected',
  not_granted: 'the visitor has not allowed control',
  missing: 'that element is no longer on the page',
  blocked: 'that area is hidden from you',
  password: 'password field',
  not_editable: 'that element takes no typing',
  not_select: 'that element is not a list to choose from',
  bad_option: 'that option is not there or cannot be chosen',
};

interface Pending {
  nodeId: number;
  action: ControlAction;
}

/** Merges `next` into `into` when both type into, or scroll, the same element. */
function merge(into: Pending, next: Pending): boolean {
  if (into.nodeId !== next.nodeId) return false;
  const a = into.action;
  const b = next.action;
  if (a.type === 'text' && b.type === 'text' && a.text.length + b.text.length <= CONTROL_TEXT_MAX) {
    into.action = { type: 'text', text: a.text + b.text };
    return true;
  }
  if (a.type === 'scroll' && b.type === 'scroll') {
    into.action = { type: 'scroll', dx: a.dx + b.dx, dy: a.dy + b.dy };
    return true;
  }
  return false;
}

/** One technician's queue of commands for the watched session. */
export class ControlQueue {
  #pending: Pending[] = [];
  #busy = false;

  constructor(
    private readonly send: ControlSend,
    /** An outcome to show: `null` when the command was done, else why not. */
    private readonly report: (refusal: string | null) => void,
  ) {}

  /** Queues a command; it leaves once the ones before it were answered. */
  push(nodeId: number, action: ControlAction): void {
    const next = { nodeId, action };
    const last = this.#pending.at(-1);
    if (!last || !merge(last, next)) this.#pending.push(next);
    void this.#drain();
  }

  /** Drops what has not left yet (control was switched off, or the grant ended). */
  clear(): void {
    this.#pending = [];
  }

  /** Whether nothing waits or is on its way. */
  get idle(): boolean {
    return !this.#busy && this.#pending.length === 0;
  }

  async #drain(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    try {
      for (let next = this.#pending.shift(); next; next = this.#pending.shift()) {
        const r = await this.send(next.nodeId, next.action);
        if (!r.ok) this.report(r.message);
        else this.report(r.value.status === 'done' ? null : `Refused: ${REFUSAL_TEXT[r.value.reason]}`);
      }
    } finally {
      this.#busy = false;
    }
  }
}
