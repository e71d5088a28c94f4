/**
 * The technician's side of the support client (E-5..E-9): see it, ask the visitor for a capability
 * (the client asks them), and drive the shell and file transfers, each checked against the grant on
 * every event, so a refused capability stays refused whatever the console sends.
 */
import {
  fail,
  ok,
  type ClientCapability,
  type ClientConsoleCommands,
  type ClientGrantView,
  type PayloadOf,
  type Result,
  type SupportClientView,
} from '../../../src/protocol/index.js';
import { technicianMayAct } from '../access-rules.js';
import { CLIENT_CAPABILITY_WORDS, clientMayUse, requestClientGrant } from '../client-grant-rules.js';
import { ESCALATION_CODE_DIGITS, mayIssueTicket, newTicket } from '../escalation-rules.js';
import { clientGrantView, supportClientView } from '../escalation-views.js';
import type { Session, Technician } from '../model.js';
import { describeOutput } from '../shell-log.js';
import { clientTransfers } from './client-transfers.js';
import { audienceOf, sessionFeed } from './session-feed.js';
import type { SupportClientDeps } from './support-client.js';

type P<E extends keyof ClientConsoleCommands> = PayloadOf<ClientConsoleCommands[E]>;

const actorOf = (t: Technician) => ({ kind: 'technician' as const, id: t.id, name: t.name });

