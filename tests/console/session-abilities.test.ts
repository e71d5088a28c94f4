import { expect } from '@open-wc/testing';
import { sessionAbilities } from '../../demo/console/state/session-abilities.js';
import { alex, kim, sam, session } from './fixtures.js';

const tech = (id: string) => ({ id, role: 'technician' as const });

describe('session abilities', () => {
  it('only the owner transfers, invites, removes, releases and disconnects the visitor', () => {
    const s = session({ owner: alex, participants: [sam] });
    const owner = sessionAbilities(s, tech(alex.id));
    const participant = sessionAbilities(s, tech(sam.id));
    for (const key of ['transfer', 'invite', 'remove', 'release', 'disconnectVisitor'] as const) {
      expect(owner[key], `owner ${key}`).to.equal(true);
      expect(participant[key], `participant ${key}`).to.equal(false);
    }
  });

  it('U-4: an unattended session has no visitor to disconnect, even for its owner', () => {
    const s = session({ origin: 'unattended', visitorLabel: 'Unattended device' });
    expect(sessionAbilities(s, tech(alex.id)).disconnectVisitor).to.equal(false);
    expect(sessionAbilities(s, tech(alex.id)).close).to.equal(true);
  });

  it('anyone in the channel may take an unowned session', () => {
    const s = session({ owner: null, status: 'in_queue' });
    expect(sessionAbilities(s, tech(kim.id)).take).to.equal(true);
    expect(sessionAbilities(session(), tech(kim.id)).take).to.equal(false);
  });

  it('no more invitations once two technicians joined the owner', () => {
    expect(sessionAbilities(session({ participants: [sam, kim] }), tech(alex.id)).invite).to.equal(false);
  });

  it('closed and expired sessions offer only Delete, to the owner or an admin', () => {
    for (const status of ['closed', 'expired'] as const) {
      const a = sessionAbilities(session({ status }), tech(alex.id));
      expect(
        Object.entries(a)
          .filter(([, on]) => on)
          .map(([k]) => k),
      ).to.deep.equal(['delete']);
      expect(sessionAbilities(session({ status }), { id: kim.id, role: 'admin' }).delete).to.equal(true);
      expect(sessionAbilities(session({ status }), tech(kim.id)).delete).to.equal(false);
    }
  });
});
