/**
 * The support client's side (E-3..E-10): redeem a ticket or code (codes rate limited like PINs),
 * answer the technicians' capability requests, and carry shell output, files and system details,
 * each only while its capability is granted. Everything it does goes to the session's activity.
 */
import {
  fail,
  ok,
  type ClientGrantView,
  type ClientRedeemed,
  type PayloadOf,
  type Result,
  type ShellEndReason,
  type SupportClientCommands,
  type SystemInfo,
} from '../../../src/protocol/index.js';
import { CLIENT_CAPABILITY_WORDS, answerClientGrant, clientMayUse, currentGrant } from '../client-grant-rules.js';
import type { ClientRelay, SupportClient } from '../escalation-model.js';
import { mayRedeem } from '../escalation-rules.js';
import { hasGrant } from '../permission-rules.js';
import { clientGrantView, supportClientView } from '../escalation-views.js';
import type { ClientCapability } from '../../../src/protocol/index.js';
import type { Env, Publisher, Store } from '../ports.js';
import { describeOutput } from '../shell-log.js';
import type { ClientTraffic } from './client-traffic.js';
import { clientTransfers } from './client-transfers.js';
import { joinGuard } from './join-guard.js';
import { audienceOf, sessionFeed } from './session-feed.js';

/** The client behind one support-client connection; `client` is null until it redeemed. */
export interface ClientContext {
  ip: string;
  client: SupportClient | null;
  /** Set once a client in service mode registered its device (U-3). */
  deviceId?: string | null;
}

/** Dependencies of the support-client services. */
export interface SupportClientDeps {
  store: Store;
  env: Env;
  publish: Publisher;
  relay: ClientRelay;
  traffic: ClientTraffic;
}

type P<E extends keyof SupportClientCommands> = PayloadOf<SupportClientCommands[E]>;

/** E-15: how the log tells a shell's end. */
const SHELL_END_WORDS: Record<ShellEndReason, (code: number | null) => string> = {
  exited: (code) => (code === null ? 'stopped' : `exit code ${code}`),
  connection_lost: () => 'ended by the support client: the connection did not come back in time',
  not_allowed: () => 'ended by the support client: the shell is no longer allowed',
};

const SYSTEM_FIELDS = (s: SystemInfo) =>
  `${s.platform} ${s.release} ${s.arch}, ${s.hostname}, user ${s.user}${s.elevated ? ' (administrator)' : ''}`;

