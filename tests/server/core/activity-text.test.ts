import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SessionAction } from '../../../src/protocol/index.js';
import { CAPABILITY_WORDS, describe as sentence } from '../../../server/core/activity-text.js';
import { applyAction } from '../../../server/core/session-actions.js';
import { CAST, factsFor, ownedSession, queuedSession } from './action-fixtures.js';

/** Every verb the services log besides the actions' own. */
const SERVICE_VERBS = [
  'session.started',
  'session.created',
  'session.sos_code',
  'session.code_connected',
  'session.expired',
  'visitor.joined',
  'visitor.returned',
  'permission.requested',
  'permission.granted',
  'permission.denied',
  'permission.expired',
  'permission.revoked',
];

const ACTIONS: [() => ReturnType<typeof ownedSession>, SessionAction][] = [
  [queuedSession, { type: 'take' }],
  [ownedSession, { type: 'assign', technicianId: 't3' }],
  [ownedSession, { type: 'transfer', technicianId: 't3', stay: false }],
  [ownedSession, { type: 'transfer-channel', channelId: 'c2', stay: false }],
  [ownedSession, { type: 'invite', technicianId: 't3' }],
  [ownedSession, { type: 'remove', technicianId: 't2' }],
  [ownedSession, { type: 'release' }],
  [ownedSession, { type: 'close' }],
  [ownedSession, { type: 'delete' }],
  [ownedSession, { type: 'disconnect-visitor' }],
];

describe('activity sentences', () => {
  for (const [session, action] of ACTIONS) {
    test(`T-10: the verb of ${action.type} has its own sentence`, () => {
      const actor = action.type === 'take' ? CAST.member : CAST.owner;
      const r = applyAction(factsFor(session(), actor, action), action);
      assert.ok(r.ok);
      const text = sentence(r.value.verb, 'Ada', 'Grace');
      assert.notEqual(text, `Ada: ${r.value.verb}`, 'not the fallback');
      assert.match(text, /\.$/);
    });
  }

  for (const verb of SERVICE_VERBS) {
    test(`T-10: ${verb} has its own sentence`, () => {
      assert.notEqual(sentence(verb, 'Ada', 'view the page'), `Ada: ${verb}`);
    });
  }

  test('T-10: sentences name who did it and to whom', () => {
    assert.equal(sentence('session.transferred', 'Ada', 'Grace'), 'Ada transferred the session to Grace.');
    assert.equal(
      sentence('permission.requested', 'Ada', CAPABILITY_WORDS.control),
      'Ada asked the visitor for permission to control the page.',
    );
  });

  test('an unknown verb falls back to the verb itself, so nothing is lost', () => {
    assert.equal(sentence('session.teleported', 'Ada'), 'Ada: session.teleported');
  });
});
