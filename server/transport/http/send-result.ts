/**
 * Sends a `Result` over HTTP: 200 with the value, or the failure with its status from the one table.
 */
import type { FastifyReply } from 'fastify';
import type { Result } from '../../../src/protocol/index.js';
import { HTTP_STATUS } from './error-status.js';

/** Replies with `r`. */
export function sendResult(reply: FastifyReply, r: Result<unknown>) {
  return r.ok ? reply.code(200).send(r) : reply.code(HTTP_STATUS[r.error]).send(r);
}
