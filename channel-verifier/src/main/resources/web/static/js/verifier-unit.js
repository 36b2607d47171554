// "Which pages are really my ward's?": a unit's published channels from /api/public/units/{code}/channels.
(function () {
  const V = window.Verifier;

  async function show(code) {
    const list = document.getElementById('channels');
    const err = document.getElementById('unit-error');
    V.clear(list);
    err.hidden = true;
    document.getElementById('unit-empty').hidden = true;
    try {
      const data = await Api.get('/api/public/units/' + encodeURIComponent(code) + '/channels');
      document.getElementById('unit-name').textContent = data.unit.name + ' (' + data.unit.code + ')';
      document.getElementById('unit-empty').hidden = data.items.length > 0;
      data.items.forEach(function (c) {
        const li = V.el('li', null, c.status === 'verified' ? '' : 'off');
        li.dataset.status = c.status;
        const title = V.el('div');
        title.appendChild(V.el('strong', c.displayName));
        title.appendChild(document.createTextNode(' — ' + c.platformLabel + ' · '));
        title.appendChild(V.el('span', V.text('status.' + c.status), 'status ' + (c.status === 'verified' ? 'ok' : 'bad')));
        li.appendChild(title);
        const link = V.el('a', c.url);
        link.href = c.url;
        link.rel = 'noopener noreferrer';
        li.appendChild(link);
        if (c.status === 'verified') {
          li.appendChild(V.el('div', V.text('f.since') + ': ' + V.date(c.since), 'muted small'));
          const badge = V.el('a', V.text('u.qr'));
          badge.href = '/badge/' + c.id;
          li.appendChild(V.el('div')).appendChild(badge);
        }
        list.appendChild(li);
      });
    } catch (e) {
      document.getElementById('unit-name').textContent = '';
      err.textContent = e.message;
      err.hidden = false;
    }
  }

  window.addEventListener('DOMContentLoaded', function () {
    const parts = window.location.pathname.split('/');
    const code = decodeURIComponent(parts[2] || '');
    const input = document.getElementById('code');
    input.value = code;
    document.getElementById('unit-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      const c = input.value.trim().toUpperCase();
      if (c) { window.history.replaceState(null, '', '/units/' + encodeURIComponent(c) + '/channels'); show(c); }
    });
    if (code) { show(code); }
  });
})();
