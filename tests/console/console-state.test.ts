import { expect } from '@open-wc/testing';
import { initialConsoleState, reduceConsole, type ConsoleEvent, type ConsoleState } from '../../demo/console/state/console-state.js';
import { activity, alex, message, permission, sam, session } from './fixtures.js';

const run = (...events: ConsoleEvent[]): ConsoleState => events.reduce(reduceConsole, initialConsoleState);
const details = (over: Partial<Parameters<typeof session>[0]> = {}) => ({
  session: session(over),
  activity: [activity('a-1', 10)],
  permissions: [permission({ id: 'p-1' })],
  invitation: null,
  visitorOnline: true,
  receipts: [],
});

describe('console state: session:removed', () => {
  it('drops the session and everything loaded for it', () => {
    const s = run(
      { type: 'listed', sessions: [session(), session({ id: 's-2' })] },
      { type: 'messages', sessionId: 's-1', messages: [message(1)] },
      { type: 'details', details: details() },
      { type: 'removed', sessionId: 's-1' },
    );
    expect([...s.sessions.keys()]).to.deep.equal(['s-2']);
    expect(s.messages.has('s-1')).to.equal(false);
    expect(s.activity.has('s-1')).to.equal(false);
    expect(s.permissions.has('s-1')).to.equal(false);
    expect(s.presence.has('s-1')).to.equal(false);
    expect(s.notice).to.equal(null, 'no notice for a session that was not open');
  });

  it('closes the open session with a notice naming the visitor', () => {
    const s = run({ type: 'listed', sessions: [session()] }, { type: 'select', sessionId: 's-1' }, { type: 'removed', sessionId: 's-1' });
    expect(s.selectedId).to.equal(null);
    expect(s.notice).to.contain('Visitor 3F2A');
  });

  it('ignores a late session:act ack for a session already removed', () => {
    const s = run({ type: 'listed', sessions: [session()] }, { type: 'removed', sessionId: 's-1' }, { type: 'acted', session: session() });
    expect(s.sessions.size).to.equal(0);
  });

  it('closes the open session when a fresh list no longer has it (removed while offline)', () => {
    const s = run({ type: 'listed', sessions: [session()] }, { type: 'select', sessionId: 's-1' }, { type: 'listed', sessions: [] });
    expect(s.selectedId).to.equal(null);
    expect(s.notice).to.be.a('string');
  });
});

describe('console state: session facts', () => {
  it('a session:updated fact changes owner and participants but keeps the unread count and last message', () => {
    const s = run(
      { type: 'listed', sessions: [session({ unread: 2, lastMessage: { text: 'hi', authorKind: 'visitor', createdAt: 5 } })] },
      { type: 'session', session: { ...session({ owner: sam, participants: [alex] }), channelName: 'Website' } },
    );
    const got = s.sessions.get('s-1')!;
    expect(got.owner).to.deep.equal(sam);
    expect(got.participants).to.deep.equal([alex]);
    expect(got.unread).to.equal(2);
    expect(got.lastMessage?.text).to.equal('hi');
  });

  it('session:create adds the session with its invitation', () => {
    const invitation = { link: 'https://example.com/?porthole=abc', pin: '123456' };
    const s = run({ type: 'created', created: { session: session({ status: 'waiting', origin: 'technician' }), invitation } });
    expect(s.sessions.get('s-1')?.status).to.equal('waiting');
    expect(s.invitations.get('s-1')).to.deep.equal(invitation);
  });
});

describe('console state: activity', () => {
  it('merges details and activity:created facts by id, oldest first, whatever the order', () => {
    const s = run(
      { type: 'activity', entry: activity('a-3', 30) },
      { type: 'details', details: { ...details(), activity: [activity('a-1', 10), activity('a-3', 30)] } },
      { type: 'activity', entry: activity('a-2', 20) },
      { type: 'activity', entry: activity('a-2', 20) },
    );
    expect(s.activity.get('s-1')!.map((a) => a.id)).to.deep.equal(['a-1', 'a-2', 'a-3']);
  });
});

describe('console state: permissions', () => {
  it('permission:updated moves a request from pending to granted', () => {
    const s = run(
      { type: 'details', details: details() },
      { type: 'permission', permission: permission({ status: 'granted', answeredAt: 5 }) },
    );
    expect(s.permissions.get('s-1')!.map((p) => p.status)).to.deep.equal(['granted']);
  });

  it('a stale pending copy (a details answer built before the fact) never takes an answer back', () => {
    const s = run(
      { type: 'permission', permission: permission({ status: 'denied' }) },
      { type: 'details', details: details() },
      { type: 'permission', permission: permission({ status: 'pending' }) },
    );
    expect(s.permissions.get('s-1')!.map((p) => p.status)).to.deep.equal(['denied']);
  });

  it('keeps several requests in request order, each once', () => {
    const s = run(
      { type: 'permission', permission: permission({ id: 'p-2', capability: 'control', requestedAt: 20 }) },
      { type: 'permission', permission: permission({ id: 'p-1', capability: 'view', requestedAt: 10, status: 'expired' }) },
      { type: 'permission', permission: permission({ id: 'p-2', capability: 'control', requestedAt: 20, status: 'revoked' }) },
    );
    expect(s.permissions.get('s-1')!.map((p) => `${p.id}:${p.status}`)).to.deep.equal(['p-1:expired', 'p-2:revoked']);
  });
});

