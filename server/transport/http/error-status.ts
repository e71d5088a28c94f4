/**
 * The one table from error codes to HTTP statuses.
 */
import type { ErrorCode } from '../../../src/protocol/index.js';

/** HTTP status for each {@link ErrorCode}. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_payload: 400,
  payload_too_large: 413,
  unknown_event: 404,
  protocol_mismatch: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_credentials: 401,
  session_not_open: 409,
  rate_limited: 429,
  internal: 500,
  limit_reached: 409,
  expired: 410,
  invalid_attachment: 415,
  unavailable: 503,
};
