import assert from 'node:assert/strict';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { embeddedConfig } from '../../../demo/support-client/options.js';
import { downloadRoutes, EMBED_PLACEHOLDER } from '../../../server/transport/http/download-routes.js';

describe('E-2: the reference client download', () => {
  let dir: string;
  let app: FastifyInstance;
  before(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'porthole-dist-'));
    await fsp.mkdir(path.join(dir, 'support-client'));
    await fsp.writeFile(path.join(dir, 'support-client/porthole-support.mjs'), `const EMBEDDED = '${EMBED_PLACEHOLDER}';\n`);
    app = Fastify();
    downloadRoutes(app, { distDir: dir });
  });
  after(async () => {
    await app.close();
    await fsp.rm(dir, { recursive: true, force: true });
  });

  const embeddedOf = (body: string) => embeddedConfig(/EMBEDDED = '([^']*)'/.exec(body)?.[1] ?? '');

  test('E-2: the download carries the server it came from and the ticket, as an attachment nobody caches', async () => {
    const token = 'A'.repeat(43);
    const res = await app.inject({
      method: 'GET',
      url: `/downloads/porthole-support.mjs?ticket=${token}`,
      headers: { host: 'support.example.com' },
    });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="porthole-support\.mjs"/);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(embeddedOf(res.body), { server: 'http://support.example.com', ticket: token });
  });

  test('E-2: a malformed ticket is left out rather than written into the file', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/downloads/porthole-support.mjs?ticket=${encodeURIComponent("x';alert(1)//")}`,
      headers: { host: 'h.example' },
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(embeddedOf(res.body), { server: 'http://h.example', ticket: undefined });
  });
});
