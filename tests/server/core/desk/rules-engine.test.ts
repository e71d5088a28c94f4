import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as v from 'valibot';
import { RuleInputSchema, type RuleCondition } from '../../../../src/protocol/index.js';
import type { Rule } from '../../../../server/core/desk/desk-model.js';
import {
  applyOutcome,
  conditionMatches,
  dryRun,
  routeTicket,
  ruleMatches,
  type RuleFacts,
} from '../../../../server/core/desk/rules-engine.js';

// Tuesday 2026-12-01 10:30 UTC.
const TUESDAY_1030 = Date.UTC(2026, 11, 1, 10, 30);
const facts = (over: Partial<RuleFacts> = {}): RuleFacts => ({
  sender: 'Ann@Example.com',
  recipient: 'help@desk.test',
  subject: 'Printer is DOWN again',
  body: 'The office printer shows error 42.',
  priority: 'medium',
  tags: ['printer'],
  at: TUESDAY_1030,
  ...over,
});
const office = { field: 'time' as const, days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00', utcOffsetMinutes: 0 };

const cases: [string, RuleCondition, Partial<RuleFacts>, boolean][] = [
  ['R-3: sender contains, ignoring case', { field: 'sender', op: 'contains', value: 'example.COM' }, {}, true],
  ['R-3: sender contains, no match', { field: 'sender', op: 'contains', value: 'other.org' }, {}, false],
  ['R-3: recipient equals', { field: 'recipient', op: 'equals', value: 'HELP@desk.test' }, {}, true],
  ['R-3: recipient equals is whole-value', { field: 'recipient', op: 'equals', value: 'help@desk' }, {}, false],
  ['R-3: subject starts with', { field: 'subject', op: 'starts_with', value: 'printer' }, {}, true],
  ['R-3: subject ends with', { field: 'subject', op: 'ends_with', value: 'again' }, {}, true],
  ['R-3: subject ends with, no match', { field: 'subject', op: 'ends_with', value: 'down' }, {}, false],
  ['R-3: body does not contain', { field: 'body', op: 'not_contains', value: 'invoice' }, {}, true],
  ['R-3: body does not contain, but it does', { field: 'body', op: 'not_contains', value: 'ERROR 42' }, {}, false],
  ['R-3: priority is', { field: 'priority', op: 'is', value: 'medium' }, {}, true],
  ['R-3: priority is not', { field: 'priority', op: 'is_not', value: 'medium' }, {}, false],
  ['R-3: priority is, other priority', { field: 'priority', op: 'is', value: 'urgent' }, { priority: 'high' }, false],
  ['R-3: tags has', { field: 'tags', op: 'has', value: 'printer' }, {}, true],
  ['R-3: tags has not', { field: 'tags', op: 'has_not', value: 'printer' }, {}, false],
  ['R-3: tags has, on no tags', { field: 'tags', op: 'has', value: 'vip' }, { tags: [] }, false],
  ['R-3: within office hours on a Tuesday morning', { ...office, op: 'within' as const }, {}, true],
  ['R-3: outside office hours on a Tuesday morning', { ...office, op: 'outside' as const }, {}, false],
  ['R-3: office hours end at 17:00 (exclusive)', { ...office, op: 'within' as const }, { at: Date.UTC(2026, 11, 1, 17, 0) }, false],
  ['R-3: office hours start at 09:00 (inclusive)', { ...office, op: 'within' as const }, { at: Date.UTC(2026, 11, 1, 9, 0) }, true],
  ['R-3: Saturday is outside office days', { ...office, op: 'outside' as const }, { at: Date.UTC(2026, 11, 5, 10, 0) }, true],
  [
    'R-3: the UTC offset moves the hours (10:30 UTC is 19:30 in UTC+9)',
    { ...office, op: 'within' as const, utcOffsetMinutes: 540 },
    {},
    false,
  ],
  [
    'R-3: the UTC offset can move the day (Tuesday 23:30 UTC is Wednesday in UTC+1)',
    { field: 'time', op: 'within', days: [3], from: '00:00', to: '01:00', utcOffsetMinutes: 60 },
    { at: Date.UTC(2026, 11, 1, 23, 30) },
    true,
  ],
  [
    'R-3: overnight hours: Monday 22:00-06:00 covers Tuesday 03:00',
    { field: 'time', op: 'within', days: [1], from: '22:00', to: '06:00', utcOffsetMinutes: 0 },
    { at: Date.UTC(2026, 11, 1, 3, 0) },
    true,
  ],
  [
    'R-3: overnight hours: Tuesday 22:00-06:00 does not cover Tuesday 03:00',
    { field: 'time', op: 'within', days: [2], from: '22:00', to: '06:00', utcOffsetMinutes: 0 },
    { at: Date.UTC(2026, 11, 1, 3, 0) },
    false,
  ],
  [
    'R-3: equal from and to means the whole day',
    { field: 'time', op: 'within', days: [2], from: '00:00', to: '00:00', utcOffsetMinutes: 0 },
    { at: Date.UTC(2026, 11, 1, 23, 59) },
    true,
  ],
];

describe('rules engine: conditions', () => {
  for (const [name, condition, over, expected] of cases) {
    test(name, () => {
      assert.ok(
        v.is(RuleInputSchema, {
          name: 'x',
          description: '',
          enabled: true,
          match: 'all',
          conditions: [condition],
          actions: [{ type: 'notify_assignee' }],
        }),
        'the case is a valid rule',
      );
      assert.equal(conditionMatches(condition, facts(over)), expected);
    });
  }
});

let n = 0;
const rule = (over: Partial<Rule>): Rule => ({
  id: `r${++n}`,
  name: `Rule ${n}`,
  description: '',
  enabled: true,
  match: 'all',
  conditions: [{ field: 'subject', op: 'contains', value: 'printer' }],
  actions: [{ type: 'set_priority', priority: 'high' }],
  position: n,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

describe('rules engine: matching and routing', () => {
  const hit = { field: 'subject', op: 'contains', value: 'printer' } as const;
  const miss = { field: 'subject', op: 'contains', value: 'invoice' } as const;

  test('R-2: "all" needs every condition, "any" at least one', () => {
    const table: ['all' | 'any', RuleCondition[], boolean][] = [
      ['all', [hit, hit], true],
      ['all', [hit, miss], false],
      ['any', [hit, miss], true],
      ['any', [miss, miss], false],
    ];
    for (const [match, conditions, expected] of table)
      assert.equal(ruleMatches({ match, conditions }, facts()), expected, `${match} ${conditions.length}`);
  });

  test('R-5: the first enabled matching rule in order decides; later ones do not run', () => {
    const later = rule({ position: 5, actions: [{ type: 'set_status', status: 'closed' }] });
    const first = rule({
      position: 1,
      actions: [
        { type: 'set_assignee', assignee: { kind: 'group', id: 'g1' } },
        { type: 'add_tags', tags: ['hardware'] },
      ],
    });
    const o = routeTicket([later, first], facts());
    assert.equal(o.ruleId, first.id);
    assert.deepEqual(o.assignee, { kind: 'group', id: 'g1' });
    assert.deepEqual(o.addTags, ['hardware']);
    assert.equal(o.status, undefined, 'the later rule did not run');
  });

  test('R-1, R-5: a disabled rule is skipped, the next matching one applies', () => {
    const off = rule({ position: 0, enabled: false, actions: [{ type: 'set_priority', priority: 'low' }] });
    const on = rule({ position: 1, actions: [{ type: 'set_priority', priority: 'urgent' }, { type: 'notify_assignee' }] });
    const o = routeTicket([off, on], facts());
    assert.deepEqual([o.ruleId, o.priority, o.notify], [on.id, 'urgent', true]);
  });

  test('R-6: when nothing matches the default rule creates the ticket unchanged', () => {
    const o = routeTicket([rule({ conditions: [miss] })], facts());
    assert.equal(o.ruleId, null);
    const ticket = { status: 'open', priority: 'medium', assignee: { kind: 'none' }, tags: ['a'] } as const;
    assert.deepEqual(applyOutcome({ ...ticket, tags: [...ticket.tags] }, o), { ...ticket, tags: ['a'] });
  });

  test('R-4: actions run in order (a later set wins) and tags are added once', () => {
    const r = rule({
      actions: [
        { type: 'set_status', status: 'processing' },
        { type: 'set_status', status: 'waiting' },
        { type: 'add_tags', tags: ['a', 'b'] },
        { type: 'add_tags', tags: ['b', 'c'] },
        { type: 'set_assignee', assignee: { kind: 'technician', id: 't1' } },
      ],
    });
    const o = routeTicket([r], facts());
    const after = applyOutcome({ status: 'open', priority: 'low', assignee: { kind: 'none' }, tags: ['c', 'x'] }, o);
    assert.deepEqual(after, { status: 'waiting', priority: 'low', assignee: { kind: 'technician', id: 't1' }, tags: ['c', 'x', 'a', 'b'] });
  });

  test('R-8: a dry run picks the tickets the rule matches, enabled or not', () => {
    const base = {
      description: '',
      status: 'open',
      priority: 'medium',
      assignee: { kind: 'none' },
      tags: [],
      origin: 'email',
      recipient: 'help@desk.test',
      createdAt: TUESDAY_1030,
      updatedAt: 0,
    } as const;
    const customer = { name: '', email: 'a@vip.example', phone: '' };
    const tickets = [
      { ...base, id: 't1', number: 1, name: 'VIP printer', tags: [], customer },
      { ...base, id: 't2', number: 2, name: 'Other', tags: [], customer: { ...customer, email: 'b@else.example' } },
    ];
    const r = rule({ enabled: false, conditions: [{ field: 'sender', op: 'ends_with', value: '@vip.example' }] });
    assert.deepEqual(
      dryRun(r, tickets).map((t) => t.id),
      ['t1'],
    );
  });
});
