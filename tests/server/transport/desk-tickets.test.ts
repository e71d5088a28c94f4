import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RuleInput, TicketCreate } from '../../../src/protocol/index.js';
import { connectWidget, emitAck, emitRaw, linkToken, newClientId, nextEvent, valueOf } from '../../support/test-server.js';
import { startTeam, type Team } from './team.js';

const form = (over: Partial<TicketCreate> = {}): TicketCreate => ({
  name: 'Printer down',
  description: 'Error 42 on the second floor',
  customer: { name: 'Ann', email: 'ann@example.com', phone: '+1 555 0100' },
  applyRules: false,
  ...over,
});

describe('service desk over the console socket', () => {
  let team: Team;
  before(async () => {
    team = await startTeam();
  });
  after(async () => {
    await team?.close();
  });

  test('K-1, K-2, K-6: a ticket made by hand is Open and medium, its timeline starts with its creation', async () => {
    const t = valueOf(await emitAck(team.bob.socket, 'ticket:create', form({ tags: ['Printer', 'printer'] })));
    assert.deepEqual([t.status, t.priority, t.assignee, t.tags, t.origin], ['open', 'medium', { kind: 'none' }, ['printer'], 'manual']);
    const d = valueOf(await emitAck(team.bob.socket, 'ticket:details', { ticketId: t.id }));
    assert.deepEqual(
      d.timeline.map((e) => [e.kind, e.actor.kind]),
      [['created', 'technician']],
    );
    assert.match(d.timeline[0].summary, new RegExp(`T-${t.number}`));
  });

  test('K-9: a ticket assigned to Bob is hidden from Carol (list, details, updates) and told only to those who may see it', async () => {
    const bobHears = nextEvent(team.bob.socket, 'ticket:changed', (x) => x.name === 'Secret');
    let carolHeard = false;
    const onCarol = (x: { name: string }) => {
      if (x.name === 'Secret') carolHeard = true;
    };
    team.carol.socket.on('ticket:changed', onCarol);
    const t = valueOf(
      await emitAck(team.admin.socket, 'ticket:create', form({ name: 'Secret', assignee: { kind: 'technician', id: team.bob.id } })),
    );
    assert.equal((await bobHears).id, t.id);
    assert.equal(t.assigneeName, 'Bob');
    const carolList = valueOf(await emitAck(team.carol.socket, 'tickets:list', { search: 'Secret' }));
    assert.deepEqual(carolList, []);
    const carolDetails = await emitAck(team.carol.socket, 'ticket:details', { ticketId: t.id });
    assert.equal(carolDetails.ok ? 'ok' : carolDetails.error, 'not_found');
    await team.server.store.insertTicketAttachment({
      id: `att-${t.id}`,
      ticketId: t.id,
      mailId: 'm',
      filename: 'secret.txt',
      contentType: 'text/plain',
      size: 1,
      content: new Uint8Array([65]),
      createdAt: 0,
    });
    const download = (cookie: string) => fetch(`${team.server.url}/api/desk/attachments/att-${t.id}`, { headers: { cookie } });
    assert.equal((await download(team.carol.cookie)).status, 404, "Carol cannot download the ticket's attachment");
    assert.equal((await download(team.bob.cookie)).status, 200);
    const carolEdit = await emitAck(team.carol.socket, 'ticket:update', { ticketId: t.id, changes: { status: 'closed' } });
    assert.equal(carolEdit.ok ? 'ok' : carolEdit.error, 'not_found');
    assert.equal(valueOf(await emitAck(team.bob.socket, 'tickets:list', { search: 'Secret' })).length, 1);
    // A fact for Carol would have been sent before the create's ack, so before the answers to her
    // own requests above: one connection keeps its order.
    team.carol.socket.off('ticket:changed', onCarol);
    assert.equal(carolHeard, false);
  });

  test('K-3, K-9: admins manage groups; a ticket of a group is seen by its members', async () => {
    const refused = await emitAck(team.bob.socket, 'group:save', { name: 'Nope', memberIds: [] });
    assert.equal(refused.ok ? 'ok' : refused.error, 'forbidden');
    const g = valueOf(await emitAck(team.admin.socket, 'group:save', { name: 'Hardware', memberIds: [team.carol.id] }));
    assert.deepEqual(g.members, [{ id: team.carol.id, name: 'Carol' }]);
    const t = valueOf(
      await emitAck(team.admin.socket, 'ticket:create', form({ name: 'Group job', assignee: { kind: 'group', id: g.id } })),
    );
    assert.equal(t.assigneeName, 'Hardware');
    assert.equal(valueOf(await emitAck(team.carol.socket, 'tickets:list', { search: 'Group job' })).length, 1);
    assert.equal(valueOf(await emitAck(team.erin.socket, 'tickets:list', { search: 'Group job' })).length, 0);
    const missing = await emitAck(team.admin.socket, 'ticket:create', form({ assignee: { kind: 'group', id: 'no-such-group' } }));
    assert.equal(missing.ok ? 'ok' : missing.error, 'not_found');
  });

  test('K-4, K-6, K-7: edits and notes each write a timeline line that consoles hear', async () => {
    const t = valueOf(await emitAck(team.bob.socket, 'ticket:create', form()));
    const line = nextEvent(team.bob.socket, 'timeline:created', (e) => e.ticketId === t.id && e.kind === 'updated');
    const next = valueOf(
      await emitAck(team.bob.socket, 'ticket:update', { ticketId: t.id, changes: { status: 'processing', priority: 'urgent' } }),
    );
    assert.deepEqual([next.status, next.priority], ['processing', 'urgent']);
    assert.equal((await line).summary, 'Status: open → processing; Priority: medium → urgent');
    const note = valueOf(await emitAck(team.bob.socket, 'ticket:note', { ticketId: t.id, text: '<script>alert(1)</script> check cable' }));
    const d = valueOf(await emitAck(team.bob.socket, 'ticket:details', { ticketId: t.id }));
    assert.deepEqual(d.notes, [note]);
    assert.equal(d.notes[0].text, '<script>alert(1)</script> check cable', 'stored as typed; the console shows it as text');
    assert.deepEqual(
      d.timeline.map((e) => e.kind),
      ['created', 'updated', 'note'],
    );
  });

  test('K-8: search, quick filters and sort', async () => {
    const mark = `zq${Date.now().toString(36)}`;
    const a = valueOf(await emitAck(team.admin.socket, 'ticket:create', form({ name: `${mark} one`, priority: 'low' })));
    const b = valueOf(await emitAck(team.admin.socket, 'ticket:create', form({ name: `${mark} two`, priority: 'urgent' })));
    const c = valueOf(
      await emitAck(team.admin.socket, 'ticket:create', form({ name: 'other', description: `mentions ${mark.toUpperCase()}` })),
    );
    const ids = async (p: Parameters<typeof emitAck<typeof team.admin.socket, 'tickets:list'>>[2]) =>
      valueOf(await emitAck(team.admin.socket, 'tickets:list', p)).map((t) => t.id);
    assert.deepEqual(await ids({ search: mark, sort: 'number', direction: 'asc' }), [a.id, b.id, c.id]);
    assert.deepEqual(await ids({ search: mark, priorities: ['urgent', 'low'], sort: 'priority', direction: 'desc' }), [b.id, a.id]);
    valueOf(await emitAck(team.admin.socket, 'ticket:update', { ticketId: a.id, changes: { status: 'closed' } }));
    assert.deepEqual(await ids({ search: mark, statuses: ['closed'] }), [a.id]);
  });

  test('R-1, R-7, R-8: admins write rules; a dry run shows matches; the form applies rules only when asked', async () => {
    const rule: RuleInput = {
      name: 'VIP customers',
      description: 'Route VIPs to Erin',
      enabled: true,
      match: 'all',
      conditions: [{ field: 'sender', op: 'ends_with', value: '@vip.example' }],
      actions: [
        { type: 'set_assignee', assignee: { kind: 'technician', id: team.erin.id } },
        { type: 'set_priority', priority: 'high' },
        { type: 'add_tags', tags: ['vip'] },
      ],
    };
    const refused = await emitAck(team.bob.socket, 'rule:save', { rule });
    assert.equal(refused.ok ? 'ok' : refused.error, 'forbidden');
    const vipForm = form({ name: 'VIP issue', customer: { name: 'Val', email: 'val@vip.example', phone: '' } });
    const plain = valueOf(await emitAck(team.admin.socket, 'ticket:create', vipForm));
    assert.deepEqual(plain.assignee, { kind: 'none' }, 'no rules unless asked');
    const dry = valueOf(await emitAck(team.admin.socket, 'rule:dry-run', { rule, lastTickets: 50 }));
    assert.ok(dry.matched.some((t) => t.id === plain.id));
    assert.ok(dry.matched.every((t) => t.customer.email.endsWith('@vip.example')));
    assert.ok(dry.examined >= dry.matched.length);

    const saved = valueOf(await emitAck(team.admin.socket, 'rule:save', { rule }));
    const routed = valueOf(await emitAck(team.admin.socket, 'ticket:create', { ...vipForm, applyRules: true }));
    assert.deepEqual([routed.assignee, routed.priority, routed.tags], [{ kind: 'technician', id: team.erin.id }, 'high', ['vip']]);
    const d = valueOf(await emitAck(team.admin.socket, 'ticket:details', { ticketId: routed.id }));
    assert.equal(d.timeline.find((e) => e.kind === 'rule')?.summary, 'Rule "VIP customers" applied');

    const disabled = valueOf(await emitAck(team.admin.socket, 'rule:save', { id: saved.id, rule: { ...rule, enabled: false } }));
    assert.equal(disabled.enabled, false);
    const unrouted = valueOf(await emitAck(team.admin.socket, 'ticket:create', { ...vipForm, applyRules: true }));
    assert.deepEqual(unrouted.assignee, { kind: 'none' }, 'R-6: the default rule');
    const badOrder = await emitAck(team.admin.socket, 'rules:reorder', { ruleIds: [] });
    assert.equal(badOrder.ok ? 'ok' : badOrder.error, 'invalid_payload');
    valueOf(await emitAck(team.admin.socket, 'rule:delete', { ruleId: saved.id }));
    assert.deepEqual(valueOf(await emitAck(team.admin.socket, 'rules:list', {})), []);
  });

  test('X-1, X-3: a reply with no SMTP configured is kept in the outbox, threaded and referenced', async () => {
    const t = valueOf(await emitAck(team.bob.socket, 'ticket:create', form()));
    const mail = valueOf(await emitAck(team.bob.socket, 'ticket:reply', { ticketId: t.id, text: 'Please restart it.' }));
    assert.equal(mail.status, 'outbox');
    assert.equal(mail.subject, `Re: Printer down [#T-${t.number}]`);
    assert.equal(mail.to, 'ann@example.com');
    const outbox = valueOf(await emitAck(team.bob.socket, 'mail:outbox', {}));
    assert.equal(outbox[0].id, mail.id);
    const second = valueOf(await emitAck(team.bob.socket, 'ticket:reply', { ticketId: t.id, text: 'Any news?' }));
    const stored = await team.server.store.findMail(second.id);
    assert.equal(stored?.inReplyTo, mail.messageId, 'the second reply continues the thread');
    const d = valueOf(await emitAck(team.bob.socket, 'ticket:details', { ticketId: t.id }));
    assert.equal(d.timeline.filter((e) => e.kind === 'mail_out').length, 2);
    const noEmail = valueOf(await emitAck(team.bob.socket, 'ticket:create', form({ customer: { name: 'X', email: '', phone: '' } })));
    const refused = await emitAck(team.bob.socket, 'ticket:reply', { ticketId: noEmail.id, text: 'hi' });
    assert.equal(refused.ok ? 'ok' : refused.error, 'invalid_payload');
  });

  test('P-2: malformed and oversized desk payloads are refused and store nothing', async () => {
    const before = (await team.server.store.recentTickets(500)).length;
    const cases: [string, unknown, string][] = [
      ['ticket:create', { ...form(), status: 'open' }, 'invalid_payload'],
      ['ticket:create', { ...form(), priority: 'critical' }, 'invalid_payload'],
      ['ticket:create', { ...form(), customer: { name: 'A', email: 'not-an-email', phone: '' } }, 'invalid_payload'],
      ['ticket:create', { ...form(), name: '   ' }, 'invalid_payload'],
      ['ticket:create', { ...form(), description: 'x'.repeat(9000) }, 'payload_too_large'],
      ['ticket:create', { ...form(), description: 'x'.repeat(20_000) }, 'payload_too_large'],
      ['ticket:update', { ticketId: '../x', changes: {} }, 'invalid_payload'],
      [
        'rule:save',
        { rule: { name: 'r', description: '', enabled: true, match: 'all', conditions: [], actions: [{ type: 'notify_assignee' }] } },
        'invalid_payload',
      ],
      [
        'rule:save',
        {
          rule: {
            name: 'r',
            description: '',
            enabled: true,
            match: 'all',
            conditions: [{ field: 'time', op: 'within', days: [9], from: '25:00', to: '1', utcOffsetMinutes: 0 }],
            actions: [{ type: 'notify_assignee' }],
          },
        },
        'invalid_payload',
      ],
      ['rule:dry-run', { rule: null, lastTickets: 5 }, 'invalid_payload'],
      ['tickets:list', { sort: 'drop table' }, 'invalid_payload'],
    ];
    for (const [event, payload, code] of cases) {
      const r = await emitRaw(team.admin.socket, event, payload);
      assert.equal(r.ok ? 'ok' : r.error, code, `${event} ${JSON.stringify(payload).slice(0, 80)}`);
    }
    assert.equal((await team.server.store.recentTickets(500)).length, before);
  });

  test('K-10, K-11: "Create session" ties a session to the ticket; the customer joining and the chat land on its timeline', async () => {
    const t = valueOf(await emitAck(team.bob.socket, 'ticket:create', form()));
    const made = valueOf(await emitAck(team.bob.socket, 'ticket:session', { ticketId: t.id, channelId: team.demoId }));
    assert.equal(made.invitation.to, 'ann@example.com');
    assert.ok(made.invitation.text.includes(made.session.link ?? 'no link'));
    const joinedLine = nextEvent(team.bob.socket, 'timeline:created', (e) => e.ticketId === t.id && e.data.action === 'visitor.joined');
    const widget = await connectWidget(team.server.url);
    team.track(widget);
    valueOf(await emitAck(widget, 'session:join', { link: linkToken(made.session.link ?? '') }));
    assert.equal((await joinedLine).actor.kind, 'customer');
    const chatLine = nextEvent(team.bob.socket, 'timeline:created', (e) => e.ticketId === t.id && e.kind === 'chat');
    valueOf(
      await emitAck(widget, 'message:send', { sessionId: made.session.sessionId, clientId: newClientId(), text: 'I am here <b>now</b>' }),
    );
    const chat = await chatLine;
    assert.deepEqual([chat.actor, chat.body], [{ kind: 'customer', name: 'Ann' }, 'I am here <b>now</b>']);
    const d = valueOf(await emitAck(team.bob.socket, 'ticket:details', { ticketId: t.id }));
    assert.deepEqual(
      d.sessions.map((s) => [s.sessionId, s.status, s.visitorOnline]),
      [[made.session.sessionId, 'active', true]],
    );
    const invite = valueOf(
      await emitAck(team.bob.socket, 'ticket:invite', {
        ticketId: t.id,
        sessionId: made.session.sessionId,
        subject: 'Join me',
        text: `Open ${made.session.link}`,
      }),
    );
    assert.equal(invite.subject, `Join me [#T-${t.number}]`);
    const foreign = await emitAck(team.bob.socket, 'ticket:invite', {
      ticketId: t.id,
      sessionId: 'not-this-ticket',
      subject: 's',
      text: 't',
    });
    assert.equal(foreign.ok ? 'ok' : foreign.error, 'not_found');

    // Closed: a new session can be made on the same ticket.
    const closedLine = nextEvent(team.bob.socket, 'timeline:created', (e) => e.ticketId === t.id && e.data.action === 'session.closed');
    valueOf(await emitAck(team.bob.socket, 'session:act', { sessionId: made.session.sessionId, action: { type: 'close' } }));
    await closedLine;
    valueOf(await emitAck(team.bob.socket, 'ticket:session', { ticketId: t.id, channelId: team.demoId }));
    const after = valueOf(await emitAck(team.bob.socket, 'ticket:details', { ticketId: t.id }));
    assert.deepEqual(
      after.sessions.map((s) => s.status),
      ['closed', 'waiting'],
    );
  });
});
