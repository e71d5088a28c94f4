/**
 * A Lit controller that re-renders its host once a second while the host needs a running clock
 * (e.g. a countdown), and not at all otherwise.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The current time, refreshed every second while `running()` says so. */
export class ClockController implements ReactiveController {
  now = Date.now();
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly running: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#timer = setInterval(() => {
      const before = this.now;
      this.now = Date.now();
      // Idle hosts are not re-rendered: only the time moves.
      if (this.running() && Math.floor(before / 1000) !== Math.floor(this.now / 1000)) this.host.requestUpdate();
    }, 1000);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
  }

  hostUpdate(): void {
    this.now = Date.now();
  }
}
