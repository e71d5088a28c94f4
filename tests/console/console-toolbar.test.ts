import { expect, fixture, html } from '@open-wc/testing';
import '../../demo/console/components/console-toolbar.js';
import type { ConsoleToolbar } from '../../demo/console/components/console-toolbar.js';

const newSessionButton = (el: ConsoleToolbar) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'New session')!;

describe('<console-toolbar>', () => {
  it('keeps "New session" disabled until the channels are known, so it never opens on an empty list', async () => {
    const el = await fixture<ConsoleToolbar>(html`<console-toolbar heading="Home"></console-toolbar>`);
    expect(newSessionButton(el).disabled).to.equal(true);
    el.ready = true;
    el.channels = [{ id: 'c1', name: 'Website' }];
    await el.updateComplete;
    expect(newSessionButton(el).disabled).to.equal(false);
  });
});
