/**
 * The shape of a signed-in technician's HTTP route: authenticate by cookie, validate the body, call
 * the handler with the technician, the body and the `:id` parameter, answer its result.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { fail, LIMITS, type Result } from '../../../src/protocol/index.js';
import type { Technician } from '../../core/model.js';
import type { TechnicianAuth } from '../../core/services/technician-auth.js';
import { validate } from '../validate.js';
import { AUTH_COOKIE } from './auth-cookie.js';
import { sendResult } from './send-result.js';

/** The body of a route that takes none. */
export const NoBody = v.union([v.undefined(), v.null(), v.strictObject({})]);

/** Makes route handlers that need a signed-in technician. */
export function technicianRoute(auth: TechnicianAuth) {
  return <S extends v.GenericSchema>(
      schema: S,
      handler: (tech: Technician, body: v.InferOutput<S>, id: string) => Promise<Result<unknown>>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const tech = await auth.authenticate(request.cookies[AUTH_COOKIE]);
      if (!tech) return sendResult(reply, fail('unauthorized', 'Sign in first.'));
      const body = validate(schema, request.body, LIMITS.httpBodyBytes);
      if (!body.ok) return sendResult(reply, body);
      return sendResult(reply, await handler(tech, body.value, (request.params as { id?: string }).id ?? ''));
    };
}
