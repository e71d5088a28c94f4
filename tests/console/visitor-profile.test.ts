import { expect, fixture, html } from '@open-wc/testing';
import '../../demo/console/components/visitor-profile.js';
import type { VisitorProfile } from '../../demo/console/components/visitor-profile.js';
import { formatRanges, parseHolidays, parseRanges, parseWeekly } from '../../demo/console/state/hours-text.js';
import type { SessionProfileView } from '../../src/protocol/index.js';

const mount = (profile: SessionProfileView | null) =>
  fixture<VisitorProfile>(html`<visitor-profile .profile=${profile}></visitor-profile>`);

describe('<visitor-profile>', () => {
  it('I-5: an unverified identity is marked so; names and answers are text', async () => {
    const el = await mount({
      identity: { id: 'u-1', name: '<img src=x onerror=alert(1)>Eve', email: 'eve@example.com', verified: false },
      prechat: [{ field: 'order', label: 'Order <b>no</b>', value: '<script>x</script>' }],
    });
    const root = el.shadowRoot!;
    expect(root.querySelector('.mark')?.textContent?.trim()).to.equal('Unverified');
    expect(root.querySelector('img, b, script')).to.equal(null);
    expect(root.querySelector('strong')?.textContent).to.equal('<img src=x onerror=alert(1)>Eve');
    expect([...root.querySelectorAll('dt, dd')].map((e) => e.textContent)).to.deep.equal(['Order <b>no</b>', '<script>x</script>']);
  });

  it('I-5: a verified identity is marked verified; no profile renders nothing', async () => {
    const el = await mount({ identity: { id: 'u-2', name: 'Ada', email: '', verified: true }, prechat: [] });
    expect(el.shadowRoot!.querySelector('.mark')?.textContent?.trim()).to.equal('Verified');
    expect(el.shadowRoot!.querySelector('dl')).to.equal(null);
    const empty = await mount(null);
    expect(empty.shadowRoot!.querySelector('h3')).to.equal(null);
  });
});

describe('hours as admins type them (H-3)', () => {
  it('reads ranges, pads hours, and names the first bad line', () => {
    expect(parseRanges('9:00-12:00, 14:00 - 18:30')).to.deep.equal({
      ok: true,
      ranges: [
        { from: '09:00', to: '12:00' },
        { from: '14:00', to: '18:30' },
      ],
    });
    expect(parseRanges('')).to.deep.equal({ ok: true, ranges: [] });
    expect(parseRanges('9-5')).to.deep.equal({ ok: false, bad: '9-5' });
    const lines = { mon: '22:00-06:00', tue: '', wed: '', thu: 'noon', fri: '', sat: '', sun: '' };
    const r = parseWeekly(lines);
    expect(r.ok).to.equal(false);
    expect(!r.ok && r.message).to.contain('Thursday');
    expect(formatRanges([{ from: '22:00', to: '06:00' }])).to.equal('22:00-06:00');
    expect(parseHolidays('2026-12-25\n\n 2026-01-01 ')).to.deep.equal(['2026-12-25', '2026-01-01']);
  });
});