/** Builds the console's support-client operations. */
export function clientDesk(deps: SupportClientDeps & { announce: (clientId: string) => Promise<void> }) {
  const { store, env, relay, traffic, announce } = deps;
  const transfers = clientTransfers(store);
  const feed = sessionFeed(deps);

  const refuse = (session: Session, tech: Technician, what: string, message: string) =>
    feed.log(session, actorOf(tech), 'client.refused', `${what}: ${message}`);

  const access = async (tech: Technician, sessionId: string) =>
    technicianMayAct(await store.findSession(sessionId), await store.listChannelIdsOf(tech.id), tech.id);

  /** The session's live client, if the technician is in the session and the visitor allowed `capability`. */
  const using = async (tech: Technician, sessionId: string, capability: ClientCapability) => {
    const found = await access(tech, sessionId);
    if (!found.ok) return found;
    const session = found.value;
    if (session.ownerId !== tech.id && !session.participantIds.includes(tech.id)) {
      return fail('forbidden', 'Only technicians in this session may use its support client.');
    }
    const client = await store.findLiveSupportClient(sessionId);
    const allowed = clientMayUse({
      session,
      permissions: await store.listPermissions(sessionId),
      client,
      grants: client ? await store.listClientGrants(client.id) : [],
      capability,
      now: env.now(),
    });
    if (!allowed.ok) {
      await refuse(session, tech, CLIENT_CAPABILITY_WORDS[capability], allowed.message);
      return allowed;
    }
    return ok({ session, client: allowed.value });
  };

  return {
    /** The session's newest support client and its grants, or null. */
    async status(tech: Technician, p: P<'client:status'>): Promise<Result<SupportClientView | null>> {
      const found = await access(tech, p.sessionId);
      if (!found.ok) return found;
      const client = await store.findLatestSupportClient(p.sessionId);
      return ok(client ? supportClientView(client, await store.listClientGrants(client.id)) : null);
    },

    /** E-5: asks the visitor, in the client, for a capability. */
    async requestGrant(tech: Technician, p: P<'client:grant-request'>): Promise<Result<ClientGrantView>> {
      const found = await access(tech, p.sessionId);
      if (!found.ok) return found;
      const client = await store.findLiveSupportClient(p.sessionId);
      const channel = await store.findChannelById(found.value.channelId);
      const asked = requestClientGrant({
        session: found.value,
        permissions: await store.listPermissions(p.sessionId),
        client,
        technician: { id: tech.id, name: tech.name },
        capability: p.capability,
        organisation: channel?.name ?? 'Support',
        existing: client ? await store.listClientGrants(client.id) : [],
        id: env.id(),
        now: env.now(),
      });
      if (!asked.ok) return asked;
      const view = clientGrantView(asked.value.grant);
      if (asked.value.created) {
        await store.insertClientGrant(asked.value.grant);
        relay.send(view.clientId, 'grant:requested', view);
        await feed.log(found.value, actorOf(tech), 'client.requested', CLIENT_CAPABILITY_WORDS[p.capability]);
        await announce(view.clientId);
      }
      return ok(view);
    },

    /**
     * E-13: asks the visitor, in the client, to restart it with administrator rights; the client gets
     * a fresh single-use ticket to rejoin with. Pointless for a client that already has them.
     */
    async requestElevation(tech: Technician, p: P<'client:elevation-request'>): Promise<Result<null>> {
      const found = await access(tech, p.sessionId);
      if (!found.ok) return found;
      const session = found.value;
      if (session.ownerId !== tech.id && !session.participantIds.includes(tech.id)) {
        return fail('forbidden', 'Only technicians in this session may use its support client.');
      }
      const client = await store.findLiveSupportClient(p.sessionId);
      if (!client) return fail('not_found', 'No support client is connected to this session.');
      if (client.elevated) return fail('invalid_payload', 'The support client already runs with administrator rights.');
      const now = env.now();
      const allowed = mayIssueTicket(session, await store.listPermissions(session.id), now);
      if (!allowed.ok) return allowed;
      await store.revokeEscalationTickets(session.id, now);
      const token = env.token();
      // The code is never shown: the restarted client redeems the token.
      for (let attempt = 0; attempt < 5; attempt++) {
        const code = env.digits(ESCALATION_CODE_DIGITS);
        try {
          await store.insertEscalationTicket(
            newTicket({ id: env.id(), sessionId: session.id, tokenHash: env.hashToken(token), code, now }),
          );
        } catch {
          continue;
        }
        const channel = await store.findChannelById(session.channelId);
        relay.send(client.id, 'elevation:requested', {
          requestedBy: { id: tech.id, name: tech.name },
          organisation: channel?.name ?? 'Support',
          token,
        });
        await feed.log(session, actorOf(tech), 'client.elevation_requested');
        return ok(null);
      }
      return fail('internal', 'Could not make a ticket; please retry.');
    },

    /** E-7: opens a shell on the client. */
    async shellOpen(tech: Technician, p: P<'client:shell-open'>): Promise<Result<{ shellId: string }>> {
      const use = await using(tech, p.sessionId, 'shell');
      if (!use.ok) return use;
      const shellId = env.id();
      await traffic.opened({ shellId, sessionId: p.sessionId, clientId: use.value.client.id });
      relay.send(use.value.client.id, 'shell:open', { shellId, cols: p.cols, rows: p.rows });
      await feed.log(use.value.session, actorOf(tech), 'client.shell_opened');
      return ok({ shellId });
    },

    /** E-7, E-9: keystrokes; each completed command line goes to the activity log. */
    async shellInput(tech: Technician, p: P<'client:shell-input'>): Promise<Result<null>> {
      const use = await using(tech, p.sessionId, 'shell');
      if (!use.ok) return use;
      relay.send(use.value.client.id, 'shell:input', { shellId: p.shellId, data: p.data });
      const typed = await traffic.typed(p.shellId, p.data);
      if (typed.previousOutput)
        await feed.log(use.value.session, { kind: 'system' }, 'client.shell_output', describeOutput(typed.previousOutput));
      for (const line of typed.lines) await feed.log(use.value.session, actorOf(tech), 'client.shell_input', line);
      return ok(null);
    },

    /**
     * E-15: the console (or the client) came back: the client sends the shell's output after
     * `afterSeq` again, and the console drops what it already showed. `alive` is false once the
     * shell ended on the client.
     */
    async shellAttach(tech: Technician, p: P<'client:shell-attach'>): Promise<Result<{ alive: boolean }>> {
      const use = await using(tech, p.sessionId, 'shell');
      if (!use.ok) return use;
      const r = await relay.ask<{ alive: boolean }>(use.value.client.id, 'shell:replay', { shellId: p.shellId, afterSeq: p.afterSeq });
      return r.ok ? ok({ alive: r.value.alive === true }) : fail('not_found', r.message);
    },

    /** The console's terminal changed size. */
    async shellResize(tech: Technician, p: P<'client:shell-resize'>): Promise<Result<null>> {
      const use = await using(tech, p.sessionId, 'shell');
      if (!use.ok) return use;
      relay.send(use.value.client.id, 'shell:resize', { shellId: p.shellId, cols: p.cols, rows: p.rows });
      return ok(null);
    },

    /** E-8: starts sending a file; the client must accept it before chunks flow. */
    async fileSend(tech: Technician, p: P<'client:file-send'>): Promise<Result<{ transferId: string }>> {
      const use = await using(tech, p.sessionId, 'files');
      if (!use.ok) return use;
      const transferId = env.id();
      const accepted = await relay.ask(use.value.client.id, 'file:offer', { transferId, name: p.name, size: p.size });
      if (!accepted.ok) {
        await refuse(use.value.session, tech, `send ${p.name}`, accepted.message);
        return fail('invalid_payload', `The support client did not accept the file: ${accepted.message}`);
      }
      await transfers.open({
        id: transferId,
        sessionId: p.sessionId,
        clientId: use.value.client.id,
        direction: 'to-client',
        name: p.name,
        size: p.size,
        technician: { id: tech.id, name: tech.name },
      });
      return ok({ transferId });
    },

    /** E-8: one chunk, in order; answered once the client wrote it, which paces the sender. */
    async fileChunk(tech: Technician, p: P<'client:file-chunk'>): Promise<Result<null>> {
      const use = await using(tech, p.sessionId, 'files');
      if (!use.ok) {
        await transfers.drop(p.transferId);
        return use;
      }
      const accepted = await transfers.chunk(p.transferId, use.value.client.id, 'to-client', p.index, p.data, p.last);
      if (!accepted.ok) return accepted;
      const written = await relay.ask(use.value.client.id, 'file:data', {
        transferId: p.transferId,
        index: p.index,
        data: p.data,
        last: p.last,
      });
      const t = accepted.value.transfer;
      if (!written.ok) {
        await transfers.drop(p.transferId);
        await feed.log(use.value.session, { kind: 'system' }, 'client.file_failed', `${t.name}: ${written.message}`);
        return fail('invalid_payload', `The support client could not write the file: ${written.message}`);
      }
      if (accepted.value.finished) await feed.log(use.value.session, actorOf(tech), 'client.file_sent', `${t.name} (${t.size} bytes)`);
      return ok(null);
    },

    /** E-8: asks the client for a file; its chunks then come as `client:file-chunk` facts. */
    async fileFetch(tech: Technician, p: P<'client:file-fetch'>): Promise<Result<{ transferId: string; name: string; size: number }>> {
      const use = await using(tech, p.sessionId, 'files');
      if (!use.ok) return use;
      const transferId = env.id();
      // Registered first: the client may start sending before its answer arrives here.
      await transfers.open({
        id: transferId,
        sessionId: p.sessionId,
        clientId: use.value.client.id,
        direction: 'from-client',
        name: p.path,
        size: -1,
        technician: { id: tech.id, name: tech.name },
      });
      const answer = await relay.ask<{ name: string; size: number }>(use.value.client.id, 'file:fetch', { transferId, path: p.path });
      if (!answer.ok) {
        await transfers.drop(transferId);
        await refuse(use.value.session, tech, `fetch ${p.path}`, answer.message);
        return fail('not_found', `The support client could not send the file: ${answer.message}`);
      }
      // E-21: the chunks may all have reached another server process already; then this one logs it.
      const finished = await transfers.describe(transferId, answer.value.name, answer.value.size);
      if (finished?.complete) {
        const t = finished.transfer;
        await feed.log(use.value.session, actorOf(tech), 'client.file_fetched', `${t.name} (${t.size} bytes)`);
      } else if (finished) {
        const message = `The file ended after ${finished.transfer.bytes} of ${finished.transfer.size} bytes.`;
        await feed.log(use.value.session, { kind: 'system' }, 'client.file_failed', `${answer.value.name}: ${message}`);
        relay.consoles(audienceOf(use.value.session, false), 'client:file-failed', { sessionId: p.sessionId, transferId, message });
      }
      return ok({ transferId, ...answer.value });
    },
  };
}

/** The console's support-client service. */
export type ClientDesk = ReturnType<typeof clientDesk>;
