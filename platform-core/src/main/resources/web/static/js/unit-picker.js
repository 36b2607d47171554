// The unit picker of the staff pages: type a name (with or without accents) or a code, pick from
// the units of your scope, each shown with its path ("Phường Ba Đình · Thành phố Hà Nội") and its
// code as secondary text. An ARIA combobox: arrows move, Enter picks, Escape closes.
(function () {
  I18n.add('en', { 'picker.none': 'No unit of your scope has this name or code.', 'picker.remove': 'Remove' });

  function el(tag, className, text) { return Dialog.el(tag, className, text); }
  let serial = 0;

  /** "Phường Ba Đình · Thành phố Hà Nội": the unit's name and its parents, nearest first. */
  function label(u) {
    return [u.name].concat((u.parents || []).map(function (p) { return p.name; })).join(' · ');
  }

  /**
   * Makes a text input a unit picker. Options: within() (the code of the scope to search, the
   * user's own unit), enabled() (false: a plain text field for now), multiple (picked units become removable chips), onPick(unit). The picked
   * codes are read with UnitPicker.codes(input); a code typed and not picked counts too.
   */
  function attach(input, o) {
    const n = ++serial;
    const list = el('ul', 'picker-list');
    list.id = input.id + '-options';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    const chips = el('ul', 'chips');
    chips.id = input.id + '-chosen';
    const note = el('p', 'muted picker-note');
    note.setAttribute('aria-live', 'polite');
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.autocomplete = 'off';
    input.after(list, note);
    if (o.multiple) { list.after(chips); }
    const picked = [];
    input._picker = { picked: picked, multiple: !!o.multiple };
    let items = [];
    let active = -1;
    let timer = null;

    function close() { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; }
    function mark(i) {
      active = i;
      Array.from(list.children).forEach(function (li, j) { li.setAttribute('aria-selected', j === i ? 'true' : 'false'); });
      if (i >= 0) { input.setAttribute('aria-activedescendant', list.children[i].id); }
    }
    function renderChips() {
      chips.replaceChildren();
      picked.forEach(function (u, i) {
        const li = el('li', 'chip', label(u) + ' (' + u.code + ') ');
        const x = el('button', 'link', '×');
        x.type = 'button';
        x.setAttribute('aria-label', I18n.t('picker.remove', 'Bỏ') + ' ' + u.name);
        x.addEventListener('click', function () { picked.splice(i, 1); renderChips(); input.focus(); });
        li.appendChild(x);
        chips.appendChild(li);
      });
    }
    function pick(u) {
      if (o.multiple) {
        if (!picked.some(function (p) { return p.code === u.code; })) { picked.push(u); }
        input.value = '';
        renderChips();
      } else {
        picked.splice(0, picked.length, u);
        input.value = u.name;
        note.textContent = label(u) + ' · ' + u.code;
      }
      close();
      if (o.onPick) { o.onPick(u); }
    }
    function render() {
      list.replaceChildren();
      items.forEach(function (u, i) {
        const li = el('li', 'picker-option');
        li.id = 'picker-' + n + '-' + i;
        li.setAttribute('role', 'option');
        li.dataset.code = u.code;
        li.appendChild(el('span', null, label(u)));
        li.appendChild(el('span', 'muted code', u.code));
        li.addEventListener('mousedown', function (ev) { ev.preventDefault(); pick(u); });
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
      note.textContent = items.length || !input.value.trim() ? '' : I18n.t('picker.none', 'Không có đơn vị nào trong phạm vi của bạn có tên hoặc mã này.');
      mark(-1);
    }
    input.addEventListener('input', function () {
      if (!o.multiple) { picked.splice(0, picked.length); note.textContent = ''; }
      clearTimeout(timer);
      const q = input.value.trim();
      if (!q || (o.enabled && !o.enabled())) { items = []; note.textContent = ''; list.hidden = true; input.setAttribute('aria-expanded', 'false'); return; }
      timer = setTimeout(function () {
        Api.get('/api/units/' + encodeURIComponent(o.within()) + '/search?q=' + encodeURIComponent(q))
          .then(function (r) { if (input.value.trim() === q) { items = r.items.slice(0, 12); render(); } })
          .catch(function (e) { items = []; render(); note.textContent = Dialog.problemText(e); });
      }, 200);
    });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown' && items.length) { ev.preventDefault(); list.hidden = false; mark(Math.min(active + 1, items.length - 1)); }
      else if (ev.key === 'ArrowUp' && items.length) { ev.preventDefault(); mark(Math.max(active - 1, 0)); }
      else if (ev.key === 'Enter' && active >= 0 && !list.hidden) { ev.preventDefault(); pick(items[active]); }
      else if (ev.key === 'Escape' && !list.hidden) { ev.preventDefault(); close(); }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  }

  /** The codes picked in a picker, then any codes typed and not picked ("00004, 00070"). */
  function codes(input) {
    const p = input._picker;
    const out = p ? p.picked.map(function (u) { return u.code; }) : [];
    if (!p || p.multiple || out.length === 0) {
      input.value.split(',').map(function (s) { return s.trim().toUpperCase(); })
        .filter(function (s) { return /^[A-Z0-9]{2,10}$/.test(s) && out.indexOf(s) < 0; })
        .forEach(function (s) { out.push(s); });
    }
    return out;
  }

  /** Empties a picker (after the action it served succeeded). */
  function clear(input) {
    if (input._picker) { input._picker.picked.splice(0); }
    input.value = '';
    const chips = document.getElementById(input.id + '-chosen');
    if (chips) { chips.replaceChildren(); }
  }

  window.UnitPicker = { attach: attach, codes: codes, clear: clear, label: label };
})();
