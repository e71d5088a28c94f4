/**
 * Just enough of the console socket for `supportClientLink`: commands answered by handlers, facts
 * pushed by the test.
 */
import type { Result } from '../../src/protocol/index.js';

/** A fake console socket. */
export class FakeConsoleSocket {
  connected = true;
  readonly sent: { event: string; payload: unknown }[] = [];
  readonly handlers = new Map<string, (p: unknown) => Result<unknown>>();
  readonly #listeners = new Map<string, ((p: unknown) => void)[]>();
  on(event: string, fn: (p: unknown) => void): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), fn]);
    return this;
  }
  timeout() {
    return {
      emit: (event: string, payload: unknown, ack: (err: Error | null, r: Result<unknown>) => void) => {
        this.sent.push({ event, payload });
        const r = this.handlers.get(event)?.(payload) ?? { ok: true, value: null };
        queueMicrotask(() => ack(null, r));
      },
    };
  }
  push(event: string, payload: unknown): void {
    this.#listeners.get(event)?.forEach((l) => l(payload));
  }
}
