/**
 * The console treats the stream as hostile (SPEC.md C-9): a fake visitor (a raw socket.io client
 * in Node) allows viewing and then sends forged rrweb events full of ways to run code: script
 * tags, on* handlers, javascript: URLs, iframe srcdoc, base, meta refresh, SVG onload, object and
 * embed, in the snapshot and in later mutations. The console replays the harmless part and runs
 * nothing: no global is set and no request for the forged endpoints ever leaves the page.
 */
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { connectWidget, emitAck, linkToken, nextEvent, valueOf, type WidgetSocket } from '../support/test-server.js';
import { encodeCobrowseFrame } from '../../src/protocol/index.js';
import { replayText, waitForReplay } from './cobrowse-steps.js';
import { signIn, watch } from './pages.js';

const RUN = (n: number) => `top.pwned=${n};fetch('/pwned-${n}')`;

let nextId = 10;
const el = (tagName: string, attributes: Record<string, string> = {}, childNodes: unknown[] = []) => ({
  type: 2,
  tagName,
  attributes,
  childNodes,
  id: nextId++,
});
const text = (textContent: string) => ({ type: 3, textContent, id: nextId++ });

/** A forged page: every trick in one snapshot, and one visible paragraph. */
function forgedSnapshot(now: number) {
  const body = el('body', { onload: RUN(1) }, [
    el('p', {}, [text('Forged page visible')]),
    el('script', {}, [text(RUN(2))]),
    el('script', { src: '/pwned-3.js' }),
    el('img', { src: 'data:,', onerror: RUN(4) }),
    el('a', { href: `javascript:${RUN(5)}`, id: 'js-link' }, [text('link')]),
    el('a', { href: ` java\tscript:${RUN(6)}`, id: 'js-link-2' }, [text('link 2')]),
    el('iframe', { srcdoc: `<script>${RUN(7)}</script>` }),
    el('iframe', { src: `javascript:${RUN(8)}` }),
    el('object', { data: `javascript:${RUN(9)}` }),
    el('embed', { src: `javascript:${RUN(10)}` }),
    el('svg', { onload: RUN(11) }, [el('script', {}, [text(RUN(12))])]),
    el('form', { action: `javascript:${RUN(13)}` }, [el('button', { formaction: `javascript:${RUN(14)}` }, [text('go')])]),
    el('details', { open: '', ontoggle: RUN(15) }, [text('details')]),
    el('input', { autofocus: '', onfocus: RUN(16) }),
    el('iframe', { src: `data:text/html,<script>${RUN(17)}</script>` }),
  ]);
  const head = el('head', {}, [
    el('base', { href: 'http://pwned.invalid/' }),
    el('meta', { 'http-equiv': 'refresh', content: `0;url=javascript:${RUN(18)}` }),
    el('meta', { 'http-equiv': 'refresh', content: '0;url=/pwned-19' }),
  ]);
  const html = el('html', {}, [head, body]);
  return {
    bodyId: body.id,
    events: [
      { type: 4, data: { href: 'http://forged.invalid/', width: 1000, height: 700 }, timestamp: now },
      {
        type: 2,
        data: {
          node: { type: 0, childNodes: [{ type: 1, name: 'html', publicId: '', systemId: '', id: 2 }, html], id: 1 },
          initialOffset: { left: 0, top: 0 },
        },
        timestamp: now + 1,
      },
    ],
  };
}

/** Later changes: a script added, handlers set, and an event kind the widget never sends. */
function forgedMutations(bodyId: number, now: number) {
  const script = el('script');
  const p = el('p');
  return [
    {
      type: 3,
      data: {
        source: 0,
        texts: [],
        removes: [],
        attributes: [{ id: bodyId, attributes: { onclick: RUN(20), style: 'background: url(javascript:x)' } }],
        // As rrweb sends them: one entry per added node, children after their parent.
        adds: [
          { parentId: bodyId, nextId: null, node: script },
          { parentId: script.id, nextId: null, node: text(RUN(21)) },
          { parentId: bodyId, nextId: null, node: el('img', { src: 'data:,', onerror: RUN(22) }) },
          { parentId: bodyId, nextId: null, node: p },
          { parentId: p.id, nextId: null, node: text('Forged mutation visible') },
        ],
      },
      timestamp: now + 2,
    },
    { type: 5, data: { tag: 'x', payload: { eval: RUN(23) } }, timestamp: now + 3 },
    { type: 6, data: { plugin: 'rrweb/console@1', payload: { level: 'log', payload: [RUN(24)] } }, timestamp: now + 4 },
  ];
}

