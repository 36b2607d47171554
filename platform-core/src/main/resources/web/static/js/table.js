// Tables of the staff pages: rows filled from a list, with a search box and pages of 20 rows when
// the list is long, column headers that sort (click again for the other direction), and an empty
// state in words. Text goes in with textContent only. A cell sorts by its data-sort attribute when
// it has one (an ISO date, a raw number), else by its text, numbers in text compared as numbers.
(function () {
  I18n.add('en', { 'table.filter': 'Search this list', 'table.prev': 'Previous', 'table.next': 'Next',
    'table.page': 'Rows {from}–{to} of {total}', 'table.empty': 'Nothing here yet.', 'table.nomatch': 'No row matches the search.',
    'table.sort': 'Sort by this column' });
  const PAGE = 20;
  const state = {};

  function number(n) { return new Intl.NumberFormat(I18n.lang() === 'en' ? 'en-GB' : 'vi-VN').format(n); }

  function controls(body) {
    const wrap = body.closest('.table-wrap') || body.closest('table');
    const id = body.id;
    let search = document.getElementById(id + '-filter');
    if (!search) {
      const label = Dialog.el('label', 'field', I18n.t('table.filter', 'Tìm trong danh sách'));
      label.htmlFor = id + '-filter';
      label.dataset.tableFilter = id;
      search = Dialog.el('input');
      search.type = 'search';
      search.id = id + '-filter';
      search.addEventListener('input', function () { state[id].page = 0; draw(id); });
      wrap.before(label, search);
      const empty = Dialog.el('p', 'empty');
      empty.id = id + '-empty';
      const pager = Dialog.el('div', 'pager');
      pager.id = id + '-pager';
      const prev = Dialog.el('button', 'secondary', I18n.t('table.prev', 'Trước'));
      prev.type = 'button';
      prev.addEventListener('click', function () { state[id].page--; draw(id); });
      const where = Dialog.el('span', 'muted');
      const next = Dialog.el('button', 'secondary', I18n.t('table.next', 'Sau'));
      next.type = 'button';
      next.addEventListener('click', function () { state[id].page++; draw(id); });
      pager.append(prev, where, next);
      wrap.after(empty, pager);
      sortable(id, body.closest('table'));
    }
    return search;
  }

  /** Turns each labelled column header (not the actions column) into a sort button. */
  function sortable(id, table) {
    const heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, col) {
      const key = th.dataset.i18n || '';
      if (th.dataset.nosort !== undefined || /\.actions$/.test(key) || !th.textContent.trim() || th.querySelector('button')) return;
      const button = Dialog.el('button', 'sort', th.textContent.trim());
      button.type = 'button';
      button.title = I18n.t('table.sort', 'Sắp xếp theo cột này');
      if (key) { button.dataset.i18n = key; delete th.dataset.i18n; }
      th.replaceChildren(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () {
        const s = state[id];
        s.sort = { col: col, dir: s.sort && s.sort.col === col ? -s.sort.dir : 1 };
        Array.prototype.forEach.call(heads, function (h, i) {
          if (h.hasAttribute('aria-sort')) h.setAttribute('aria-sort', i === col ? (s.sort.dir > 0 ? 'ascending' : 'descending') : 'none');
        });
        s.page = 0;
        draw(id);
      });
    });
  }

  /** The sort key of an item in a column: its cell's data-sort, else the cell's text (built once per item). */
  function sortKey(s, x, col) {
    let keys = s.keys.get(x);
    if (!keys) {
      const tr = document.createElement('tr');
      s.fill(tr, x);
      keys = Array.prototype.map.call(tr.cells, function (td) { return td.dataset.sort !== undefined ? td.dataset.sort : td.textContent.trim(); });
      s.keys.set(x, keys);
    }
    return keys[col] === undefined ? '' : keys[col];
  }

  function sorted(s, items) {
    if (!s.sort) return items;
    const collator = new Intl.Collator(I18n.lang() === 'en' ? 'en' : 'vi', { numeric: true, sensitivity: 'base' });
    return items.slice().sort(function (a, b) {
      const ka = sortKey(s, a, s.sort.col);
      const kb = sortKey(s, b, s.sort.col);
      const na = Number(ka);
      const nb = Number(kb);
      const c = ka !== '' && kb !== '' && isFinite(na) && isFinite(nb) ? na - nb : collator.compare(ka, kb);
      return c * s.sort.dir;
    });
  }

  function draw(id) {
    const s = state[id];
    const body = document.getElementById(id);
    const search = controls(body);
    const q = fold(search.value.trim());
    const shown = sorted(s, q ? s.items.filter(function (x) { return fold(s.text(x)).indexOf(q) >= 0; }) : s.items);
    const pages = Math.max(1, Math.ceil(shown.length / PAGE));
    s.page = Math.min(Math.max(0, s.page), pages - 1);
    body.replaceChildren();
    shown.slice(s.page * PAGE, s.page * PAGE + PAGE).forEach(function (x) {
      const tr = document.createElement('tr');
      s.fill(tr, x);
      body.appendChild(tr);
    });
    const table = body.closest('table');
    table.hidden = shown.length === 0;
    const long = s.items.length > PAGE;
    search.hidden = !long;
    document.querySelector('[data-table-filter="' + id + '"]').hidden = !long;
    const empty = document.getElementById(id + '-empty');
    empty.textContent = s.items.length === 0 ? (s.empty || I18n.t('table.empty', 'Chưa có gì.')) : I18n.t('table.nomatch', 'Không có dòng nào khớp.');
    empty.hidden = shown.length !== 0;
    const pager = document.getElementById(id + '-pager');
    pager.hidden = shown.length <= PAGE;
    pager.children[0].disabled = s.page === 0;
    pager.children[2].disabled = s.page >= pages - 1;
    pager.children[1].textContent = I18n.t('table.page', 'Dòng {from}–{to} trên {total}')
      .replace('{from}', number(s.page * PAGE + 1)).replace('{to}', number(Math.min(shown.length, s.page * PAGE + PAGE)))
      .replace('{total}', number(shown.length));
  }

  /** Lower case, no accents, đ as d: "Phường Ba Đình" is found by "ba dinh". */
  function fold(text) {
    return String(text).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
  }

  /**
   * Fills the tbody with that id: fill(tr, item) makes a row; text(item) is what the search box
   * matches (with or without accents); empty is the sentence shown when the list has no item.
   */
  function fill(id, items, fillRow, text, empty) {
    const before = state[id];
    state[id] = { items: items, fill: fillRow, text: text || function () { return ''; }, page: before ? before.page : 0,
      empty: empty, sort: before ? before.sort : null, keys: new Map() };
    draw(id);
  }

  window.Table = { fill: fill, fold: fold };
})();
