// /impostors: the published list of confirmed impostors, national or of one unit (?unit=CODE).
(function () {
  const el = Impostor.el;
  async function load() {
    const unit = Impostor.query('unit');
    const page = await Api.get(unit ? '/api/public/units/' + encodeURIComponent(unit) + '/impostors?limit=200'
      : '/api/public/impostors?limit=200');
    if (page.unit) {
      document.getElementById('unit-name').textContent = page.unit.name + ' (' + page.unit.code + ')';
      document.getElementById('figures').hidden = false;
      document.getElementById('imitated').textContent = String(page.figures.imitatedConfirmed);
    }
    const tbody = document.getElementById('impostors');
    tbody.replaceChildren();
    // On a phone the table stacks (verifier.css); each cell carries its column's name to show before it.
    const heads = Array.prototype.map.call(document.querySelectorAll('table.stack thead th'), function (th) { return th.textContent; });
    page.items.forEach(function (i) {
      const tr = el('tr');
      tr.appendChild(el('td', Impostor.label('CONFIRMED_IMPOSTOR'), 'badge bad'));
      tr.appendChild(el('td', i.displayName || ''));
      // Shown as text, not a link: citizens should not be sent to an impostor page.
      tr.appendChild(el('td', i.normalizedLink, 'impostor-link'));
      tr.appendChild(el('td', i.imitated ? i.imitated.displayName + ' — ' + i.imitated.url : ''));
      tr.appendChild(el('td', i.confirmedBy ? i.confirmedBy.name + ' (' + i.confirmedBy.code + ')' : ''));
      tr.appendChild(el('td', Impostor.date(i.confirmedAt)));
      Array.prototype.forEach.call(tr.children, function (td, n) { if (heads[n]) { td.dataset.label = heads[n]; } });
      tbody.appendChild(tr);
    });
    document.getElementById('count').textContent = String(page.total);
  }
  window.addEventListener('DOMContentLoaded', function () {
    load().catch(function (e) { const x = document.getElementById('list-error'); x.textContent = e.message; x.hidden = false; });
    document.addEventListener('langchange', function () { load(); });
  });
})();
