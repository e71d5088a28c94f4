/**
 * The widget namespace: a visitor's browser. Handshake: protocol version, channel key, allowed
 * origin, optional visitor token. Then the widget commands of the protocol, each validated and acked.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Namespace, Socket } from 'socket.io';
import * as v from 'valibot';
import {
  IdentityClaimSchema,
  ok,
  type IdentityView,
  widgetCommandSchemas,
  WidgetHandshakeSchema,
  type PrechatAnswers,
  type Result,
  type WidgetCommands,
  type WidgetFacts,
} from '../../../src/protocol/index.js';
import { originAllowed } from '../../core/channel-rules.js';
import type { Store } from '../../core/ports.js';
import type { ChatSignals } from '../../core/services/chat-signals.js';
import type { ChannelProfiles } from '../../core/services/channel-profile.js';
import type { EscalationTickets } from '../../core/services/escalation-tickets.js';
import type { SupportClientService } from '../../core/services/support-client.js';
import type { CobrowseRelay } from '../../core/services/cobrowse-relay.js';
import type { VisitorChat, VisitorContext } from '../../core/services/visitor-chat.js';
import type { VisitorJoin } from '../../core/services/visitor-join.js';
import type { VisitorPermissions } from '../../core/services/visitor-permissions.js';
import type { VisitorProfile } from '../../core/services/visitor-profile.js';
import { clientAddress } from '../client-address.js';
import { bindCommands } from './commands.js';
import { HandshakeError } from './handshake-error.js';
import { assertProtocol } from './protocol-check.js';
import { sessionRoom } from './rooms.js';
import type { ConversationLinks } from '../../core/services/conversation-links.js';

/** The widget namespace with its typed events and per-socket data. */
export type WidgetNamespace = Namespace<WidgetCommands, WidgetFacts, object, VisitorContext>;

/** What the widget namespace needs. */
export interface WidgetNamespaceDeps {
  store: Store;
  chat: VisitorChat;
  join: VisitorJoin;
  permissions: VisitorPermissions;
  signals: ChatSignals;
  profiles: ChannelProfiles;
  visitorProfiles: VisitorProfile;
  /** Download tickets of a granted escalation. */
  tickets: EscalationTickets;
  /** The support clients, ended when the visitor withdraws the escalation. */
  clients: SupportClientService;
  cobrowse: CobrowseRelay;
  /** Continuing the conversation on another device (P-*). */
  links: ConversationLinks;
  log: FastifyBaseLogger;
  trustProxy: boolean;
}

