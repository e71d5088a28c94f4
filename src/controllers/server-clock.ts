/**
 * The server's clock as the widget estimates it, and a once-a-second tick while a countdown shows.
 * Deadlines such as a permission's `expiresAt` are server times; a visitor's computer clock that is a
 * few minutes off must not close a prompt at once or keep it open long after the server gave up.
 */

/** Ticks `onTick(serverNow)` every second while {@link ServerClock.run} says so. */
export class ServerClock {
  #offset = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly onTick: (now: number) => void) {}

  /** The estimated server time in milliseconds since the epoch. */
  now(): number {
    return Date.now() + this.#offset;
  }

  /**
   * Learns the offset from a timestamp the server set just before sending a live fact. Transit time
   * makes the estimate lag by a few milliseconds, so a countdown ends a touch late, never early.
   */
  sync(serverTime: number): void {
    this.#offset = serverTime - Date.now();
  }

  /** Starts or stops ticking. */
  run(ticking: boolean): void {
    if (ticking && this.#timer === undefined) this.#timer = setInterval(() => this.onTick(this.now()), 1000);
    if (!ticking && this.#timer !== undefined) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }
}
