/**
 * The reference support client's download (E-2): the built single file, with this server's
 * address and the visitor's single-use ticket written into it, so the visitor only has to run it.
 * The ticket is not checked here: the download must not tell a guesser whether a token is live.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { EscalationTokenSchema, fail } from '../../../src/protocol/index.js';
import { REFERENCE_CLIENT_PATH } from '../../core/escalation-views.js';
import { sendFailure } from './auth-routes.js';

/** The placeholder the client's build keeps for the server to fill in (base64url JSON). */
export const EMBED_PLACEHOLDER = '__PORTHOLE_EMBEDDED_CONFIG__';

/** What the download writes into the client. */
export interface EmbeddedConfig {
  server: string;
  ticket?: string;
}

/** Registers `GET /downloads/porthole-support.mjs?ticket=…`. */
export function downloadRoutes(app: FastifyInstance, opts: { distDir: string; publicUrl?: string }): void {
  const file = path.join(opts.distDir, 'support-client', 'porthole-support.mjs');
  app.get(REFERENCE_CLIENT_PATH, async (request, reply) => {
    let source: string;
    try {
      source = await fs.readFile(file, 'utf8');
    } catch {
      return sendFailure(reply, fail('not_found', 'The support client is not built: run `npm run build`.'));
    }
    const query = request.query as { ticket?: unknown };
    const ticket = v.safeParse(EscalationTokenSchema, query.ticket);
    const server = opts.publicUrl ?? `${request.protocol}://${request.host}`;
    const config: EmbeddedConfig = ticket.success ? { server, ticket: ticket.output } : { server };
    const embedded = Buffer.from(JSON.stringify(config)).toString('base64url');
    return reply
      .type('text/javascript; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .header('Content-Disposition', 'attachment; filename="porthole-support.mjs"')
      .send(source.replace(EMBED_PLACEHOLDER, embedded));
  });
}
