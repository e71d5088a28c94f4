import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as v from 'valibot';
import { defaultBusinessHours, isWithinBusinessHours, localTime } from '../../../server/core/business-hours.js';
import { BusinessHoursSchema, type BusinessHours } from '../../../src/protocol/index.js';

const none = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const office = (timeZone: string, over: Partial<BusinessHours> = {}): BusinessHours => {
  const day = [{ from: '09:00', to: '17:00' }];
  return {
    enabled: true,
    timeZone,
    weekly: { ...none, mon: day, tue: day, wed: day, thu: day, fri: day },
    holidays: [],
    offlineWhenNobodyOnline: false,
    ...over,
  };
};
// Fri 22:00 to Sat 06:00, and nothing else.
const night = (timeZone: string, holidays: string[] = []): BusinessHours =>
  office(timeZone, { weekly: { ...none, fri: [{ from: '22:00', to: '06:00' }] }, holidays });

const at = (iso: string) => Date.parse(iso);

describe('business hours (H-1..H-4)', () => {
  const cases: [string, BusinessHours, string, boolean][] = [
    ['H-1: disabled hours are always open, even on a Sunday night', { ...office('UTC'), enabled: false }, '2026-12-06T03:00:00Z', true],
    ['H-1: the default is disabled', defaultBusinessHours(), '2026-12-06T03:00:00Z', true],
    ['H-2: inside a weekday range, in the channel time zone', office('Europe/Paris'), '2026-12-04T09:30:00+01:00', true],
    ['H-2: the start is included', office('Europe/Paris'), '2026-12-04T09:00:00+01:00', true],
    ['H-2: the end is excluded', office('Europe/Paris'), '2026-12-04T17:00:00+01:00', false],
    ['H-2: 09:30 UTC is 10:30 in Paris (open) but 04:30 in New York (closed)', office('America/New_York'), '2026-12-04T09:30:00Z', false],
    ['H-2: the same instant in Paris', office('Europe/Paris'), '2026-12-04T09:30:00Z', true],
    ['H-2: a weekend day without ranges is closed', office('Europe/Paris'), '2026-12-05T11:00:00+01:00', false],
    [
      'H-2: the local weekday counts, not the UTC one (Friday 23:30 UTC is Saturday in Tokyo)',
      office('Asia/Tokyo'),
      '2026-12-04T23:30:00Z',
      false,
    ],
    ['H-2: Sunday 23:30 UTC is Monday 08:30 in Tokyo: closed', office('Asia/Tokyo'), '2026-12-06T23:30:00Z', false],
    ['H-2: Monday 00:30 UTC is Monday 09:30 in Tokyo: open', office('Asia/Tokyo'), '2026-12-07T00:30:00Z', true],
    // Paris moves to summer time on 2026-03-29: 07:30 UTC is 08:30 on the Friday before, 09:30 on the Monday after.
    ['H-2: DST, winter: 07:30 UTC is 08:30 in Paris, closed', office('Europe/Paris'), '2026-03-27T07:30:00Z', false],
    ['H-2: DST, summer: 07:30 UTC is 09:30 in Paris, open', office('Europe/Paris'), '2026-03-30T07:30:00Z', true],
    [
      'H-2: DST in New York (2026-03-08): 13:30 UTC on Monday 9th is 09:30 EDT, open',
      office('America/New_York'),
      '2026-03-09T13:30:00Z',
      true,
    ],
    ['H-2: 13:30 UTC on Friday 6th is 08:30 EST, closed', office('America/New_York'), '2026-03-06T13:30:00Z', false],
    ['H-3: an overnight range is open late on its day', night('UTC'), '2026-12-04T23:00:00Z', true],
    ['H-3: and early the next day', night('UTC'), '2026-12-05T05:59:00Z', true],
    ['H-3: until its end, excluded', night('UTC'), '2026-12-05T06:00:00Z', false],
    ['H-3: not before its start', night('UTC'), '2026-12-04T21:59:00Z', false],
    ['H-3: not on the morning of its own day', night('UTC'), '2026-12-04T05:00:00Z', false],
    ['H-3: overnight in a time zone', night('America/Los_Angeles'), '2026-12-05T12:00:00Z', true],
    ['H-4: a holiday closes a weekday', office('Europe/Paris', { holidays: ['2026-12-25'] }), '2026-12-25T10:00:00+01:00', false],
    ['H-4: the day after a holiday is open again', office('Europe/Paris', { holidays: ['2026-12-24'] }), '2026-12-25T10:00:00+01:00', true],
    [
      'H-4: a holiday is a local date: 23:30 UTC on the 24th is already the 25th in Paris',
      office('UTC', { timeZone: 'Europe/Paris', weekly: { ...none, fri: [{ from: '00:00', to: '24:00' }] }, holidays: ['2026-12-25'] }),
      '2026-12-24T23:30:00Z',
      false,
    ],
    ['H-4: the part of an overnight range spilling into a holiday is closed', night('UTC', ['2026-12-05']), '2026-12-05T05:00:00Z', false],
    ['H-4: an overnight range starting on a holiday does not run, late', night('UTC', ['2026-12-04']), '2026-12-04T23:00:00Z', false],
    ['H-4: nor after midnight', night('UTC', ['2026-12-04']), '2026-12-05T05:00:00Z', false],
    [
      'H-2: a range ending at 24:00 is open at 23:59',
      office('UTC', { weekly: { ...none, fri: [{ from: '20:00', to: '24:00' }] } }),
      '2026-12-04T23:59:00Z',
      true,
    ],
  ];
  for (const [name, hours, iso, open] of cases) {
    test(name, () => {
      assert.equal(isWithinBusinessHours(hours, at(iso)), open, `${iso} in ${hours.timeZone}`);
    });
  }

  test('H-2: localTime reads the wall clock of the time zone', () => {
    assert.deepEqual(localTime(at('2026-12-04T23:30:00Z'), 'Asia/Tokyo'), { date: '2026-12-05', weekday: 'sat', minutes: 8 * 60 + 30 });
    assert.deepEqual(localTime(at('2026-03-29T01:30:00Z'), 'Europe/Paris'), { date: '2026-03-29', weekday: 'sun', minutes: 3 * 60 + 30 });
  });

  test('H-5: the schema takes IANA time zones only, checked with Intl, and refuses empty or equal ranges', () => {
    assert.equal(v.is(BusinessHoursSchema, office('Europe/Paris')), true);
    assert.equal(v.is(BusinessHoursSchema, office('Mars/Olympus')), false);
    assert.equal(v.is(BusinessHoursSchema, office('')), false);
    assert.equal(v.is(BusinessHoursSchema, office('UTC', { weekly: { ...none, mon: [{ from: '09:00', to: '09:00' }] } })), false);
    assert.equal(v.is(BusinessHoursSchema, office('UTC', { weekly: { ...none, mon: [{ from: '24:00', to: '09:00' }] } })), false);
    assert.equal(v.is(BusinessHoursSchema, office('UTC', { holidays: ['2026-02-30'] })), false);
    assert.equal(v.is(BusinessHoursSchema, office('UTC', { holidays: ['2026-02-28'] })), true);
  });
});
