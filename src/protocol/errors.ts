/**
 * Stable error codes carried by every failed ack and HTTP error body. A code is never renamed or
 * reused for another meaning: clients switch on it.
 */
export const ErrorCode = {
  invalid_payload: 'invalid_payload',
  payload_too_large: 'payload_too_large',
  unknown_event: 'unknown_event',
  protocol_mismatch: 'protocol_mismatch',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  not_found: 'not_found',
  invalid_credentials: 'invalid_credentials',
  session_not_open: 'session_not_open',
  rate_limited: 'rate_limited',
  internal: 'internal',
  /** A limit of the rules was reached: 10 active sessions, 3 technicians in a session. */
  limit_reached: 'limit_reached',
  /** The thing asked about ran out of time (a permission request, an invitation). */
  expired: 'expired',
  /** An attachment whose content is not one of the accepted types, or is empty (SPEC.md F-3). */
  invalid_attachment: 'invalid_attachment',
  /** What the command needs is not set up on this server (e.g. outgoing mail). */
  unavailable: 'unavailable',
} as const;

/** One of the {@link ErrorCode} values. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A failed operation: a stable code, a sentence for people, and optional machine-readable details. */
export interface Failure {
  ok: false;
  error: ErrorCode;
  message: string;
  details?: unknown;
}

/** The shape of every ack and of every service result. */
export type Result<T> = { ok: true; value: T } | Failure;

/** Builds a successful {@link Result}. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed {@link Result}. */
export function fail(error: ErrorCode, message: string, details?: unknown): Failure {
  return details === undefined ? { ok: false, error, message } : { ok: false, error, message, details };
}
