import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../demo/console/desk/ticket-table.js';
import '../../demo/console/desk/ticket-timeline.js';
import type { TicketTable } from '../../demo/console/desk/ticket-table.js';
import type { TicketTimeline } from '../../demo/console/desk/ticket-timeline.js';
import { initialQuery, matchesQuery, sortTickets } from '../../demo/console/desk/desk-query.js';
import type { TicketDetails, TicketView } from '../../src/protocol/index.js';
import { pwned, resetPwned } from '../support/safe-dom.js';

const HOSTILE = '<img src=x onerror="window.__richTextPwned=1"><b>bold</b>';

function ticket(over: Partial<TicketView> = {}): TicketView {
  return {
    id: 't1',
    number: 1,
    name: 'Printer down',
    description: 'Error 42',
    status: 'open',
    priority: 'medium',
    assignee: { kind: 'none' },
    assigneeName: '',
    tags: [],
    customer: { name: 'Ann', email: 'ann@example.com', phone: '' },
    origin: 'email',
    createdAt: 1,
    updatedAt: 1,
    ...over,
  };
}

describe('service desk views', () => {
  beforeEach(resetPwned);

  it('K-8: live tickets are filtered and sorted as the server would', () => {
    const q = {
      ...initialQuery,
      search: 'printer ann',
      priorities: ['urgent' as const],
      sort: 'number' as const,
      direction: 'asc' as const,
    };
    expect(matchesQuery(ticket({ priority: 'urgent' }), q)).to.equal(true);
    expect(matchesQuery(ticket({ priority: 'low' }), q)).to.equal(false);
    expect(matchesQuery(ticket({ priority: 'urgent', status: 'closed' }), q)).to.equal(false, 'closed is off by default');
    expect(matchesQuery(ticket({ priority: 'urgent', customer: { name: 'Bo', email: 'bo@x.test', phone: '' } }), q)).to.equal(false);
    const sorted = sortTickets([ticket({ id: 'b', number: 2, priority: 'low' }), ticket({ id: 'a', number: 1, priority: 'urgent' })], {
      ...q,
      sort: 'priority',
      direction: 'desc',
    });
    expect(sorted.map((t) => t.id)).to.deep.equal(['a', 'b']);
  });

  it('K-8: the table shows every column as text and fires select and open', async () => {
    const el = await fixture<TicketTable>(
      html`<ticket-table
        .tickets=${[ticket({ name: HOSTILE, description: HOSTILE, tags: ['<i>x</i>'], customer: { name: HOSTILE, email: '', phone: '' } })]}
      ></ticket-table>`,
    );
    const row = el.shadowRoot!.querySelector('tr.row') as HTMLElement;
    expect(row.querySelector('img, b, i')).to.equal(null);
    expect(row.textContent).to.include('<b>bold</b>');
    expect(pwned()).to.equal(false);
    setTimeout(() => row.click());
    expect((await oneEvent(el, 'select-ticket')).detail).to.equal('t1');
    setTimeout(() => row.dispatchEvent(new MouseEvent('dblclick', { bubbles: true })));
    expect((await oneEvent(el, 'open-ticket')).detail).to.equal('t1');
  });

  it('K-6: timeline bodies, summaries and actor names are text; a live session says so', async () => {
    const details: TicketDetails = {
      ticket: ticket(),
      timeline: [
        {
          id: 'e1',
          ticketId: 't1',
          at: 1,
          kind: 'mail_in',
          actor: { kind: 'customer', name: HOSTILE },
          summary: HOSTILE,
          body: HOSTILE,
          data: {},
        },
      ],
      notes: [],
      attachments: [],
      sessions: [{ sessionId: 's1', status: 'active', link: null, pin: null, visitorOnline: true, createdAt: 1 }],
    };
    const el = await fixture<TicketTimeline>(html`<ticket-timeline .details=${details}></ticket-timeline>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('.timeline img, .timeline b')).to.equal(null);
    expect(root.querySelector('.entry .body')!.textContent).to.equal(HOSTILE);
    expect(root.querySelector('.session.online')!.textContent).to.include('Live');
    expect(pwned()).to.equal(false);
  });
});
