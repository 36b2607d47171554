// The supervisor dashboard: totals, trend, categories, statuses, children with drill-down and SLA
// breaches of one unit's subtree, refreshed live from server-sent events.
(function () {
  const $ = function (id) { return document.getElementById(id); };
  // Labels of the conversation figures (kept here so that the block stays in this file).
  I18n.add('vi', { 'dash.conv.title': 'Hội thoại qua Zalo và Messenger', 'dash.conv.count': 'Số hội thoại',
    'dash.conv.median': 'Thời gian đến lần trả lời đầu tiên (trung vị)', 'dash.conv.median.short': 'Trả lời đầu tiên (trung vị)',
    'dash.conv.inwindow': 'Trả lời đến người báo tin trong thời hạn nền tảng cho phép', 'dash.conv.inwindow.short': 'Trả lời trong thời hạn',
    'dash.conv.waited': 'Trả lời phải chờ người báo tin nhắn lại', 'dash.conv.failed': 'Trả lời không gửi được',
    'dash.conv.none': 'chưa có trả lời', 'dash.conv.within': 'trong vòng', 'dash.conv.over7': 'hơn 7 ngày',
    'dash.conv.minutes': 'phút', 'dash.conv.hours': 'giờ', 'dash.conv.days': 'ngày', 'dash.conv.of': 'trên' });
  I18n.add('en', { 'dash.conv.title': 'Conversations over Zalo and Messenger', 'dash.conv.count': 'Conversations',
    'dash.conv.median': 'Time to the first reply (median)', 'dash.conv.median.short': 'First reply (median)',
    'dash.conv.inwindow': 'Replies that reached the tipster within the platform\u2019s window', 'dash.conv.inwindow.short': 'Replies within the window',
    'dash.conv.waited': 'Replies that waited for the tipster to write again', 'dash.conv.failed': 'Replies that could not be sent',
    'dash.conv.none': 'no reply yet', 'dash.conv.within': 'within', 'dash.conv.over7': 'over 7 days',
    'dash.conv.minutes': 'minutes', 'dash.conv.hours': 'hours', 'dash.conv.days': 'days', 'dash.conv.of': 'of' });
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

  // The median's bucket in words: "trong vòng 2 giờ" / "within 2 hours".
  function median(minutes) {
    if (minutes === null || minutes === undefined) { return I18n.t('dash.conv.none', 'chưa có trả lời'); }
    if (minutes < 0) { return I18n.t('dash.conv.over7', 'hơn 7 ngày'); }
    const amount = minutes < 60 ? minutes + ' ' + I18n.t('dash.conv.minutes', 'phút')
      : minutes < 2880 ? (minutes / 60) + ' ' + I18n.t('dash.conv.hours', 'giờ')
        : (minutes / 1440) + ' ' + I18n.t('dash.conv.days', 'ngày');
    return I18n.t('dash.conv.within', 'trong vòng') + ' ' + amount;
  }

  function share(part, whole) {
    return whole === 0 ? '0' : part + ' ' + I18n.t('dash.conv.of', 'trên') + ' ' + whole + ' (' + Math.round(100 * part / whole) + '%)';
  }

  async function conversations() {
    const f = await Api.get('/api/units/' + unit + '/conversation-figures?' + period().toString());
    $('conv-count').textContent = f.total.conversations;
    $('conv-median').textContent = median(f.total.firstReplyMedianMinutes);
    $('conv-inwindow').textContent = share(f.total.repliesInWindow, f.total.replies);
    $('conv-waited').textContent = share(f.total.repliesAfterWait, f.total.replies);
    $('conv-failed').textContent = share(f.total.repliesFailed, f.total.replies);
    const rows = $('conv-children');
    rows.replaceChildren();
    f.children.forEach(function (c, n) {
      const tr = document.createElement('tr');
      tr.dataset.code = c.code;
      tr.appendChild(Tips.el('td', c.code));
      tr.appendChild(Tips.el('td', n === 0 ? c.name + ' (' + I18n.t('tips.itself', 'trực tiếp đơn vị') + ')' : c.name));
      tr.appendChild(Tips.el('td', c.conversations));
      tr.appendChild(Tips.el('td', median(c.firstReplyMedianMinutes)));
      tr.appendChild(Tips.el('td', share(c.repliesInWindow, c.replies)));
      rows.appendChild(tr);
    });
  }

  async function load() {
    const [byDay, byCategory, byStatus, byChild, breaches] = await Promise.all([
      rollup('day'), rollup('category'), rollup('status'), rollup('child'),
      Api.get('/api/units/' + unit + '/sla-breaches?' + period().toString()), conversations()]);
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
