/**
 * `/api/auth`: sign in, sign out, and who am I, for the console.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { LIMITS, LoginSchema, type Failure } from '../../../src/protocol/index.js';
import { technicianView, type TechnicianAuth } from '../../core/services/technician-auth.js';
import { validate } from '../validate.js';
import { AUTH_COOKIE } from './auth-cookie.js';
import { sendResult } from './send-result.js';

/** Sends a failure with its status from the one table. */
export function sendFailure(reply: FastifyReply, f: Failure) {
  return sendResult(reply, f);
}

/** Registers the auth routes. */
export function authRoutes(app: FastifyInstance, auth: TechnicianAuth): void {
  app.post('/api/auth/login', async (request, reply) => {
    const body = validate(LoginSchema, request.body, LIMITS.httpBodyBytes);
    if (!body.ok) return sendFailure(reply, body);
    const r = await auth.login(body.value);
    if (!r.ok) return sendFailure(reply, r);
    reply.setCookie(AUTH_COOKIE, r.value.token, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: request.protocol === 'https',
      expires: new Date(r.value.expiresAt),
    });
    return { ok: true, value: r.value.technician };
  });

  app.post('/api/auth/logout', async (request, reply) => {
    await auth.logout(request.cookies[AUTH_COOKIE]);
    reply.clearCookie(AUTH_COOKIE, { path: '/' });
    return { ok: true, value: null };
  });

  app.get('/api/auth/me', async (request, reply) => {
    const tech = await auth.authenticate(request.cookies[AUTH_COOKIE]);
    if (!tech) return sendFailure(reply, { ok: false, error: 'unauthorized', message: 'Sign in first.' });
    return { ok: true, value: technicianView(tech) };
  });
}
