import { expect } from '@open-wc/testing';
import { initialConsoleState, reduceConsole } from '../../demo/console/state/console-state.js';
import {
  channelSessions,
  filterByStatus,
  homeSessions,
  navChannels,
  queuedSessions,
  statusCounts,
} from '../../demo/console/state/session-selectors.js';
import { alex, kim, sam, session } from './fixtures.js';

const state = reduceConsole(initialConsoleState, {
  type: 'listed',
  sessions: [
    session({ id: 'own', owner: alex, status: 'active', updatedAt: 5 }),
    session({ id: 'invited', owner: sam, participants: [alex], status: 'active', updatedAt: 4 }),
    session({ id: 'other', owner: kim, status: 'closed', updatedAt: 3 }),
    session({ id: 'queued', owner: null, status: 'in_queue', updatedAt: 6 }),
    session({ id: 'billing', channelId: 'ch-2', channelName: 'Billing', owner: alex, status: 'waiting', updatedAt: 2 }),
    session({ id: 'old', owner: null, status: 'expired', updatedAt: 1 }),
  ],
});

describe('console selectors', () => {
  it('Home lists the sessions the technician owns or takes part in, newest first', () => {
    expect(homeSessions(state, alex.id).map((s) => s.id)).to.deep.equal(['own', 'invited', 'billing']);
    expect(homeSessions(state, kim.id).map((s) => s.id)).to.deep.equal(['other']);
  });

  it('the queue lists unowned sessions waiting in queue', () => {
    expect(queuedSessions(state).map((s) => s.id)).to.deep.equal(['queued']);
  });

  it('a channel lists its own sessions, filtered by status', () => {
    const web = channelSessions(state, 'ch-1');
    expect(web.map((s) => s.id)).to.deep.equal(['queued', 'own', 'invited', 'other', 'old']);
    expect(filterByStatus(web, 'all')).to.have.length(5);
    expect(filterByStatus(web, 'active').map((s) => s.id)).to.deep.equal(['own', 'invited']);
    expect(filterByStatus(web, 'expired').map((s) => s.id)).to.deep.equal(['old']);
    expect(filterByStatus(web, 'waiting')).to.deep.equal([]);
  });

  it('counts every status tab, zeros included', () => {
    expect(statusCounts(channelSessions(state, 'ch-1'))).to.deep.equal({
      all: 5,
      waiting: 0,
      active: 2,
      in_queue: 1,
      expired: 1,
      closed: 1,
    });
  });

  it('the navigation uses the member channels once known, and the sessions’ channels before that', () => {
    expect(navChannels(state)).to.deep.equal([
      { id: 'ch-2', name: 'Billing' },
      { id: 'ch-1', name: 'Website' },
    ]);
    const known = reduceConsole(state, {
      type: 'channels',
      channels: [
        {
          id: 'ch-9',
          key: 'help',
          name: 'Help desk',
          expirationMinutes: 60,
          allowedOrigins: [],
          siteUrl: '',
          downloadLinks: {},
          attachmentMaxBytes: 10 * 1024 * 1024,
          members: [alex],
        },
      ],
    });
    expect(navChannels(known)).to.deep.equal([{ id: 'ch-9', name: 'Help desk' }]);
  });
});
