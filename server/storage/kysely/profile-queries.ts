/**
 * Channel profiles, session profiles, offline messages and verified users' visitors over Kysely.
 * Nested settings are stored as JSON text, read back with a fallback so one bad row cannot break a
 * channel.
 */
import type { Kysely, Selectable } from 'kysely';
import type { IdentityView } from '../../../src/protocol/index.js';
import type { Visitor } from '../../core/model.js';
import type { OfflineMessage, ProfileStore } from '../../core/profile-model.js';
import { isUniqueViolation } from '../rows.js';
import type { Database, OfflineMessagesTable } from '../schema.js';

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function toOfflineMessage(r: Selectable<OfflineMessagesTable>): OfflineMessage {
  return {
    id: r.id,
    channelId: r.channel_id,
    visitorId: r.visitor_id,
    name: r.name,
    email: r.email,
    message: r.message,
    fields: parseJson<Record<string, string>>(r.fields, {}),
    identity: parseJson<IdentityView | null>(r.identity, null),
    createdAt: Number(r.created_at),
    ticketId: r.ticket_id,
  };
}

/** The {@link ProfileStore} part of the store. */
export function profileQueries(db: Kysely<Database>): ProfileStore {
  const userVisitor = async (ex: Kysely<Database>, channelId: string, userId: string): Promise<Visitor | undefined> => {
    const r = await ex
      .selectFrom('user_visitors as u')
      .innerJoin('visitors as v', 'v.id', 'u.visitor_id')
      .select(['v.id as id', 'v.channel_id as channel_id', 'v.token_hash as token_hash', 'v.created_at as created_at'])
      .where('u.channel_id', '=', channelId)
      .where('u.user_id', '=', userId)
      .executeTakeFirst();
    return r && { id: r.id, channelId: r.channel_id, tokenHash: r.token_hash, createdAt: Number(r.created_at) };
  };

  return {
    async findChannelProfile(channelId) {
      const r = await db.selectFrom('channel_profiles').selectAll().where('channel_id', '=', channelId).executeTakeFirst();
      if (!r) return undefined;
      return {
        channelId: r.channel_id,
        prechat: JSON.parse(r.prechat) as never,
        hours: JSON.parse(r.hours) as never,
        identitySecret: r.identity_secret,
        updatedAt: Number(r.updated_at),
      };
    },
    async saveChannelProfile(p) {
      const row = {
        prechat: JSON.stringify(p.prechat),
        hours: JSON.stringify(p.hours),
        identity_secret: p.identitySecret,
        updated_at: p.updatedAt,
      };
      await db
        .insertInto('channel_profiles')
        .values({ channel_id: p.channelId, ...row })
        .onConflict((oc) => oc.column('channel_id').doUpdateSet(row))
        .execute();
    },

    async findSessionProfile(sessionId) {
      const r = await db.selectFrom('session_profiles').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
      if (!r) return undefined;
      return {
        sessionId: r.session_id,
        prechat: parseJson<Record<string, string>>(r.prechat, {}),
        identity: parseJson<IdentityView | null>(r.identity, null),
        updatedAt: Number(r.updated_at),
      };
    },
    async saveSessionProfile(p) {
      const row = { prechat: JSON.stringify(p.prechat), identity: p.identity ? JSON.stringify(p.identity) : null, updated_at: p.updatedAt };
      await db
        .insertInto('session_profiles')
        .values({ session_id: p.sessionId, ...row })
        .onConflict((oc) => oc.column('session_id').doUpdateSet(row))
        .execute();
    },

    async insertOfflineMessage(m) {
      await db
        .insertInto('offline_messages')
        .values({
          id: m.id,
          channel_id: m.channelId,
          visitor_id: m.visitorId,
          name: m.name,
          email: m.email,
          message: m.message,
          fields: JSON.stringify(m.fields),
          identity: m.identity ? JSON.stringify(m.identity) : null,
          created_at: m.createdAt,
          ticket_id: m.ticketId,
        })
        .execute();
    },
    async listOfflineMessages(channelIds, limit) {
      if (channelIds.length === 0) return [];
      const rows = await db
        .selectFrom('offline_messages')
        .selectAll()
        .where('channel_id', 'in', channelIds)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toOfflineMessage);
    },

    findUserVisitor: (channelId, userId) => userVisitor(db, channelId, userId),
    async bindUserVisitor(channelId, userId, visitor) {
      try {
        // One transaction: the visitor row exists only if the binding does.
        return await db.transaction().execute(async (trx) => {
          const bound = await userVisitor(trx, channelId, userId);
          if (bound) return bound;
          await trx
            .insertInto('visitors')
            .values({ id: visitor.id, channel_id: visitor.channelId, token_hash: visitor.tokenHash, created_at: visitor.createdAt })
            .execute();
          await trx.insertInto('user_visitors').values({ channel_id: channelId, user_id: userId, visitor_id: visitor.id }).execute();
          return visitor;
        });
      } catch (e) {
        // Another device bound the user first.
        const bound = isUniqueViolation(e) ? await userVisitor(db, channelId, userId) : undefined;
        if (bound) return bound;
        throw e;
      }
    },
  };
}
