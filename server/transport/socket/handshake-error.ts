/**
 * Errors refused at the socket.io handshake. socket.io hands `data` to the client's `connect_error`,
 * so clients read the same stable code as in acks.
 */
import type { ErrorCode } from '../../../src/protocol/index.js';

/** A handshake refusal carrying a protocol error code. */
export class HandshakeError extends Error {
  readonly data: { code: ErrorCode; message: string; details?: unknown };

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.data = details === undefined ? { code, message } : { code, message, details };
  }
}
