/**
 * Plain records for the pure core tests: a channel and a session with every field set, changed by
 * what each test passes.
 */
import type { Channel, Permission, Session } from '../../../server/core/model.js';

/** A fixed time past 2^32 ms, so nothing depends on the real clock. */
export const T0 = 1_700_000_000_000;

/** One minute, for readable deadlines. */
export const MINUTE = 60_000;

/** Channel `c1`, 60 minutes expiration, no allowed origins. */
export function makeChannel(over: Partial<Channel> = {}): Channel {
  return {
    id: 'c1',
    key: 'website',
    name: 'Website',
    createdAt: T0,
    expirationMinutes: 60,
    allowedOrigins: [],
    siteUrl: '',
    downloadLinks: {},
    attachmentMaxBytes: 10 * 1024 * 1024,
    ...over,
  };
}

/** Session `s1` of channel `c1` and visitor `v1`, in queue, unowned, expiring an hour after T0. */
export function makeSession(over: Partial<Session> = {}): Session {
  return {
    id: 's1',
    channelId: 'c1',
    visitorId: 'v1',
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
    expiresAt: T0 + 60 * MINUTE,
    deletedAt: null,
    ...over,
  };
}

/** A pending request for `view` by technician `t1`, asked at T0. */
export function makePermission(over: Partial<Permission> = {}): Permission {
  return {
    id: 'p1',
    sessionId: 's1',
    capability: 'view',
    status: 'pending',
    requestedBy: { id: 't1', name: 'Ada' },
    organisation: 'Website',
    requestedAt: T0,
    expiresAt: T0 + 30_000,
    answeredAt: null,
    ...over,
  };
}
