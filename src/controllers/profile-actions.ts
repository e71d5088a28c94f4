/**
 * The channel's profile in the widget: its pre-chat form and whether it is offline, asked with
 * `channel:profile` on every connection (SPEC O-1). The server decides; this class keeps what it
 * said. The forms themselves, and sending them, are a lazy chunk (`src/chat/profile-forms.ts`).
 */
import type { ChannelPublicProfile } from '../protocol/index.js';
import type { ChatPort } from './chat-port.js';

/** What the server said about the channel. */
export class ProfileActions {
  /** Null until the server answered. */
  profile: ChannelPublicProfile | null = null;
  /**
   * How often an open panel without a conversation asks again: hours end and members come and go
   * while a visitor looks at the form, and what they see must follow (O-1).
   */
  refreshMs = 60_000;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly chat: ChatPort,
    private readonly changed: () => void,
  ) {}

  /** Asks the server for the channel's form and availability. */
  async load(): Promise<void> {
    const r = await this.chat.ask('channel:profile', {});
    if (!r.ok) return;
    this.profile = r.value;
    this.changed();
  }

  /**
   * Follows the panel: opening it asks again at once and then every {@link refreshMs} while no
   * conversation is open; closing it stops asking.
   */
  watch(open: boolean): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    if (!open) return;
    const refresh = () => {
      if (!this.chat.state().session && this.chat.state().connection === 'online') void this.load();
    };
    refresh();
    this.#timer = setInterval(refresh, this.refreshMs);
  }

  /** Whether to offer "leave a message": the channel is offline and no conversation is open. */
  offlineShown(): boolean {
    const s = this.chat.state();
    return !!this.profile?.offline && !s.session && s.messages.length === 0 && s.pending.length === 0;
  }

  /** The pre-chat form to show now: the channel has one and no conversation is open. */
  formShown(): boolean {
    return !!this.profile?.prechat && !this.chat.state().session && !this.offlineShown();
  }
}