describe('console state: presence', () => {
  it('takes visitorOnline from details, then follows presence:changed', () => {
    let s = run({ type: 'details', details: { ...details(), visitorOnline: false } });
    expect(s.presence.get('s-1')).to.equal(false);
    s = reduceConsole(s, { type: 'presence', sessionId: 's-1', visitorOnline: true });
    expect(s.presence.get('s-1')).to.equal(true);
  });
});

describe('console state: pages', () => {
  it('opening an admin page closes the open session, so nothing is marked read behind it', () => {
    const s = run(
      { type: 'listed', sessions: [session()] },
      { type: 'select', sessionId: 's-1' },
      { type: 'filter', filter: 'active' },
      { type: 'notice', text: 'Something happened.' },
      { type: 'navigate', page: { kind: 'admin-channels' } },
    );
    expect(s.selectedId).to.equal(null);
    expect(s.notice).to.equal(null);
    expect(s.filter).to.equal('all');
  });

  it('moving between Home and a channel keeps the open session', () => {
    const s = run(
      { type: 'listed', sessions: [session()] },
      { type: 'select', sessionId: 's-1' },
      { type: 'navigate', page: { kind: 'channel', channelId: 'ch-1' } },
    );
    expect(s.selectedId).to.equal('s-1');
  });

  it('unread counts stay per session and reset when opened', () => {
    let s = run({ type: 'listed', sessions: [session(), session({ id: 's-2', lastSeq: 0 })] });
    s = reduceConsole(s, { type: 'messages', sessionId: 's-2', messages: [message(1, 's-2'), message(2, 's-2')] });
    expect(s.sessions.get('s-2')!.unread).to.equal(2);
    s = reduceConsole(s, { type: 'select', sessionId: 's-2' });
    expect(s.sessions.get('s-2')!.unread).to.equal(0);
    expect(s.sessions.get('s-1')!.unread).to.equal(0);
  });
});

describe('console state: notes, typing, receipts, outbox, arrivals', () => {
  const reply = (clientId: string, internal = false) => ({ sessionId: 's-1', clientId, text: 'x', internal, error: null });

  it('N-1: merges notes by seq and confirms the pending note by client id', () => {
    const n = (seq: number, clientId: string) => ({
      id: `n${seq}`,
      sessionId: 's-1',
      seq,
      clientId,
      author: alex,
      text: 't',
      createdAt: seq,
    });
    const s = run(
      { type: 'listed', sessions: [session()] },
      { type: 'reply-queued', reply: reply('c-note-1', true) },
      { type: 'notes', sessionId: 's-1', notes: [n(2, 'c-other'), n(1, 'c-note-1')] },
      { type: 'notes', sessionId: 's-1', notes: [n(1, 'c-note-1')] },
    );
    expect(s.notes.get('s-1')!.map((x) => x.seq)).to.deep.equal([1, 2]);
    expect(s.outbox).to.deep.equal([]);
  });

  it('Y-1: tracks typists, never shows itself, and a message ends its author typing', () => {
    const t = (who: { kind: 'visitor' } | { kind: 'technician'; id: string; name: string }, typing: boolean) => ({
      type: 'typing' as const,
      typing: { sessionId: 's-1', who, typing },
      selfId: alex.id,
    });
    let s = run(
      { type: 'listed', sessions: [session()] },
      t({ kind: 'visitor' }, true),
      t({ kind: 'technician', ...alex }, true),
      t({ kind: 'technician', ...sam }, true),
    );
    expect([...s.typing.get('s-1')!.keys()]).to.deep.equal(['visitor', sam.id]);
    s = reduceConsole(s, { type: 'messages', sessionId: 's-1', messages: [{ ...message(1), author: { kind: 'visitor' } }] });
    expect([...s.typing.get('s-1')!.keys()]).to.deep.equal([sam.id]);
  });

  it('D-1: receipts only move forward', () => {
    const r = (deliveredSeq: number, readSeq: number) => ({
      type: 'receipt' as const,
      receipt: { sessionId: 's-1', side: 'visitor' as const, deliveredSeq, readSeq },
    });
    const s = run(r(3, 1), r(2, 2), r(1, 0));
    expect(s.receipts.get('s-1')!.visitor).to.deep.include({ deliveredSeq: 3, readSeq: 2 });
  });

  it('keeps a failed reply until retried and confirmed, or discarded', () => {
    let s = run({ type: 'reply-queued', reply: reply('c-1') }, { type: 'reply-failed', clientId: 'c-1', message: 'offline' });
    expect(s.outbox[0].error).to.equal('offline');
    s = reduceConsole(s, { type: 'reply-retrying', clientId: 'c-1' });
    expect(s.outbox[0].error).to.equal(null);
    s = reduceConsole(s, { type: 'messages', sessionId: 's-1', messages: [{ ...message(1), clientId: 'c-1' }] });
    expect(s.outbox).to.deep.equal([]);
    s = run({ type: 'reply-queued', reply: reply('c-2') }, { type: 'reply-discarded', clientId: 'c-2' });
    expect(s.outbox).to.deep.equal([]);
  });

  it('notes an arrival in another session, and forgets it once that session is opened', () => {
    let s = run({ type: 'listed', sessions: [session(), session({ id: 's-2' })] }, { type: 'select', sessionId: 's-1' });
    expect(reduceConsole(s, { type: 'arrival', sessionId: 's-1' }).arrival).to.equal(null, 'not for the open session');
    s = reduceConsole(s, { type: 'arrival', sessionId: 's-2' });
    expect(s.arrival).to.deep.equal({ sessionId: 's-2' });
    expect(reduceConsole(s, { type: 'select', sessionId: 's-2' }).arrival).to.equal(null);
  });
});