/** Installs the handshake and command handlers on the widget namespace. */
export function mountWidgetNamespace(ns: WidgetNamespace, deps: WidgetNamespaceDeps): void {
  const { store, chat, join, permissions, signals, profiles, visitorProfiles, tickets, clients, log } = deps;

  ns.use((socket, next) => {
    const run = async () => {
      assertProtocol(socket.handshake.auth);
      const auth = v.safeParse(WidgetHandshakeSchema, socket.handshake.auth);
      if (!auth.success) throw new HandshakeError('invalid_payload', `Invalid handshake: ${auth.issues[0].message}`);
      const channel = await store.findChannelByKey(auth.output.channel);
      if (!channel) throw new HandshakeError('not_found', `No channel "${auth.output.channel}".`);
      const { origin, host } = socket.handshake.headers;
      if (!originAllowed(channel, origin, host))
        throw new HandshakeError('forbidden', 'This website is not allowed to open support sessions in this channel.');
      let visitor = null;
      if (auth.output.token) {
        visitor = (await chat.identify(channel, auth.output.token)) ?? null;
        if (!visitor) throw new HandshakeError('unauthorized', 'Unknown visitor token; start again without it.');
      }
      const ip = clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], deps.trustProxy);
      // I-1: `identify()` travels in the handshake; a malformed claim is refused like any bad input.
      const rawIdentity = (socket.handshake.auth as { identity?: unknown }).identity;
      let identity: IdentityView | null = null;
      if (rawIdentity !== undefined) {
        const claim = v.safeParse(IdentityClaimSchema, rawIdentity);
        if (!claim.success) throw new HandshakeError('invalid_payload', `Invalid identity: ${claim.issues[0].message}`);
        ({ identity, visitor } = await visitorProfiles.identify(channel, claim.output, visitor));
      }
      socket.data = { channel, visitor, ip, identity };
    };
    run().then(
      () => next(),
      (e: unknown) => next(e instanceof HandshakeError ? e : wrap(e, log)),
    );
  });

  ns.on('connection', (socket) => {
    const ctx = socket.data;
    const site = { origin: socket.handshake.headers.origin, host: socket.handshake.headers.host };
    const joined = new Set<string>();
    const enter = async <T extends { session: { id: string } | null }>(r: Result<T>): Promise<Result<T>> => {
      const id = r.ok ? r.value.session?.id : undefined;
      if (id && !joined.has(id)) {
        joined.add(id);
        await socket.join(sessionRoom(id));
        await chat.presence(id, true);
      }
      return r;
    };
    // The token this connection made for a new visitor: if the first answer's ack is lost, the
    // widget asks again and must get it again, or it could never come back to its conversation.
    let issued = '';
    const start = async (answers: PrechatAnswers | undefined) => {
      const checked = await visitorProfiles.checkStart(ctx, answers);
      if (!checked.ok) return checked;
      const r = await chat.start(ctx);
      if (!r.ok) return r;
      ctx.visitor = r.value.visitor;
      await visitorProfiles.record(ctx, r.value.session.id, checked.value);
      issued = r.value.token ?? issued;
      // A returning visitor keeps the token they hold; only a new one gets one.
      return enter(ok({ token: issued, session: r.value.session }));
    };
    // A second `session:start` while the first is still running shares its answer; otherwise both
    // would see no visitor yet and a double click would make two visitors and two sessions (S-2).
    let starting: ReturnType<typeof start> | undefined;

    socket.on('disconnect', () => void leave(socket, joined, deps, log));

    bindCommands<WidgetCommands, typeof widgetCommandSchemas>(
      socket,
      widgetCommandSchemas,
      {
        'session:start': (p) => (starting ??= start(p.prechat).finally(() => (starting = undefined))),
        'session:resume': async () => {
          const r = await chat.resume(ctx);
          if (r.ok && r.value.session && ctx.identity) await visitorProfiles.record(ctx, r.value.session.id, {});
          return enter(r);
        },
        'session:join': async (p) => enter(await join.join(ctx, p)),
        'sos:code': async (p) => enter(await join.sosCode(ctx, p.pageId)),
        'message:send': (p) => chat.send(ctx, p),
        'messages:sync': (p) => chat.sync(ctx, p),
        'permission:answer': (p) => permissions.answer(ctx, p),
        'permission:revoke': async (p) => {
          const r = await permissions.revoke(ctx, p);
          if (r.ok && r.value && p.capability === 'escalate') await clients.withdrawn(p.sessionId);
          return r;
        },
        'escalation:ticket': (p) => tickets.ticket(ctx, p.sessionId),
        'typing:set': (p) => signals.visitorTyping(ctx, p),
        'messages:seen': (p) => signals.visitorSeen(ctx, p),
        'channel:profile': async () => ok(await profiles.publicProfile(ctx.channel)),
        'offline:leave': (p) => visitorProfiles.leave(ctx, p),
        'cobrowse:events': (p) => deps.cobrowse.frame(ctx, p),
        'conversation:email-link': (p) => deps.links.emailLink(ctx, site, p),
        'conversation:pick-up': (p) => deps.links.pickUp(ctx, p),
      },
      log,
    );
  });
}

/** After a widget leaves, its sessions are offline unless another tab of the visitor is still there. */
async function leave(
  socket: Socket,
  joined: Set<string>,
  deps: Pick<WidgetNamespaceDeps, 'chat' | 'cobrowse'>,
  log: FastifyBaseLogger,
): Promise<void> {
  try {
    for (const id of joined) {
      const others = await socket.nsp.in(sessionRoom(id)).fetchSockets();
      if (others.length > 0) continue;
      await deps.chat.presence(id, false);
      deps.cobrowse.left(id); // C-5
    }
  } catch (e) {
    log.warn({ err: e }, 'presence update failed');
  }
}

function wrap(e: unknown, log: FastifyBaseLogger): HandshakeError {
  log.error({ err: e }, 'widget handshake failed');
  return new HandshakeError('internal', 'The server could not accept the connection; please retry.');
}
