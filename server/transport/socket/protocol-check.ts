/**
 * The handshake's protocol version check, shared by every namespace.
 */
import { PROTOCOL_VERSION } from '../../../src/protocol/index.js';
import { HandshakeError } from './handshake-error.js';

/** Throws `protocol_mismatch` unless the client speaks this server's protocol version. */
export function assertProtocol(auth: unknown): void {
  const version = (auth as { protocol?: unknown } | null)?.protocol;
  if (version !== PROTOCOL_VERSION) {
    throw new HandshakeError(
      'protocol_mismatch',
      `This server speaks protocol ${PROTOCOL_VERSION} but the client sent ${JSON.stringify(version ?? null)}; reload the page or update the client.`,
      { expected: PROTOCOL_VERSION },
    );
  }
}
