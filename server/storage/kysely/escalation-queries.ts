/**
 * Escalation tickets, support clients and their grants over Kysely.
 */
import type { Kysely } from 'kysely';
import type { EscalationStore } from '../../core/escalation-model.js';
import {
  fromClientGrant,
  fromClientTransfer,
  fromSupportClient,
  fromTicket,
  toClientGrant,
  toClientTransfer,
  toSupportClient,
  toTicket,
} from '../escalation-schema.js';
import type { Database } from '../schema.js';
import { shellJournalQueries } from './shell-journal-queries.js';

/** The {@link EscalationStore} part of the store. */
export function escalationQueries(db: Kysely<Database>): EscalationStore {
  const latestClient = (sessionId: string) =>
    db
      .selectFrom('support_clients')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('connected_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1);

  return {
    async insertEscalationTicket(t) {
      await db.insertInto('escalation_tickets').values(fromTicket(t)).execute();
    },
    async findEscalationTicketByTokenHash(tokenHash) {
      const r = await db.selectFrom('escalation_tickets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return r && toTicket(r);
    },
    async findEscalationTicketByCode(code) {
      const r = await db.selectFrom('escalation_tickets').selectAll().where('code', '=', code).executeTakeFirst();
      return r && toTicket(r);
    },
    async useEscalationTicket(id, at) {
      const r = await db
        .updateTable('escalation_tickets')
        .set({ used_at: at, code: null })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async revokeEscalationTickets(sessionId, at) {
      await db
        .updateTable('escalation_tickets')
        .set({ revoked_at: at, code: null })
        .where('session_id', '=', sessionId)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute();
    },

    async insertSupportClient(c) {
      await db.insertInto('support_clients').values(fromSupportClient(c)).execute();
    },
    async findSupportClient(id) {
      const r = await db.selectFrom('support_clients').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toSupportClient(r);
    },
    async findLiveSupportClient(sessionId) {
      const r = await latestClient(sessionId).where('ended_at', 'is', null).executeTakeFirst();
      return r && toSupportClient(r);
    },
    async findLatestSupportClient(sessionId) {
      const r = await latestClient(sessionId).executeTakeFirst();
      return r && toSupportClient(r);
    },
    async setSupportClientSystem(id, system) {
      await db
        .updateTable('support_clients')
        .set({ system_info: JSON.stringify(system) })
        .where('id', '=', id)
        .execute();
    },
    async endSupportClient(id, at) {
      const r = await db
        .updateTable('support_clients')
        .set({ ended_at: at })
        .where('id', '=', id)
        .where('ended_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async insertClientGrant(g) {
      await db.insertInto('client_grants').values(fromClientGrant(g)).execute();
    },
    async findClientGrant(id) {
      const r = await db.selectFrom('client_grants').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toClientGrant(r);
    },
    async updateClientGrant(id, expected, next) {
      const r = await db
        .updateTable('client_grants')
        .set({ status: next.status, answered_at: next.answeredAt })
        .where('id', '=', id)
        .where('status', '=', expected)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async listClientGrants(clientId) {
      const rows = await db
        .selectFrom('client_grants')
        .selectAll()
        .where('client_id', '=', clientId)
        .orderBy('requested_at')
        .orderBy('id')
        .execute();
      return rows.map(toClientGrant);
    },

    async insertClientTransfer(t) {
      await db.insertInto('client_transfers').values(fromClientTransfer(t)).execute();
    },
    async findClientTransfer(id) {
      const r = await db.selectFrom('client_transfers').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toClientTransfer(r);
    },
    async advanceClientTransfer(id, index, bytes, last) {
      const r = await db
        .updateTable('client_transfers')
        .set({ next_index: index + 1, bytes, done: last ? 1 : 0 })
        .where('id', '=', id)
        .where('next_index', '=', index)
        .where('done', '=', 0)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async describeClientTransfer(id, name, size) {
      await db.updateTable('client_transfers').set({ name, size }).where('id', '=', id).where('size', '<', 0).execute();
    },
    async finishClientTransfer(id) {
      // The delete is the claim: of two processes finishing at once, one gets the row.
      const r = await db
        .deleteFrom('client_transfers')
        .where('id', '=', id)
        .where('done', '=', 1)
        .where('size', '>=', 0)
        .returningAll()
        .executeTakeFirst();
      return r && toClientTransfer(r);
    },
    async deleteClientTransfer(id) {
      const r = await db.deleteFrom('client_transfers').where('id', '=', id).returningAll().executeTakeFirst();
      return r && toClientTransfer(r);
    },
    async deleteClientTransfersOf(clientId) {
      await db.deleteFrom('client_transfers').where('client_id', '=', clientId).execute();
    },
    ...shellJournalQueries(db),
  };
}