/** Builds the client-side operations. */
export function supportClientService(deps: SupportClientDeps) {
  const { store, env, relay, traffic } = deps;
  const transfers = clientTransfers(store);
  const feed = sessionFeed(deps);
  const guard = joinGuard(store, env);

  /** Tells the session's consoles what the client now looks like. */
  const announce = async (clientId: string) => {
    const client = await store.findSupportClient(clientId);
    const session = client && (await store.findSession(client.sessionId));
    if (!client || !session) return;
    relay.consoles(audienceOf(session, false), 'client:updated', supportClientView(client, await store.listClientGrants(client.id)));
  };

  /** The context's client, still live, with its session, if it may use `capability`. */
  const using = async (ctx: ClientContext, capability: ClientCapability) => {
    if (!ctx.client) return fail('unauthorized', 'Redeem a code first.');
    const [client, session] = [await store.findSupportClient(ctx.client.id), await store.findSession(ctx.client.sessionId)];
    if (!session) return fail('not_found', 'No such session.');
    const allowed = clientMayUse({
      session,
      permissions: await store.listPermissions(session.id),
      client,
      grants: client ? await store.listClientGrants(client.id) : [],
      capability,
      now: env.now(),
    });
    return allowed.ok ? ok({ client: allowed.value, session }) : allowed;
  };

  return {
    announce,

    /** E-3, E-4: a ticket's token (not limited: 256 bits) or its 9-digit code (rate limited per address). */
    async redeem(ctx: ClientContext, p: P<'client:redeem'>): Promise<Result<ClientRedeemed>> {
      if (ctx.client) return fail('invalid_payload', 'This connection already redeemed a code.');
      const byCode = 'code' in p.secret;
      const subjects = { ip: `escalation:${ctx.ip}` };
      if (byCode) {
        const allowed = await guard.check(subjects);
        if (!allowed.ok) return allowed;
      }
      const ticket =
        'code' in p.secret
          ? await store.findEscalationTicketByCode(p.secret.code)
          : await store.findEscalationTicketByTokenHash(env.hashToken(p.secret.token));
      const session = ticket && (await store.findSession(ticket.sessionId));
      const now = env.now();
      const redeemable = mayRedeem(
        ticket,
        session && !session.deletedAt ? session : undefined,
        session ? await store.listPermissions(session.id) : [],
        now,
      );
      if (!redeemable.ok) {
        if (byCode && redeemable.error === 'not_found') await guard.failed(subjects);
        return redeemable;
      }
      if (!(await store.useEscalationTicket(redeemable.value.ticket.id, now))) {
        return fail('not_found', 'This code or download was already used. Ask for a new one in the chat.');
      }
      const s = redeemable.value.session;
      // One client per session: a new one replaces the one before.
      const previous = await store.findLiveSupportClient(s.id);
      if (previous) await store.setSupportClientResume(previous.id, null);
      if (previous && (await store.endSupportClient(previous.id, now))) {
        relay.send(previous.id, 'client:ended', { message: 'Another support client joined this session.' });
        relay.disconnect(previous.id);
        await transfers.dropClient(previous.id);
      }
      const client: SupportClient = {
        id: env.id(),
        sessionId: s.id,
        ticketId: redeemable.value.ticket.id,
        ...p.client,
        system: null,
        connectedAt: now,
        endedAt: null,
      };
      await store.insertSupportClient(client);
      const resume = env.token();
      await store.setSupportClientResume(client.id, env.hashToken(resume));
      ctx.client = client;
      await feed.log(
        s,
        { kind: 'system' },
        'client.connected',
        `${client.os}, ${client.elevated ? 'with administrator rights' : 'without administrator rights'}`,
      );
      await announce(client.id);
      const names = await feed.names(s);
      const channel = await store.findChannelById(s.channelId);
      return ok({
        clientId: client.id,
        sessionId: s.id,
        organisation: channel?.name ?? 'Support',
        technicians: Object.values(names),
        resume,
        granted: [],
      });
    },

    /**
     * E-14: the same client comes back after a lost connection, with the credential `redeem` gave
     * it, while its session is open and the visitor still allows the escalation. It takes over from
     * a socket the server has not yet seen go, and keeps what the visitor allowed it.
     */
    async resume(ctx: ClientContext, p: P<'client:resume'>): Promise<Result<ClientRedeemed>> {
      if (ctx.client) return fail('invalid_payload', 'This connection already redeemed a code.');
      const gone = fail('not_found', 'This support session has ended. Ask for a new code in the chat.');
      const found = await store.findSupportClient(p.clientId);
      const session = found && (await store.findSession(found.sessionId));
      const now = env.now();
      if (!found || !session || !hasGrant(session, await store.listPermissions(session.id), 'escalate', now)) return gone;
      if (!(await store.resumeSupportClient(found.id, env.hashToken(p.resume), now))) return gone;
      relay.disconnect(found.id);
      await transfers.dropClient(found.id);
      const client = { ...found, connectedAt: now, endedAt: null };
      ctx.client = client;
      await feed.log(session, { kind: 'system' }, 'client.resumed');
      await announce(client.id);
      const grants = await store.listClientGrants(client.id);
      const capabilities = ['shell', 'files', 'system'] as const;
      const channel = await store.findChannelById(session.channelId);
      return ok({
        clientId: client.id,
        sessionId: session.id,
        organisation: channel?.name ?? 'Support',
        technicians: Object.values(await feed.names(session)),
        resume: p.resume,
        granted: capabilities.filter((c) => currentGrant(grants, c, now)?.status === 'granted'),
      });
    },

    /** E-5: the visitor's Allow or Deny, typed in the client. */
    async answer(ctx: ClientContext, p: P<'grant:answer'>): Promise<Result<ClientGrantView>> {
      if (!ctx.client) return fail('unauthorized', 'Redeem a code first.');
      const grant = await store.findClientGrant(p.grantId);
      if (!grant || grant.clientId !== ctx.client.id) return fail('not_found', 'No such request.');
      const session = await store.findSession(grant.sessionId);
      const answered = answerClientGrant(grant, p.allow, env.now());
      const next = answered.ok
        ? answered.value
        : grant.status === 'pending' && answered.error === 'expired'
          ? { ...grant, status: 'expired' as const, answeredAt: env.now() }
          : null;
      if (!next) return answered;
      if (!(await store.updateClientGrant(grant.id, grant.status, { status: next.status, answeredAt: next.answeredAt }))) {
        return fail('invalid_payload', 'This request was answered meanwhile.');
      }
      if (session) await feed.log(session, { kind: 'visitor' }, `client.${next.status}`, CLIENT_CAPABILITY_WORDS[grant.capability]);
      relay.send(grant.clientId, 'grant:updated', clientGrantView(next));
      await announce(grant.clientId);
      return answered.ok ? ok(clientGrantView(next)) : answered;
    },

    /** E-13: the visitor's answer to the elevation request, for the log. */
    async elevationAnswer(ctx: ClientContext, allow: boolean): Promise<Result<null>> {
      if (!ctx.client) return fail('unauthorized', 'Redeem a code first.');
      const session = await store.findSession(ctx.client.sessionId);
      if (!session) return fail('not_found', 'No such session.');
      await feed.log(session, { kind: 'visitor' }, allow ? 'client.elevation_accepted' : 'client.elevation_declined');
      return ok(null);
    },

    /** E-6: system details, only after `system` was allowed. */
    async report(ctx: ClientContext, info: SystemInfo): Promise<Result<null>> {
      const use = await using(ctx, 'system');
      if (!use.ok) return use;
      await store.setSupportClientSystem(use.value.client.id, info);
      await feed.log(use.value.session, { kind: 'system' }, 'client.system', SYSTEM_FIELDS(info));
      await announce(use.value.client.id);
      return ok(null);
    },

    /** E-7: shell output goes to the consoles only while the shell is allowed. */
    async shellOutput(ctx: ClientContext, p: P<'shell:output'>): Promise<Result<null>> {
      const use = await using(ctx, 'shell');
      if (!use.ok) return use;
      await traffic.printed(p.shellId, p.seq, p.data);
      relay.consoles(audienceOf(use.value.session, false), 'client:shell-output', { sessionId: use.value.session.id, ...p });
      return ok(null);
    },

    /** The shell ended on the client. */
    async shellExited(ctx: ClientContext, p: P<'shell:exited'>): Promise<Result<null>> {
      if (!ctx.client) return fail('unauthorized', 'Redeem a code first.');
      const session = await store.findSession(ctx.client.sessionId);
      if (!session) return fail('not_found', 'No such session.');
      const out = await traffic.closed(p.shellId);
      if (out) await feed.log(session, { kind: 'system' }, 'client.shell_output', describeOutput(out));
      await feed.log(session, { kind: 'system' }, 'client.shell_exited', SHELL_END_WORDS[p.reason ?? 'exited'](p.code));
      relay.consoles(audienceOf(session, false), 'client:shell-exited', { sessionId: session.id, shellId: p.shellId, code: p.code });
      return ok(null);
    },

    /** E-8: a chunk of a file the technician fetched, in order, within the announced size. */
    async fileChunk(ctx: ClientContext, p: P<'file:chunk'>): Promise<Result<null>> {
      const use = await using(ctx, 'files');
      if (!use.ok) {
        await transfers.drop(p.transferId);
        return use;
      }
      const accepted = await transfers.chunk(p.transferId, use.value.client.id, 'from-client', p.index, p.data, p.last);
      if (!accepted.ok) return accepted;
      const { session } = use.value;
      relay.consoles(audienceOf(session, false), 'client:file-chunk', { sessionId: session.id, ...p });
      // Not finished yet if the console's process has not recorded the size: it logs the fetch then.
      if (accepted.value.finished) {
        const t = accepted.value.transfer;
        await feed.log(session, { kind: 'technician', ...t.technician }, 'client.file_fetched', `${t.name} (${t.size} bytes)`);
      }
      return ok(null);
    },

    /** The client could not read a fetched file. */
    async fileFailed(ctx: ClientContext, p: P<'file:failed'>): Promise<Result<null>> {
      if (!ctx.client) return fail('unauthorized', 'Redeem a code first.');
      const t = await transfers.drop(p.transferId);
      const session = await store.findSession(ctx.client.sessionId);
      if (!t || t.clientId !== ctx.client.id || !session) return fail('not_found', 'No such file transfer.');
      await feed.log(session, { kind: 'system' }, 'client.file_failed', `${t.name}: ${p.message}`);
      relay.consoles(audienceOf(session, false), 'client:file-failed', { sessionId: session.id, ...p });
      return ok(null);
    },

    /** E-7: the visitor withdrew the escalation in the chat: the session's client is told and dropped. */
    async withdrawn(sessionId: string): Promise<void> {
      const client = await store.findLiveSupportClient(sessionId);
      await store.revokeEscalationTickets(sessionId, env.now());
      if (!client) return;
      relay.send(client.id, 'client:ended', { message: 'The escalation was withdrawn in the chat.' });
      await this.end({ ip: '', client }, true);
      relay.disconnect(client.id);
    },

    /** E-10: the visitor ends the client (or it went away); the session and its chat go on. */
    async end(ctx: ClientContext, byVisitor: boolean): Promise<Result<null>> {
      const client = ctx.client;
      if (!client) return ok(null);
      if (byVisitor) {
        await store.setSupportClientResume(client.id, null);
        await store.deleteShellJournalsOf(client.id);
      }
      // A socket that a resumed connection replaced (E-14) no longer holds the client.
      if ((await store.findSupportClient(client.id))?.connectedAt !== client.connectedAt) return ok(null);
      if (!(await store.endSupportClient(client.id, env.now()))) return ok(null);
      await transfers.dropClient(client.id);
      const session = await store.findSession(client.sessionId);
      if (session) await feed.log(session, { kind: 'visitor' }, byVisitor ? 'client.ended' : 'client.disconnected');
      await announce(client.id);
      return ok(null);
    },
  };
}

/** The support-client service. */
export type SupportClientService = ReturnType<typeof supportClientService>;
