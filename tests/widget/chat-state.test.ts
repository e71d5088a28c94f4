import { expect } from '@open-wc/testing';
import type { MessageView, PermissionView, SessionView } from '../../src/protocol/views.js';
import { contiguousSeq, initialChatState, lastSeq, mergeMessages, reduce, unreadCount } from '../../src/session/chat-state.js';
import { grantedPermissions, promptedPermission } from '../../src/session/permissions.js';

const session = { id: 's1' } as SessionView;
const msg = (seq: number, sessionId = 's1', clientId = `c${seq}`): MessageView => ({
  id: `m${seq}`,
  sessionId,
  seq,
  clientId,
  author: { kind: 'technician', id: 't', name: 'T' },
  text: `#${seq}`,
  createdAt: seq,
});

describe('chat state', () => {
  it('M-2: merges messages by seq, each once, whatever the arrival order', () => {
    const merged = mergeMessages([msg(1), msg(3)], [msg(2), msg(3), msg(1)]);
    expect(merged.map((m) => m.seq)).to.deep.equal([1, 2, 3]);
  });

  it('drops a pending message once the server confirms its client id', () => {
    let s = reduce(initialChatState, { type: 'session', session });
    s = reduce(s, { type: 'queued', clientId: 'c7', text: 'hi' });
    expect(s.pending).to.have.length(1);
    s = reduce(s, { type: 'messages', messages: [msg(7, 's1', 'c7')] });
    expect(s.pending).to.have.length(0);
    expect(lastSeq(s)).to.equal(7);
  });

  it('ignores messages of another session', () => {
    const s = reduce(reduce(initialChatState, { type: 'session', session }), { type: 'messages', messages: [msg(1, 'other')] });
    expect(s.messages).to.have.length(0);
  });

  it('counts unread technician messages after the read mark', () => {
    let s = reduce(initialChatState, { type: 'session', session });
    s = reduce(s, { type: 'messages', messages: [msg(1), msg(2)] });
    expect(unreadCount(s)).to.equal(2);
    s = reduce(s, { type: 'read' });
    expect(unreadCount(s)).to.equal(0);
  });

  const perm = (status: PermissionView['status'], expiresAt = 1000): PermissionView => ({
    id: 'p1',
    sessionId: 's1',
    capability: 'view',
    status,
    requestedBy: { id: 't', name: 'T' },
    organisation: 'O',
    requestedAt: 0,
    expiresAt,
    answeredAt: null,
  });

  it('never moves a permission back to an earlier stage', () => {
    let s = reduce(initialChatState, { type: 'session', session });
    s = reduce(s, { type: 'permissions', permissions: [perm('granted')] });
    s = reduce(s, { type: 'permissions', permissions: [perm('pending')] });
    expect(promptedPermission(s.permissions)).to.equal(null);
    s = reduce(s, { type: 'permissions', permissions: [perm('revoked')] });
    s = reduce(s, { type: 'permissions', permissions: [perm('granted')] });
    expect(grantedPermissions(s.permissions)).to.have.length(0);
  });

  it('expires a pending permission when the clock passes its deadline', () => {
    let s = reduce(initialChatState, { type: 'session', session });
    s = reduce(s, { type: 'permissions', permissions: [perm('pending', 1000)] });
    s = reduce(s, { type: 'clock', now: 999 });
    expect(promptedPermission(s.permissions)?.id).to.equal('p1');
    s = reduce(s, { type: 'clock', now: 1000 });
    expect(promptedPermission(s.permissions)).to.equal(null);
    expect(s.permissions[0].status).to.equal('expired');
  });

  it('keeps showing why the connection stopped when the socket then reports offline', () => {
    let s = reduce(initialChatState, { type: 'stopped', message: 'bye' });
    s = reduce(s, { type: 'offline' });
    expect(s.connection).to.equal('stopped');
    s = reduce(s, { type: 'connecting' });
    expect(s.stopMessage).to.equal(null);
  });

  it('starting over forgets the ended session but keeps unsent text', () => {
    let s = reduce(initialChatState, { type: 'session', session: { ...session, status: 'closed' } });
    s = reduce(s, { type: 'messages', messages: [msg(1)] });
    s = reduce(s, { type: 'queued', clientId: 'c9', text: 'still there?' });
    s = reduce(s, { type: 'restart' });
    expect(s.session).to.equal(null);
    expect(s.messages).to.have.length(0);
    expect(s.pending.map((p) => p.text)).to.deep.equal(['still there?']);
  });

  it('puts messages restored from the outbox before those typed since, each once', () => {
    let s = reduce(initialChatState, { type: 'session', session });
    s = reduce(s, { type: 'messages', messages: [msg(1, 's1', 'c-confirmed')] });
    s = reduce(s, { type: 'queued', clientId: 'c-new', text: 'typed after load' });
    s = reduce(s, {
      type: 'restored',
      messages: [
        { clientId: 'c-confirmed', text: 'already stored' },
        { clientId: 'c-old', text: 'typed before the reload' },
        { clientId: 'c-new', text: 'typed after load' },
      ],
    });
    expect(s.pending.map((p) => p.clientId)).to.deep.equal(['c-old', 'c-new']);
  });

  it('M-1: an answer from a session no longer shown still confirms its pending message', () => {
    let s = reduce(initialChatState, { type: 'session', session });
    s = reduce(s, { type: 'queued', clientId: 'c7', text: 'sent before joining another session' });
    s = reduce(s, { type: 'messages', messages: [msg(1, 's-other', 'c7')] });
    expect(s.pending).to.have.length(0);
    expect(s.messages).to.have.length(0);
  });

  it('M-2: catching up starts after the last seq without a gap', () => {
    let s = reduce(initialChatState, { type: 'session', session });
    expect(contiguousSeq(s)).to.equal(0);
    s = reduce(s, { type: 'messages', messages: [msg(1), msg(2), msg(5)] });
    expect(lastSeq(s)).to.equal(5);
    expect(contiguousSeq(s)).to.equal(2);
  });
});
