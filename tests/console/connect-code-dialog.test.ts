import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../demo/console/components/connect-code-dialog.js';
import type { ConnectCodeDialog } from '../../demo/console/components/connect-code-dialog.js';
import type { Result, SessionSummary } from '../../src/protocol/index.js';
import { session } from './fixtures.js';

describe('<connect-code-dialog>', () => {
  async function mount(answer: Result<SessionSummary>) {
    const codes: string[] = [];
    const connect = (code: string) => {
      codes.push(code);
      return Promise.resolve(answer);
    };
    const el = await fixture<ConnectCodeDialog>(html`<connect-code-dialog .connect=${connect}></connect-code-dialog>`);
    await el.show();
    const type = (text: string) => {
      el.shadowRoot!.querySelector('input')!.value = text;
      el.shadowRoot!.querySelector('form')!.requestSubmit();
    };
    return { el, codes, type };
  }

  it('accepts the code with spaces and sends its 9 digits', async () => {
    const { el, codes, type } = await mount({ ok: true, value: session({ origin: 'sos' }) });
    type(' 123 456 789 ');
    await waitUntil(() => codes.length === 1);
    expect(codes).to.deep.equal(['123456789']);
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog')!.open, 'closes once connected');
  });

  it('refuses a code that is not 9 digits without asking the server', async () => {
    const { el, codes, type } = await mount({ ok: true, value: session() });
    type('12345');
    await el.updateComplete;
    expect(codes).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('9 digits');
  });

  it('keeps the dialog open with the server’s message when the code is unknown', async () => {
    const { el, type } = await mount({ ok: false, error: 'not_found', message: 'No session has this code.' });
    type('111-222-333');
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'));
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('No session has this code.');
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
  });
});
