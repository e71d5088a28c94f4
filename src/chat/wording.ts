/**
 * The words the panel shows for states and refusals, in one place: the reducer keeps codes, the
 * panel turns them into sentences a visitor understands.
 */
import type { ErrorCode } from '../protocol/errors.js';
import type { Capability, SessionView } from '../protocol/views.js';
import { isEnded, type Refusal } from '../session/chat-state.js';

/**
 * "Alex is helping you", "Alex and Sam are helping you" ("… helped you" once the session ended), or
 * the waiting line when nobody is yet.
 */
export function helpersLine(session: SessionView | null): string {
  const names = session ? [session.owner, ...session.participants].flatMap((t) => (t ? [t.name] : [])) : [];
  const ended = isEnded(session);
  if (names.length === 0) return ended ? 'Conversation ended' : 'We usually reply in a few minutes';
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  if (ended) return `${who} helped you`;
  return `${who} ${names.length === 1 ? 'is' : 'are'} helping you`;
}

/** What each capability means, in plain words: what the technician would like to do. */
export const CAPABILITY_WORDS: Record<Capability, { asks: string; can: string }> = {
  view: { asks: 'see this page as you see it', can: 'can see this page' },
  control: { asks: 'click and type on this page', can: 'can click and type on this page' },
  escalate: {
    asks: 'help you install a support app for full remote control of your computer',
    can: 'may connect with the support app',
  },
};

/** Seconds left until `deadline` as `m:ss`, never negative. */
export function countdown(deadline: number, now: number): { seconds: number; text: string } {
  const seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
  return { seconds, text: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` };
}

/** A support code in groups of three digits, easier to read out: "123 456 789". */
export function groupDigits(code: string): string {
  return code.replace(/(\d{3})(?=\d)/g, '$1 ');
}

// Only the codes a visitor can do something about get their own words; the rest show the server's.
const LINK_REFUSALS: Partial<Record<ErrorCode, string>> = {
  not_found: 'This support link has already been used or has expired. Ask for a new one.',
  expired: 'This support link has expired. Ask for a new one.',
  session_not_open: 'The support session behind this link has ended.',
  rate_limited: 'Too many attempts from here. Please wait a few minutes, then open the link again.',
  invalid_payload: 'This support link is incomplete. Please open the whole link from your message again.',
};

const PIN_REFUSALS: Partial<Record<ErrorCode, string>> = {
  invalid_payload: 'Enter the 6 digits of the PIN.',
  not_found: 'That PIN is wrong or has already been used.',
  expired: 'That PIN has expired. Ask your technician for a new one.',
  rate_limited: 'Too many attempts. Please wait a few minutes before you try again.',
  session_not_open: 'The session behind this PIN has ended.',
};

/** Why an invitation link did not open. */
export function linkRefusalText(r: Refusal): string {
  return LINK_REFUSALS[r.error] ?? `This support link could not be opened: ${r.message}`;
}

/** Why a PIN was not accepted; `detail` is the server's own sentence (not for a mistyped PIN). */
export function pinRefusalText(r: Refusal): { text: string; detail: string | null } {
  return { text: PIN_REFUSALS[r.error] ?? 'The PIN could not be checked.', detail: r.error === 'invalid_payload' ? null : r.message };
}

/** Why the session ended, for the closing banner. */
export function endedText(session: SessionView): string {
  return session.status === 'expired' ? 'This conversation has ended after a period of inactivity.' : 'This conversation has ended.';
}
