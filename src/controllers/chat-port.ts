/**
 * What the feature actions (invitations, support codes, permissions) may use of the chat controller:
 * its state, its reducer, its socket's commands, and a few shared steps. Keeping it narrow lets each
 * feature live in its own small file without reaching into the connection.
 */
import type { Result } from '../protocol/errors.js';
import type { AckValueOf, PayloadOf, VisitorJoined, WidgetCommands } from '../protocol/events.js';
import type { ChatEvent, ChatState, Refusal } from '../session/chat-state.js';

/** The controller as the feature actions see it. */
export interface ChatPort {
  /** The current state (read it again after every `await`). */
  state(): ChatState;
  /** Applies an event to the state and re-renders. */
  apply(event: ChatEvent): void;
  /** Sends a command and resolves with its ack, or a failure when offline or unanswered. */
  ask<E extends keyof WidgetCommands>(event: E, payload: PayloadOf<WidgetCommands[E]>): Promise<Result<AckValueOf<WidgetCommands[E]>>>;
  /** Stores the token of a new visitor; an empty token means the visitor already had one. */
  keepToken(token: string): Promise<void>;
  /** Shows a session with its history and catches up on what the first page missed. */
  showJoined(joined: Pick<VisitorJoined, 'session' | 'messages'>): Promise<void>;
  /** Sends what is waiting to be sent. */
  flush(): Promise<void>;
}

/** The part of a failed ack the panel shows. */
export function refusalOf(failure: { error: Refusal['error']; message: string }): Refusal {
  return { error: failure.error, message: failure.message };
}
