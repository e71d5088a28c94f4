/**
 * Static files: the demo website at `/`, the built widget at `/widget/`, the built console at
 * `/console/`. Every response carries a strict Content-Security-Policy, so the demo proves the widget
 * and console run without inline script or style.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The policy a careful website owner would set. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The console's policy: the same, except that styles may be inline, because the live view rebuilds
 * the visitor's page (its `<style>` elements and `style` attributes) inside a sandboxed iframe that
 * inherits this policy. Scripts stay `'self'` only, and the iframe has no `allow-scripts` (C-9).
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/** Registers the static folders that exist; missing builds answer with how to make them. */
export async function staticRoutes(app: FastifyInstance, dirs: { distDir: string; siteDir: string }): Promise<void> {
  app.addHook('onSend', async (request, reply) => {
    // Routes with a stricter policy of their own (attachment downloads) keep it.
    if (!reply.hasHeader('Content-Security-Policy'))
      reply.header(
        'Content-Security-Policy',
        request.url.startsWith('/console') ? CONSOLE_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
      );
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
  });

  const mounts = [
    { prefix: '/widget/', root: path.join(dirs.distDir, 'widget') },
    { prefix: '/console/', root: path.join(dirs.distDir, 'console') },
    { prefix: '/demo/', root: path.join(dirs.distDir, 'demo') },
    { prefix: '/', root: dirs.siteDir },
  ];
  let first = true;
  for (const m of mounts) {
    if (!fs.existsSync(m.root)) {
      app.get(`${m.prefix}*`, async (_req, reply) => reply.code(503).type('text/plain').send('Not built yet: run `npm run build`.'));
      continue;
    }
    await app.register(fastifyStatic, { root: m.root, prefix: m.prefix, decorateReply: first, wildcard: true });
    first = false;
  }
  app.get('/console', async (_req, reply) => reply.redirect('/console/'));
}
