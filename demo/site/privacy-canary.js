// The privacy canary's scripted parts: an open shadow root with fields, and the changes the
// end-to-end test asks for through window.canary (an external module, so the page's CSP holds).
class CanaryCard extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<label>Shadow field <input id="s-text" type="text" value="PHC32shdw"></label>' +
      '<label>Shadow typed <input id="s-typed" type="text"></label>' +
      '<label>Shadow password <input id="s-pw" type="password" value="PHC33shpw"></label>' +
      '<label>Shadow placeholder <input type="text" placeholder="PHC34shpl"></label>' +
      '<p data-porthole-mask>PHC35shmk</p>';
  }
}
customElements.define('canary-card', CanaryCard);

const $ = (id) => document.getElementById(id);

/** The changes made while co-browsing, each with canaries of its own. */
window.canary = {
  mutate() {
    $('pw-to-text').type = 'text';
    $('pw-to-text-typed').type = 'text';
    $('set-attribute').setAttribute('value', 'PHC36seta');
    $('set-property').value = 'PHC37setp';
    const phone = $('tel-autofill');
    phone.value = 'PHC38fill';
    phone.dispatchEvent(new Event('input', { bubbles: true }));
    phone.dispatchEvent(new Event('change', { bubbles: true }));
    $('ta-script').value = 'PHC39tscr';
    $('select-script').selectedIndex = 1;
    $('select-script').dispatchEvent(new Event('change', { bubbles: true }));
    $('mask-later').textContent = 'PHC44mlat';
    const blocked = document.createElement('div');
    blocked.setAttribute('data-porthole-block', '');
    blocked.textContent = 'PHC45blat';
    $('block-later').append(blocked);
    const editable = document.createElement('div');
    editable.contentEditable = 'true';
    editable.textContent = 'PHC46edlt';
    $('block-later').append(editable);
    const field = document.createElement('input');
    field.value = 'PHC47addp';
    field.setAttribute('placeholder', 'PHC48addh');
    $('block-later').append(field);
    history.replaceState(null, '', `${location.pathname}?session=PHC49hist#PHC50hash`);
    $('done').textContent = 'Mutations done.';
  },
};
