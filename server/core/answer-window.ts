/**
 * The one answer window of every question put to the person at the other end (SPEC.md G-2, E-5,
 * E-13): a permission request in the widget, a capability or elevation request in the support
 * client. The same deadline, the same reading of silence as a Deny, the same lateness.
 */
import { ANSWER_WINDOW_MS, fail, ok, type Result } from '../../src/protocol/index.js';

export { ANSWER_WINDOW_MS };

/** The window in words, for the activity log and refusals. */
export const ANSWER_WINDOW_WORDS = `${ANSWER_WINDOW_MS / 1000} seconds`;

/** What the window rules need of a request: its status and its deadline. */
export interface Answerable {
  status: string;
  expiresAt: number;
}

/** The deadline of a request asked at `now`. */
export function answerDeadline(now: number): number {
  return now + ANSWER_WINDOW_MS;
}

/** Late is late, whether or not the expiry pass has marked the request yet. */
export function isLate(r: Answerable, now: number): boolean {
  return r.status === 'expired' || (r.status === 'pending' && now >= r.expiresAt);
}

/** The answer to a request, accepted only while it is pending and in time. */
export function answerInWindow<T extends Answerable & { answeredAt: number | null }>(
  r: T,
  allow: boolean,
  now: number,
  lateMessage: string,
): Result<T> {
  if (isLate(r, now)) return fail('expired', lateMessage);
  if (r.status !== 'pending') return fail('invalid_payload', `This request was already ${r.status}.`);
  return ok({ ...r, status: allow ? 'granted' : 'denied', answeredAt: now });
}

/** The newest request for a capability, a pending one past its window read as expired. */
export function newestRequest<T extends Answerable & { capability: string }>(
  requests: readonly T[],
  capability: T['capability'],
  now: number,
): T | undefined {
  const latest = requests.filter((r) => r.capability === capability).at(-1);
  if (latest && latest.status === 'pending' && now >= latest.expiresAt) return { ...latest, status: 'expired' };
  return latest;
}
