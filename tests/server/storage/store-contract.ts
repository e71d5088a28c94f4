/**
 * The one contract every {@link Store} adapter is held to. An adapter's test file calls
 * {@link storeContract} with a function that opens a fresh store; the suite opens it once, gives
 * each test fresh records, and cleans up at the end.
 */
import { after, before, describe } from 'node:test';
import type { Store } from '../../../server/core/ports.js';
import { accountContract } from './contract/accounts.js';
import { attachmentContract } from './contract/attachments.js';
import { auditContract } from './contract/audit.js';
import { channelContract } from './contract/channels.js';
import { conversationLinkContract } from './contract/conversation-links.js';
import { deskMailContract } from './contract/desk-mail.js';
import { deskTicketContract } from './contract/desk-tickets.js';
import { escalationContract } from './contract/escalation.js';
import { messageContract } from './contract/messages.js';
import { noteContract } from './contract/notes.js';
import { profileContract } from './contract/profiles.js';
import { sessionExpiryContract } from './contract/session-expiry.js';
import { sessionListContract } from './contract/session-lists.js';
import { sessionSecretContract } from './contract/session-secrets.js';
import { sessionContract } from './contract/sessions.js';
import { unattendedContract } from './contract/unattended.js';

/** An opened store and how to close and remove it. */
export interface OpenedStore {
  store: Store;
  cleanup(): Promise<void>;
}

/** Declares the store contract suite, named `name`, against the store `open` returns. */
export function storeContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`${name} store contract`, () => {
    let opened: OpenedStore | undefined;
    const getStore = (): Store => {
      if (!opened) throw new Error('The store did not open.');
      return opened.store;
    };

    before(async () => {
      opened = await open();
    });
    after(async () => {
      await opened?.cleanup();
    });

    accountContract(getStore);
    channelContract(getStore);
    sessionContract(getStore);
    sessionListContract(getStore);
    sessionSecretContract(getStore);
    sessionExpiryContract(getStore);
    messageContract(getStore);
    noteContract(getStore);
    auditContract(getStore);
    attachmentContract(getStore);
    profileContract(getStore);
    deskTicketContract(getStore);
    deskMailContract(getStore);
    escalationContract(getStore);
    conversationLinkContract(getStore);
    unattendedContract(getStore);
  });
}
