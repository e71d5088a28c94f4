import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Message, Session } from '../../../server/core/model.js';
import type { SessionListRow } from '../../../server/core/ports.js';
import { messageView, sessionFact, sessionSummary, sessionView, visitorLabel } from '../../../server/core/views.js';
import { makeSession } from './fixtures.js';

const session: Session = makeSession({
  visitorId: '3f2a9c1e-0000-4000-8000-000000000000',
  status: 'active',
  ownerId: 't1',
  participantIds: ['t2'],
  inviteToken: 'secret-token',
  pin: '123456',
  lastSeq: 2,
  createdAt: 10,
  updatedAt: 20,
  expiresAt: 30,
});

const message: Message = {
  id: 'm2',
  sessionId: 's1',
  seq: 2,
  clientId: 'client-0002',
  author: { kind: 'technician', id: 't1', name: 'Ada' },
  text: 'Hello',
  createdAt: 15,
};

describe('views', () => {
  const labels: [string | null, string][] = [
    [null, 'Visitor'],
    ['3f2a9c1e-0000', 'Visitor 3F2A'],
    ['a-b_c-d-e', 'Visitor ABCD'],
    ['x1', 'Visitor X1'],
  ];
  for (const [id, label] of labels) {
    test(`visitorLabel(${JSON.stringify(id)}) is "${label}"`, () => {
      assert.equal(visitorLabel(id), label);
    });
  }

  test('messageView copies the wire fields of a message and nothing else', () => {
    const extra = { ...message, secret: 'x' } as Message;
    assert.deepEqual(messageView(extra), message);
  });

  test('sessionView names the owner and participants, and hides the visitor id and the secrets', () => {
    assert.deepEqual(sessionView(session, { t1: 'Ada', t2: 'Grace' }), {
      id: 's1',
      channelId: 'c1',
      status: 'active',
      origin: 'visitor',
      visitorLabel: 'Visitor 3F2A',
      owner: { id: 't1', name: 'Ada' },
      participants: [{ id: 't2', name: 'Grace' }],
      lastSeq: 2,
      createdAt: 10,
      updatedAt: 20,
      expiresAt: 30,
    });
  });

  test('sessionView has no owner when nobody owns the session, and a fallback name when unknown', () => {
    assert.equal(sessionView({ ...session, ownerId: null }, { t1: 'Ada' }).owner, null);
    assert.deepEqual(sessionView(session, {}).owner, { id: 't1', name: 'Technician' });
    assert.deepEqual(sessionView(session, {}).participants, [{ id: 't2', name: 'Technician' }]);
  });

  test('sessionFact is the session view with its channel name', () => {
    assert.deepEqual(sessionFact(session, { t1: 'Ada' }, 'Billing'), { ...sessionView(session, { t1: 'Ada' }), channelName: 'Billing' });
  });

  test('sessionSummary adds channel, last message and unread count', () => {
    const names = { t1: 'Ada', t2: 'Grace' };
    const row: SessionListRow = { session, channelName: 'Website', names, lastMessage: message, unread: 4 };
    assert.deepEqual(sessionSummary(row), {
      ...sessionView(session, names),
      channelName: 'Website',
      lastMessage: { text: 'Hello', authorKind: 'technician', createdAt: 15 },
      unread: 4,
    });
  });

  test('sessionSummary of a session without messages has no last message', () => {
    const row: SessionListRow = {
      session: { ...session, lastSeq: 0 },
      channelName: 'Website',
      names: {},
      lastMessage: null,
      unread: 0,
    };
    const summary = sessionSummary(row);
    assert.equal(summary.lastMessage, null);
    assert.equal(summary.unread, 0);
  });
});
