import { expect } from '@open-wc/testing';
import type { MessageView, SessionView } from '../../src/protocol/views.js';
import { initialChatState, lastSeq, mergeMessages, reduce, unreadCount } from '../../src/session/chat-state.js';

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
});
