/**
 * The demo site's large page: a parts catalogue of 50,000 elements, so a full snapshot is several
 * megabytes of JSON and must be compressed and cut into parts to co-browse (SPEC.md C-4).
 */
// `?rows=` lets tests and benchmarks pick another size; 10,000 rows are 50,000 elements.
const ROWS = Number(new URLSearchParams(location.search).get('rows')) || 10_000;
const table = document.querySelector('tbody');
if (table) {
  const frag = document.createDocumentFragment();
  for (let i = 0; i < ROWS; i++) {
    // Five elements a row: tr, three cells, a code element.
    const tr = document.createElement('tr');
    const code = document.createElement('code');
    code.textContent = `P-${String(i).padStart(5, '0')}`;
    const id = document.createElement('td');
    id.append(code);
    const name = document.createElement('td');
    name.textContent = `Part number ${i}, spoke nipple brass ${(i * 7919) % 1000}`;
    const price = document.createElement('td');
    price.textContent = `€ ${((i % 97) + 0.5).toFixed(2)}`;
    tr.append(id, name, price);
    frag.append(tr);
  }
  table.append(frag);
  document.querySelector('#count')!.textContent = String(document.querySelectorAll('*').length);
}