let server: ServerProcess;
let browser: Browser;
let tech: Page;
let fake: WidgetSocket | undefined;
const requests: string[] = [];
const problems: string[] = [];

before(async () => {
  server = await startServerProcess();
  browser = await launchChromium();
  tech = watch(await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage(), 'technician', problems);
  tech.on('request', (r) => requests.push(r.url()));
});

after(async () => {
  fake?.disconnect();
  await browser?.close();
  await server?.stop();
});

test('C-9: a forged stream is replayed without running anything in the console', async () => {
  await signIn(tech, server);
  await tech.locator('console-toolbar button', { hasText: 'New session' }).click();
  const dialog = tech.locator('new-session-dialog dialog');
  const link = await dialog.locator('input.link').inputValue();
  await dialog.locator('button', { hasText: 'Done' }).click();

  fake = await connectWidget(server.url);
  const joined = valueOf(await emitAck(fake, 'session:join', { link: linkToken(link) }));
  const sessionId = joined.session.id;
  const asked = nextEvent(fake, 'permission:requested');
  await tech.locator('permissions-panel button', { hasText: 'Request to view the page' }).click();
  const snapshotAsked = nextEvent(fake, 'cobrowse:snapshot');
  valueOf(await emitAck(fake, 'permission:answer', { permissionId: (await asked).id, allow: true }));
  await snapshotAsked;

  const now = Date.now();
  const forged = forgedSnapshot(now);
  const send = async (batch: number, full: boolean, events: unknown[]) =>
    valueOf(
      await emitAck(
        fake!,
        'cobrowse:events',
        encodeCobrowseFrame({
          sessionId,
          recording: 'forged',
          batch,
          part: 0,
          parts: 1,
          full,
          encoding: 'gzip',
          data: gzipSync(JSON.stringify(events)),
        }),
      ),
    );
  await send(0, true, forged.events);
  await waitForReplay(tech, 'Forged page visible');
  await send(1, false, forgedMutations(forged.bodyId, now));
  await waitForReplay(tech, 'Forged mutation visible');

  // Try the links and the button, as a technician's click would.
  const replay = await tech.evaluate(() => {
    const view = document.querySelector('porthole-console')?.shadowRoot?.querySelector('console-workspace')?.shadowRoot;
    const frame = view?.querySelector('conversation-view')?.shadowRoot?.querySelector('cobrowse-view')?.shadowRoot?.querySelector('iframe');
    const doc = frame?.contentDocument;
    for (const a of doc?.querySelectorAll<HTMLElement>('a, button') ?? []) a.click();
    const all = [...(doc?.querySelectorAll('*') ?? [])];
    return {
      sandbox: frame?.getAttribute('sandbox'),
      scripts: doc?.querySelectorAll('script').length,
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName}.${a.name}`)),
      scriptUrls: all.flatMap((e) => [...e.attributes].filter((a) => /script:/i.test(a.value.replace(/\s/g, ''))).map((a) => a.name)),
      srcdoc: all.filter((e) => e.hasAttribute('srcdoc')).length,
      bases: doc?.querySelectorAll('base').length,
      refresh: doc?.querySelectorAll('meta[http-equiv]').length,
    };
  });
  assert.deepEqual(replay, { sandbox: 'allow-same-origin', scripts: 0, handlers: [], scriptUrls: [], srcdoc: 0, bases: 0, refresh: 0 });

  // A chat round trip gives anything that was going to run the time to run.
  valueOf(await emitAck(fake, 'message:send', { sessionId, clientId: 'forged-after-1', text: 'after the forgery' }));
  await tech.locator('conversation-view .msg', { hasText: 'after the forgery' }).waitFor();
  assert.ok((await replayText(tech)).includes('Forged page visible'));
  const pwned = await tech.evaluate(() => {
    const all = [window, ...Array.from({ length: window.frames.length }, (_, i) => window.frames[i])];
    return all.map((w) => (w as unknown as { pwned?: number }).pwned ?? null).filter((v) => v !== null);
  });
  assert.deepEqual(pwned, [], 'no forged code ran');
  assert.deepEqual(
    requests.filter((u) => /pwned/.test(u)),
    [],
    'no forged request left the console',
  );
  assert.deepEqual(
    problems.filter((p) => !/Content Security Policy|Blocked script execution|sandboxed/i.test(p)),
    [],
  );
});
