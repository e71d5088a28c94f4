/**
 * Request/response over socket.io: emit a command and resolve with its `Result` ack, or with a
 * failure when not connected or when no ack comes in time (the caller may retry: commands are
 * idempotent by client id).
 */
import type { Socket } from 'socket.io-client';
import { fail, type Result } from '../protocol/errors.js';
import type { AckValueOf, PayloadOf } from '../protocol/events.js';

/** How long to wait for an ack. */
export const ACK_TIMEOUT_MS = 10_000;

type AckCallback = (err: Error | null, result: Result<unknown>) => void;

/** Emits `event` with `payload` on a socket whose commands are described by `Commands`. */
export function ask<Commands, E extends keyof Commands & string>(
  socket: Pick<Socket, 'connected' | 'timeout'> | null,
  event: E,
  payload: PayloadOf<Commands[E]>,
): Promise<Result<AckValueOf<Commands[E]>>> {
  if (!socket?.connected) return Promise.resolve(fail('internal', 'Not connected to the server.'));
  return new Promise((resolve) => {
    // socket.io's typed emit cannot express a generic command map; the protocol types guard the call.
    const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emit(event: string, payload: unknown, ack: AckCallback): void };
    timed.emit(event, payload, (err, result) => {
      resolve(err ? fail('internal', 'The server did not answer in time.') : (result as Result<AckValueOf<Commands[E]>>));
    });
  });
}
