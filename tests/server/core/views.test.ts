import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Message, Session } from '../../../server/core/model.js';
import type { SessionListRow } from '../../../server/core/ports.js';
import { messageView, sessionSummary, sessionView, visitorLabel } from '../../../server/core/views.js';

const session: Session = {
  id: 's1',
  channelId: 'c1',
  visitorId: '3f2a9c1e-0000-4000-8000-000000000000',
  status: 'active',
  ownerId: 't1',
  lastSeq: 2,
  createdAt: 10,
  updatedAt: 20,
};

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

  test('sessionView names the owner and hides the visitor id behind a label', () => {
    assert.deepEqual(sessionView(session, 'Ada'), {
      id: 's1',
      channelId: 'c1',
      status: 'active',
      visitorLabel: 'Visitor 3F2A',
      owner: { id: 't1', name: 'Ada' },
      lastSeq: 2,
      createdAt: 10,
      updatedAt: 20,
    });
  });

  test('sessionView has no owner when nobody owns the session, and a fallback name when unknown', () => {
    assert.equal(sessionView({ ...session, ownerId: null }, 'Ada').owner, null);
    assert.deepEqual(sessionView(session, null).owner, { id: 't1', name: 'Technician' });
  });

  test('sessionSummary adds channel, last message and unread count', () => {
    const row: SessionListRow = { session, channelName: 'Website', ownerName: 'Ada', lastMessage: message, unread: 4 };
    assert.deepEqual(sessionSummary(row), {
      ...sessionView(session, 'Ada'),
      channelName: 'Website',
      lastMessage: { text: 'Hello', authorKind: 'technician', createdAt: 15 },
      unread: 4,
    });
  });

  test('sessionSummary of a session without messages has no last message', () => {
    const row: SessionListRow = {
      session: { ...session, lastSeq: 0 },
      channelName: 'Website',
      ownerName: null,
      lastMessage: null,
      unread: 0,
    };
    const summary = sessionSummary(row);
    assert.equal(summary.lastMessage, null);
    assert.equal(summary.unread, 0);
  });
});
