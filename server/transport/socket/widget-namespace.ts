/**
 * The widget namespace: a visitor's browser. Handshake: protocol version, channel key, optional
 * visitor token. Then the widget commands of the protocol, each validated and acked.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Namespace } from 'socket.io';
import * as v from 'valibot';
import { ok, widgetCommandSchemas, WidgetHandshakeSchema, type WidgetCommands, type WidgetFacts } from '../../../src/protocol/index.js';
import type { Store } from '../../core/ports.js';
import type { VisitorChat, VisitorContext } from '../../core/services/visitor-chat.js';
import { bindCommands } from './commands.js';
import { HandshakeError } from './handshake-error.js';
import { assertProtocol } from './protocol-check.js';
import { sessionRoom } from './rooms.js';

/** The widget namespace with its typed events and per-socket data. */
export type WidgetNamespace = Namespace<WidgetCommands, WidgetFacts, object, VisitorContext>;

/** Installs the handshake and command handlers on the widget namespace. */
export function mountWidgetNamespace(ns: WidgetNamespace, deps: { store: Store; chat: VisitorChat; log: FastifyBaseLogger }): void {
  const { store, chat, log } = deps;

  ns.use((socket, next) => {
    const run = async () => {
      assertProtocol(socket.handshake.auth);
      const auth = v.safeParse(WidgetHandshakeSchema, socket.handshake.auth);
      if (!auth.success) throw new HandshakeError('invalid_payload', `Invalid handshake: ${auth.issues[0].message}`);
      const channel = await store.findChannelByKey(auth.output.channel);
      if (!channel) throw new HandshakeError('not_found', `No channel "${auth.output.channel}".`);
      let visitor = null;
      if (auth.output.token) {
        visitor = (await chat.identify(channel, auth.output.token)) ?? null;
        if (!visitor) throw new HandshakeError('unauthorized', 'Unknown visitor token; start again without it.');
      }
      socket.data = { channel, visitor };
    };
    run().then(
      () => next(),
      (e: unknown) => next(e instanceof HandshakeError ? e : wrap(e, log)),
    );
  });

  ns.on('connection', (socket) => {
    const ctx = socket.data;
    const start = async () => {
      const r = await chat.start(ctx);
      if (!r.ok) return r;
      ctx.visitor = r.value.visitor;
      await socket.join(sessionRoom(r.value.session.id));
      // A returning visitor keeps the token they hold; only a new one gets one.
      return ok({ token: r.value.token ?? '', session: r.value.session });
    };
    // A second `session:start` while the first is still running shares its answer; otherwise both
    // would see no visitor yet and a double click would make two visitors and two sessions (S-2).
    let starting: ReturnType<typeof start> | undefined;
    bindCommands<WidgetCommands, typeof widgetCommandSchemas>(
      socket,
      widgetCommandSchemas,
      {
        'session:start': () => (starting ??= start().finally(() => (starting = undefined))),
        'session:resume': async () => {
          const r = await chat.resume(ctx);
          if (r.ok && r.value.session) await socket.join(sessionRoom(r.value.session.id));
          return r;
        },
        'message:send': (p) => chat.send(ctx, p),
        'messages:sync': (p) => chat.sync(ctx, p),
      },
      log,
    );
  });
}

function wrap(e: unknown, log: FastifyBaseLogger): HandshakeError {
  log.error({ err: e }, 'widget handshake failed');
  return new HandshakeError('internal', 'The server could not accept the connection; please retry.');
}
