/**
 * The flood limits of chat (SPEC.md L-1), one gate per kind of send, shared by the visitor and
 * technician services of one server process.
 */
import { DEFAULT_FLOOD_RULE, type FloodRule } from '../flood-limit.js';
import type { Env } from '../ports.js';
import { floodGate, type FloodGate } from './flood-gate.js';

/** Gates for messages and notes, and for typing signals. */
export interface ChatGates {
  messages: FloodGate;
  typing: FloodGate;
}

/** Typing is sent at most every couple of seconds by well-behaved clients; more is noise. */
const TYPING_RULE: FloodRule = { perSecond: 2, burst: 6 };

/** Builds the gates; `messages` defaults to {@link DEFAULT_FLOOD_RULE}. */
export function chatGates(env: Env, messages: FloodRule = DEFAULT_FLOOD_RULE): ChatGates {
  return { messages: floodGate(messages, () => env.now()), typing: floodGate(TYPING_RULE, () => env.now()) };
}
