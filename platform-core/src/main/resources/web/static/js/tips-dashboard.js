// The supervisor dashboard: totals, trend, categories, statuses, children with drill-down and SLA
// breaches of one unit's subtree, refreshed live from server-sent events.
(function () {
  const $ = function (id) { return document.getElementById(id); };
  let unit = null;
  let reloadTimer = null;

  function period() {
    const p = new URLSearchParams();
    if ($('from').value) { p.set('from', $('from').value); }
    if ($('to').value) { p.set('to', $('to').value); }
    return p;
  }

  function rollup(groupBy) {
    const p = period();
    p.set('groupBy', groupBy);
    return Api.get('/api/units/' + unit + '/rollup?' + p.toString());
  }

  function days(r) {
    const counts = {};
    r.groups.forEach(function (g) { counts[g.key] = g.count; });
    const out = [];
    for (let d = new Date(r.from + 'T00:00:00Z'); d <= new Date(r.to + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + 1)) {
      const key = d.toISOString().slice(0, 10);
      out.push({ label: key, value: counts[key] || 0 });
    }
    return out;
  }

  async function load() {
    const [byDay, byCategory, byStatus, byChild, breaches] = await Promise.all([
      rollup('day'), rollup('category'), rollup('status'), rollup('child'),
      Api.get('/api/units/' + unit + '/sla-breaches?' + period().toString())]);
    $('unit-name').textContent = byDay.unit.name + ' (' + byDay.unit.code + ')';
    $('total').textContent = byDay.total;
    $('breaches').textContent = byDay.breaches;
    Charts.line($('chart-days'), days(byDay));
    Charts.bars($('chart-categories'), byCategory.groups.map(function (g) { return { label: g.label, value: g.count }; }));
    const statuses = $('statuses');
    statuses.replaceChildren();
    byStatus.groups.forEach(function (g) { statuses.appendChild(Tips.el('li', Tips.status(g.key) + ': ' + g.count)); });
    const children = $('children');
    children.replaceChildren();
    byChild.groups.forEach(function (g, n) {
      const tr = document.createElement('tr');
      const code = Tips.el('td');
      if (n === 0) {
        code.textContent = g.key;
      } else {
        const a = Tips.el('a', g.key);
        a.href = '/dashboard?unit=' + encodeURIComponent(g.key);
        code.appendChild(a);
      }
      tr.appendChild(code);
      tr.appendChild(Tips.el('td', n === 0 ? byChild.unit.name + ' (' + I18n.t('tips.itself', 'trực tiếp đơn vị') + ')' : g.label));
      tr.appendChild(Tips.el('td', g.count));
      tr.appendChild(Tips.el('td', g.breaches));
      children.appendChild(tr);
    });
    const open = $('open-breaches');
    open.replaceChildren();
    if (breaches.open.length === 0) {
      open.appendChild(Tips.el('li', I18n.t('dash.nobreach', 'Không có tin báo nào quá hạn.'), 'empty'));
    }
    breaches.open.forEach(function (t) {
      open.appendChild(Tips.el('li', t.receipt + ' · ' + t.unit + ' · ' + I18n.t('category.' + t.category, t.category) + ' · ' + Tips.time(t.slaDueAt)));
    });
    $('csv').href = '/api/units/' + unit + '/rollup?groupBy=child&format=csv&' + period().toString();
    const path = byDay.unit.path.split('/');
    $('up').hidden = path.length < 2;
    $('up').href = '/dashboard?unit=' + encodeURIComponent(path[path.length - 2] || '');
  }

  function live() {
    const source = new EventSource('/events/units/' + encodeURIComponent(unit) + '/tips');
    const badge = $('live');
    source.addEventListener('ready', function () {
      badge.dataset.state = 'live';
      badge.textContent = '● ' + I18n.t('tips.live.on', 'trực tiếp');
    });
    source.addEventListener('tip', function () {
      clearTimeout(reloadTimer);
      reloadTimer = setTimeout(load, 300);
    });
    source.onerror = function () {
      badge.dataset.state = 'connecting';
      badge.textContent = '○ ' + I18n.t('tips.live.off', 'đang kết nối lại…');
    };
  }

  window.addEventListener('DOMContentLoaded', async function () {
    I18n.apply();
    const me = await Api.me();
    $('who').textContent = me.username;
    const asked = new URLSearchParams(window.location.search).get('unit');
    unit = asked && /^[A-Z0-9]{2,10}$/.test(asked) ? asked : me.unit.code;
    $('period-form').addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
    document.addEventListener('langchange', load);
    try {
      await load();
      live();
    } catch (e) {
      // Outside the supervisor's scope (or any refusal): say so instead of leaving empty dashes.
      const msg = e.status === 403 ? I18n.t('dash.outside', 'Đơn vị này nằm ngoài phạm vi của bạn.')
        : I18n.t('dash.failed', 'Không tải được số liệu. Vui lòng thử lại.');
      const p = document.createElement('p');
      p.className = 'error';
      p.setAttribute('role', 'alert');
      p.textContent = msg;
      document.querySelector('main').prepend(p);
    }
    document.body.dataset.ready = 'true';
  });
})();
