/**
 * The flood limits of chat (SPEC.md L-1), one gate per kind of send, shared by the visitor and
 * technician services of one server process.
 */
import { DEFAULT_FLOOD_RULE, type FloodRule } from '../flood-limit.js';
import type { Env } from '../ports.js';
import { floodGate, type FloodGate } from './flood-gate.js';

/** Gates for messages and notes, for typing signals, and for messages left while offline. */
export interface ChatGates {
  messages: FloodGate;
  typing: FloodGate;
  /** Per address: each left message becomes a ticket (and may send mail), so a few an hour is plenty. */
  offline: FloodGate;
  /** Per address, for asking for and opening conversation links (each ask sends a mail). */
  links: FloodGate;
}

/** Typing is sent at most every couple of seconds by well-behaved clients; more is noise. */
const TYPING_RULE: FloodRule = { perSecond: 2, burst: 6 };

/** Five at once, then one a minute: a person leaving a message, not a script filling the desk. */
export const OFFLINE_LEAVE_RULE: FloodRule = { perSecond: 1 / 60, burst: 5 };

/** Builds the gates; `messages` defaults to {@link DEFAULT_FLOOD_RULE}. */
export function chatGates(env: Env, messages: FloodRule = DEFAULT_FLOOD_RULE): ChatGates {
  const now = () => env.now();
  return {
    messages: floodGate(messages, now),
    typing: floodGate(TYPING_RULE, now),
    offline: floodGate(OFFLINE_LEAVE_RULE, now),
    links: floodGate(OFFLINE_LEAVE_RULE, now),
  };
}
