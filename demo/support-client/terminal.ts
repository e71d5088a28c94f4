/**
 * The visitor's terminal: one question at a time, each with an optional deadline after which the
 * default answer counts (E-5: 30 s without an answer is a Deny), and free lines (e.g. `end`) when no
 * question is open.
 */
import { createInterface, type Interface } from 'node:readline';

interface Question {
  text: string;
  timeoutMs: number | null;
  resolve: (answer: string | null) => void;
}

/** Questions and notices on stdin/stdout. */
export class Terminal {
  readonly #rl: Interface;
  readonly #queue: Question[] = [];
  #current: { q: Question; timer: NodeJS.Timeout | null } | null = null;
  #onLine: (line: string) => void = () => undefined;
  #onClose: () => void = () => undefined;

  constructor(
    input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
  ) {
    this.#rl = createInterface({ input, terminal: false });
    this.#rl.on('line', (line) => this.#line(line));
    this.#rl.on('close', () => {
      this.#current?.q.resolve(null);
      this.#onClose();
    });
  }

  /** Prints a line. */
  say(text: string): void {
    this.output.write(`${text}\n`);
  }

  /** Asks `text`; resolves with the typed line, or null when the deadline passed or input closed. */
  ask(text: string, timeoutMs: number | null = null): Promise<string | null> {
    return new Promise((resolve) => {
      this.#queue.push({ text, timeoutMs, resolve });
      this.#next();
    });
  }

  /** Asks a yes/no question; anything but y/yes, and silence past the deadline, is No. */
  async confirm(text: string, timeoutMs: number): Promise<boolean> {
    const answer = await this.ask(`${text}\nAllow? [y/N] (no answer in ${Math.round(timeoutMs / 1000)} s = No): `, timeoutMs);
    if (answer === null) this.say('\nNo answer in time: refused.');
    return /^\s*y(es)?\s*$/i.test(answer ?? '');
  }

  /** Called with lines typed while no question is open. */
  onLine(listener: (line: string) => void): void {
    this.#onLine = listener;
  }

  /** Called when the input ends (Ctrl-D, or the parent closed it). */
  onClose(listener: () => void): void {
    this.#onClose = listener;
  }

  /** Stops reading. */
  close(): void {
    this.#rl.close();
  }

  #next(): void {
    if (this.#current) return;
    const q = this.#queue.shift();
    if (!q) return;
    this.output.write(`\n${q.text}`);
    const timer = q.timeoutMs === null ? null : setTimeout(() => this.#answer(null), q.timeoutMs);
    this.#current = { q, timer };
  }

  #answer(answer: string | null): void {
    const current = this.#current;
    if (!current) return;
    if (current.timer) clearTimeout(current.timer);
    this.#current = null;
    current.q.resolve(answer);
    this.#next();
  }

  #line(line: string): void {
    if (this.#current) this.#answer(line);
    else this.#onLine(line);
  }
}
