/**
 * Records for the store contract. Every helper makes fresh ids, so tests sharing one store never
 * see each other's rows.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Channel, Session, Technician, Visitor } from '../../../../server/core/model.js';
import type { NewMessage, Store } from '../../../../server/core/ports.js';

/** A timestamp past 2^32, so a store that truncates bigints fails. */
export const T0 = 1_700_000_000_000;

/** One hour in milliseconds: the default expiration of seeded sessions. */
export const HOUR = 3_600_000;

/** A fresh id with a readable prefix. */
export const uid = (prefix: string): string => `${prefix}-${randomUUID()}`;

/** A technician with a unique email. */
export function makeTechnician(over: Partial<Technician> = {}): Technician {
  const id = uid('tech');
  return { id, email: `${id}@test.local`, name: 'Ada', role: 'technician', passwordHash: 'argon2id$fake', createdAt: T0, ...over };
}

/** Stores and returns a new technician. */
export async function seedTechnician(store: Store, over: Partial<Technician> = {}): Promise<Technician> {
  const t = makeTechnician(over);
  await store.insertTechnician(t);
  return t;
}

/** Stores and returns a new channel (60 minutes expiration, no allowed origins unless given). */
export async function seedChannel(store: Store, name = 'Website', over: Partial<Channel> = {}): Promise<Channel> {
  const id = uid('chan');
  const c: Channel = {
    id,
    key: `k${randomUUID().slice(0, 8)}`,
    name,
    createdAt: T0,
    expirationMinutes: 60,
    allowedOrigins: [],
    siteUrl: '',
    downloadLinks: {},
    attachmentMaxBytes: 10 * 1024 * 1024,
    ...over,
  };
  await store.insertChannel(c);
  return c;
}

/** Stores and returns a new visitor of `channelId`. */
export async function seedVisitor(store: Store, channelId: string): Promise<Visitor> {
  const v: Visitor = { id: uid('vis'), channelId, tokenHash: uid('hash'), createdAt: T0 };
  await store.insertVisitor(v);
  return v;
}

let pinCounter = randomInt(900_000);

/** A 6-digit PIN no other call in this run returned (live PINs are unique in the whole store). */
export function uniquePin(): string {
  pinCounter = (pinCounter + 1) % 900_000;
  return String(100_000 + pinCounter);
}

/** Stores a session (with a new channel and visitor unless given) and returns all three. */
export async function seedSession(
  store: Store,
  over: Partial<Session> & { channel?: Channel; visitor?: Visitor } = {},
): Promise<{ channel: Channel; visitor: Visitor; session: Session }> {
  const { channel: givenChannel, visitor: givenVisitor, ...fields } = over;
  const channel = givenChannel ?? (await seedChannel(store));
  const visitor = givenVisitor ?? (await seedVisitor(store, channel.id));
  const session: Session = {
    id: uid('sess'),
    channelId: channel.id,
    visitorId: visitor.id,
    status: 'in_queue',
    origin: 'visitor',
    ownerId: null,
    participantIds: [],
    createdBy: null,
    inviteToken: null,
    pin: null,
    lastSeq: 0,
    createdAt: T0,
    updatedAt: T0,
    expiresAt: T0 + HOUR,
    deletedAt: null,
    ...fields,
  };
  await store.insertSession(session);
  return { channel, visitor, session };
}

/** A visitor's message to append; `seq` comes from the store. */
export function visitorMessage(sessionId: string, text: string, over: Partial<NewMessage> = {}): NewMessage {
  return { id: uid('msg'), sessionId, clientId: uid('c'), author: { kind: 'visitor' }, text, createdAt: T0 + 1000, ...over };
}

/** A technician's message to append. */
export function technicianMessage(sessionId: string, tech: Technician, text: string, over: Partial<NewMessage> = {}): NewMessage {
  return visitorMessage(sessionId, text, { author: { kind: 'technician', id: tech.id, name: tech.name }, ...over });
}

/** Appends messages one after the other, in order. */
export async function appendAll(store: Store, messages: NewMessage[]): Promise<void> {
  for (const m of messages) await store.appendMessage(m);
}
