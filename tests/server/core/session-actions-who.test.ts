import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ErrorCode, SessionAction } from '../../../src/protocol/index.js';
import type { Session } from '../../../server/core/model.js';
import { applyAction } from '../../../server/core/session-actions.js';
import { CAST, factsFor, ownedSession, queuedSession, type Role } from './action-fixtures.js';

type Who = keyof typeof CAST;
/** Per actor: 'ok' or the error code. */
type Expect = Partial<Record<Who, 'ok' | ErrorCode>>;

const OWNED: [string, SessionAction, Expect][] = [
  [
    'T-1',
    { type: 'take' },
    { owner: 'forbidden', participant: 'forbidden', member: 'forbidden', admin: 'forbidden', outsider: 'forbidden' },
  ],
  ['T-2', { type: 'assign', technicianId: 't3' }, { owner: 'ok', admin: 'ok', participant: 'forbidden', outsider: 'forbidden' }],
  ['T-2', { type: 'assign', technicianId: 't2' }, { owner: 'ok', admin: 'ok', member: 'forbidden' }],
  [
    'T-3',
    { type: 'transfer', technicianId: 't3', stay: false },
    { owner: 'ok', participant: 'forbidden', member: 'forbidden', admin: 'forbidden', outsider: 'forbidden' },
  ],
  [
    'T-3',
    { type: 'transfer-channel', channelId: 'c2', stay: false },
    { owner: 'ok', participant: 'forbidden', member: 'forbidden', admin: 'forbidden', outsider: 'forbidden' },
  ],
  [
    'T-4',
    { type: 'invite', technicianId: 't3' },
    { owner: 'ok', participant: 'forbidden', member: 'forbidden', admin: 'forbidden', outsider: 'forbidden' },
  ],
  [
    'T-5',
    { type: 'remove', technicianId: 't2' },
    { owner: 'ok', participant: 'forbidden', member: 'forbidden', admin: 'forbidden', outsider: 'forbidden' },
  ],
  ['T-7', { type: 'release' }, { owner: 'ok', admin: 'ok', participant: 'forbidden', member: 'forbidden', outsider: 'forbidden' }],
  ['T-8', { type: 'close' }, { owner: 'ok', admin: 'ok', participant: 'forbidden', member: 'forbidden', outsider: 'forbidden' }],
  ['T-8', { type: 'delete' }, { owner: 'ok', admin: 'ok', participant: 'forbidden', member: 'forbidden', outsider: 'forbidden' }],
  [
    'S-9',
    { type: 'disconnect-visitor' },
    { owner: 'ok', participant: 'forbidden', member: 'forbidden', admin: 'forbidden', outsider: 'forbidden' },
  ],
];

const UNOWNED: [string, SessionAction, Expect][] = [
  ['T-1', { type: 'take' }, { member: 'ok', owner: 'ok', admin: 'ok', outsider: 'forbidden' }],
  ['T-2', { type: 'assign', technicianId: 't3' }, { member: 'ok', admin: 'ok', outsider: 'forbidden' }],
  ['T-3', { type: 'transfer', technicianId: 't3', stay: false }, { member: 'forbidden', admin: 'forbidden' }],
  ['T-3', { type: 'transfer-channel', channelId: 'c2', stay: false }, { member: 'forbidden', owner: 'forbidden', admin: 'forbidden' }],
  ['T-4', { type: 'invite', technicianId: 't3' }, { member: 'forbidden', admin: 'forbidden' }],
  ['T-7', { type: 'release' }, { member: 'invalid_payload', admin: 'invalid_payload' }],
  ['T-8', { type: 'close' }, { member: 'ok', admin: 'ok', outsider: 'forbidden' }],
  ['T-8', { type: 'delete' }, { member: 'ok', admin: 'ok', outsider: 'forbidden' }],
  ['S-9', { type: 'disconnect-visitor' }, { member: 'forbidden', admin: 'forbidden' }],
];

const label = (a: SessionAction) =>
  'technicianId' in a ? `${a.type} to ${a.technicianId}` : 'channelId' in a ? `${a.type} to ${a.channelId}` : a.type;

function runTable(what: string, session: () => Session, table: [string, SessionAction, Expect][]) {
  for (const [rule, action, expected] of table) {
    for (const [who, outcome] of Object.entries(expected) as [Who, string][]) {
      test(`${rule}: on ${what}, ${label(action)} by the ${who} is ${outcome === 'ok' ? 'allowed' : `refused (${outcome})`}`, () => {
        const actor: Role = CAST[who];
        const r = applyAction(factsFor(session(), actor, action), action);
        if (outcome === 'ok') assert.equal(r.ok, true, r.ok ? '' : `${r.error}: ${r.message}`);
        else assert.equal(!r.ok && r.error, outcome);
      });
    }
  }
}

describe('who may act on a session', () => {
  describe('an active session owned by t1 with t2 taking part', () => runTable('an owned session', () => ownedSession(), OWNED));
  describe('a session in queue nobody owns', () => runTable('an unowned session', () => queuedSession(), UNOWNED));

  test('T-2, T-3, T-4: the target must be a member of the channel (invalid_payload otherwise)', () => {
    for (const action of [
      { type: 'assign', technicianId: 't9' },
      { type: 'transfer', technicianId: 't9', stay: false },
      { type: 'invite', technicianId: 't9' },
    ] as const) {
      const r = applyAction(factsFor(ownedSession(), CAST.owner, action), action);
      assert.equal(!r.ok && r.error, 'invalid_payload', action.type);
    }
  });

  test('T-3: the owner may only move a session to a channel they belong to; an admin owner to any', () => {
    const action = { type: 'transfer-channel', channelId: 'c7', stay: false } as const;
    const mine = applyAction(factsFor(ownedSession(), CAST.owner, action), action);
    assert.equal(!mine.ok && mine.error, 'forbidden');
    const asAdmin = applyAction(factsFor(ownedSession({ ownerId: 'a1' }), CAST.admin, action), action);
    assert.equal(asAdmin.ok, true);
  });

  const pointless: [string, SessionAction][] = [
    ['T-2: assigning to the owner', { type: 'assign', technicianId: 't1' }],
    ['T-3: transferring to oneself', { type: 'transfer', technicianId: 't1', stay: true }],
    ['T-3: transferring to the same channel', { type: 'transfer-channel', channelId: 'c1', stay: false }],
    ['T-4: inviting the owner', { type: 'invite', technicianId: 't1' }],
    ['T-4: inviting a participant again', { type: 'invite', technicianId: 't2' }],
    ['T-5: removing someone who does not take part', { type: 'remove', technicianId: 't3' }],
  ];
  for (const [what, action] of pointless) {
    test(`${what} is invalid_payload`, () => {
      const r = applyAction(factsFor(ownedSession(), CAST.owner, action), action);
      assert.equal(!r.ok && r.error, 'invalid_payload');
    });
  }

  test('S-9: the visitor of a session nobody joined yet cannot be disconnected (invalid_payload)', () => {
    const action = { type: 'disconnect-visitor' } as const;
    const r = applyAction(factsFor(ownedSession({ status: 'waiting', visitorId: null }), CAST.owner, action), action);
    assert.equal(!r.ok && r.error, 'invalid_payload');
  });
});
