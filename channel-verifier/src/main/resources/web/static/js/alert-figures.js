// The supervisor dashboard's section on scam alerts (GET /api/units/{code}/alert-figures): alerts
// issued, channels reached, delivery failures, pages not connected and followers reached for the
// unit's subtree, with one row per child unit (drill down as the tip figures do). A file of its
// own, added to dashboard.html with one line; it builds its section itself.
(function () {
  I18n.add('en', {
    'af.title': 'Scam alerts', 'af.issued': 'Alerts issued', 'af.reached': 'Channels reached',
    'af.failures': 'Delivery failures', 'af.unconnected': 'Pages not connected', 'af.pending': 'Waiting to be sent or posted',
    'af.followers': 'Followers reached', 'af.followers.unknown': 'not reported', 'af.children': 'By unit below', 'af.unit': 'Unit',
    'af.itself': 'the unit itself', 'af.none': 'No alert issued or received in this subtree yet.',
    'af.failed': 'The alert figures could not be loaded.', 'af.console': 'Open the alerts console',
    'af.note': 'Followers reached: for each alert that reached a page or group, the followers its unit reported for it.'
  });
  const VI = {
    'af.title': 'Cảnh báo lừa đảo', 'af.issued': 'Cảnh báo đã phát', 'af.reached': 'Lượt kênh đã nhận',
    'af.failures': 'Lượt gửi lỗi', 'af.unconnected': 'Trang chưa kết nối', 'af.pending': 'Đang chờ gửi hoặc chờ đăng',
    'af.followers': 'Lượt người theo dõi tiếp cận', 'af.followers.unknown': 'chưa có số liệu', 'af.children': 'Theo đơn vị trực thuộc', 'af.unit': 'Đơn vị',
    'af.itself': 'trực tiếp đơn vị', 'af.none': 'Chưa có cảnh báo nào được phát hoặc nhận trong phạm vi này.',
    'af.failed': 'Không tải được số liệu cảnh báo.', 'af.console': 'Mở trang cảnh báo lừa đảo',
    'af.note': 'Lượt người theo dõi tiếp cận: với mỗi cảnh báo đã tới một trang hoặc nhóm, số người theo dõi mà đơn vị đã báo cáo cho kênh đó.'
  };
  const FIGURES = [['alertsIssued', 'af.issued'], ['channelsReached', 'af.reached'], ['deliveryFailures', 'af.failures'],
    ['notConnected', 'af.unconnected'], ['followersReached', 'af.followers']];
  function t(key) { return I18n.t(key, VI[key] || key); }
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function number(n) {
    return n === null || n === undefined ? t('af.followers.unknown')
      : new Intl.NumberFormat(I18n.lang() === 'en' ? 'en-GB' : 'vi-VN').format(n);
  }

  let section = null;
  let data = null;

  function render() {
    section.replaceChildren();
    section.appendChild(el('h2', t('af.title'), null)).id = 'alert-figures-title';
    if (!data) { return; }
    if (data.error) { const p = el('p', t('af.failed'), 'error'); p.setAttribute('role', 'alert'); section.appendChild(p); return; }
    const facts = el('dl', null, 'figures');
    facts.id = 'alert-totals';
    FIGURES.forEach(function (f) {
      const box = el('div');
      box.dataset.figure = f[0];
      box.append(el('dt', t(f[1])), el('dd', number(data[f[0]])));
      facts.appendChild(box);
    });
    section.appendChild(facts);
    if (data.pending) { section.appendChild(el('p', t('af.pending') + ': ' + number(data.pending), 'muted')); }
    if (!data.alertsIssued && !data.channelsReached && !data.deliveryFailures && !data.notConnected && !data.pending) {
      section.appendChild(el('p', t('af.none'), 'empty'));
    }
    if (data.children.length) {
      section.appendChild(el('h3', t('af.children')));
      const wrap = el('div', null, 'table-wrap');
      wrap.tabIndex = 0;
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-label', t('af.children'));
      const table = el('table', null, 'grid');
      const head = el('tr');
      [t('af.unit')].concat(FIGURES.map(function (f) { return t(f[1]); })).forEach(function (h) {
        const th = el('th', h);
        th.scope = 'col';
        head.appendChild(th);
      });
      table.appendChild(el('thead')).appendChild(head);
      const body = el('tbody');
      body.id = 'alert-children';
      data.children.forEach(function (c) {
        const tr = el('tr');
        tr.dataset.unit = c.unit.code;
        const name = el('td');
        const a = el('a', (c.unit.name || c.unit.code) + ' (' + c.unit.code + ')');
        a.href = '/dashboard?unit=' + encodeURIComponent(c.unit.code);
        name.appendChild(a);
        tr.appendChild(name);
        FIGURES.forEach(function (f) { tr.appendChild(el('td', number(c[f[0]]))); });
        body.appendChild(tr);
      });
      table.appendChild(body);
      wrap.appendChild(table);
      section.appendChild(wrap);
    }
    section.appendChild(el('p', t('af.note'), 'muted small'));
  }

  async function load(unit) {
    try {
      data = await Api.get('/api/units/' + encodeURIComponent(unit) + '/alert-figures');
    } catch (e) {
      data = { error: e };
    }
    render();
    section.dataset.ready = 'true';
  }

  window.addEventListener('DOMContentLoaded', async function () {
    section = el('section', null, 'card');
    section.id = 'alert-figures';
    section.setAttribute('aria-labelledby', 'alert-figures-title');
    document.querySelector('main').appendChild(section);
    render();
    const asked = new URLSearchParams(window.location.search).get('unit');
    const unit = asked && /^[A-Z0-9]{2,10}$/.test(asked) ? asked : (await Api.me()).unit.code;
    document.addEventListener('langchange', render);
    await load(unit);
  });
})();
