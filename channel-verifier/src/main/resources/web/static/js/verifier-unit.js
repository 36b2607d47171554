// "Which pages are really my ward's?": find the unit by name (GET /api/public/units?q=), then its
// verified channels (GET /api/public/units/{code}/channels) with their QR codes and posters.
(function () {
  const V = window.Verifier;
  I18n.add('en', {
    'u.search.label': 'The name of your commune, ward or province',
    'u.search.hint': 'With or without accents; old names from before the mergers work too. For example: Ba Đình, phuong ba dinh, Quán Thánh.',
    'u.search.submit': 'Search', 'u.searching': 'Searching…', 'u.none': 'No unit has that name. Check the spelling or type fewer words.',
    'u.found.one': '1 unit found. Choose yours:', 'u.found.many': '{n} units found. Choose yours:',
    'u.code.label': 'Code {code}', 'u.formerly': 'Formerly {name}',
    'u.formerly.long': 'You searched for {name}, which merged into this unit.',
    'u.channels.one': '1 official page or group:', 'u.channels.many': '{n} official pages and groups:',
    'u.open': 'Open the page', 'u.qr.alt': 'QR code to check {name}', 'u.poster': 'Print the poster',
    'u.busy': 'Too many searches from your connection; wait a minute and try again.',
    'u.bad': 'Type the name of a commune, ward or province, with letters or digits.'
  });
  const vi = {
    'u.searching': 'Đang tìm…', 'u.none': 'Không có đơn vị nào mang tên này. Hãy kiểm tra chính tả hoặc gõ ít chữ hơn.',
    'u.found.one': 'Tìm thấy 1 đơn vị. Hãy chọn đơn vị của bạn:', 'u.found.many': 'Tìm thấy {n} đơn vị. Hãy chọn đơn vị của bạn:',
    'u.code.label': 'Mã {code}', 'u.formerly': 'Trước đây: {name}',
    'u.formerly.long': 'Bạn tìm {name}, nay đã sáp nhập vào đơn vị này.',
    'u.channels.one': '1 trang hoặc nhóm chính thức:', 'u.channels.many': '{n} trang và nhóm chính thức:',
    'u.open': 'Mở trang', 'u.qr.alt': 'Mã QR để kiểm tra {name}', 'u.poster': 'In áp phích',
    'u.busy': 'Có quá nhiều lượt tìm từ kết nối của bạn, hãy đợi một phút rồi thử lại.',
    'u.bad': 'Hãy nhập tên xã, phường hoặc tỉnh, có chữ hoặc số.'
  };
  I18n.add('vi', vi);
  function t(key, vars) {
    let s = I18n.t(key, vi[key]);
    Object.keys(vars || {}).forEach(function (k) { s = s.split('{' + k + '}').join(vars[k]); });
    return s;
  }
  function en() { return I18n.lang() === 'en'; }
  function $(id) { return document.getElementById(id); }

  // A problem's detail is "Vietnamese / English": show the reader's half only.
  function problemText(e) {
    if (e && e.status === 429) { return t('u.busy'); }
    if (e && e.problem && /bad-unit-query|validation/.test(e.problem.type || '')) { return t('u.bad'); }
    const parts = String((e && e.message) || '').split(' / ');
    return en() && parts.length > 1 ? parts.slice(1).join(' / ') : parts[0];
  }

  const state = { results: null, chosen: null, channels: null, seq: 0 };

  function where(u) {
    const label = u.levelLabel ? (en() ? u.levelLabel.en : u.levelLabel.vi) : '';
    return [label].concat((u.parents || []).map(function (p) { return p.name; })).filter(Boolean).join(' · ');
  }

  function showError(e) {
    $('unit-error').textContent = problemText(e);
    $('unit-error').hidden = false;
  }

  function renderResults() {
    const list = $('unit-results');
    V.clear(list);
    const items = state.results;
    if (!items) { return; }
    $('search-status').textContent = items.length === 0 ? t('u.none')
      : (items.length === 1 ? t('u.found.one') : t('u.found.many', { n: items.length }));
    items.forEach(function (u) {
      const li = V.el('li');
      const a = V.el('a', null, 'unit-choice');
      a.href = '/units/' + encodeURIComponent(u.code) + '/channels';
      a.dataset.code = u.code;
      a.appendChild(V.el('strong', u.name, 'unit-choice-name'));
      a.appendChild(V.el('span', where(u), 'unit-choice-where'));
      if (u.formerly) { a.appendChild(V.el('span', t('u.formerly', { name: u.formerly.name }), 'former')); }
      a.appendChild(V.el('span', t('u.code.label', { code: u.code }), 'unit-choice-code'));
      a.addEventListener('click', function (ev) {
        ev.preventDefault();
        window.history.pushState({ code: u.code }, '', a.href);
        choose(u.code, u);
      });
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  async function search(q) {
    const seq = ++state.seq;
    $('unit-error').hidden = true;
    $('search-status').textContent = t('u.searching');
    try {
      const r = await Api.get('/api/public/units?q=' + encodeURIComponent(q));
      if (seq !== state.seq) { return; }
      state.results = r.items;
      $('unit-results').hidden = false;
      renderResults();
    } catch (e) {
      if (seq !== state.seq) { return; }
      $('search-status').textContent = '';
      showError(e);
    }
  }

  function renderUnit() {
    const u = state.chosen;
    const data = state.channels;
    if (!u || !data) { return; }
    $('unit-section').hidden = false;
    $('unit-name').textContent = data.unit.name;
    $('unit-where').textContent = [where(u), t('u.code.label', { code: data.unit.code })].filter(Boolean).join(' · ');
    $('unit-former').hidden = !u.formerly;
    $('unit-former').textContent = u.formerly ? t('u.formerly.long', { name: u.formerly.name }) : '';
    $('unit-empty').hidden = data.items.length > 0;
    const list = $('channels');
    V.clear(list);
    // The unit's own accounts and pages first, then its community groups.
    const order = ['zalo_oa', 'facebook_page', 'website', 'youtube', 'tiktok', 'zalo_group', 'facebook_group'];
    data.items.slice().sort(function (a, b) {
      return order.indexOf(a.platform) - order.indexOf(b.platform);
    }).forEach(function (c) {
      const li = V.el('li', null, 'channel-card' + (c.status === 'verified' ? '' : ' off'));
      li.dataset.status = c.status;
      li.appendChild(V.el('strong', c.displayName, 'channel-name'));
      const meta = V.el('div', null, 'channel-meta');
      meta.appendChild(document.createTextNode((en() && c.platformLabelEn ? c.platformLabelEn : c.platformLabel) + ' · '));
      meta.appendChild(V.el('span', V.text('status.' + c.status), 'status ' + (c.status === 'verified' ? 'ok' : 'bad')));
      li.appendChild(meta);
      const link = V.el('a', c.url, 'channel-url');
      link.href = c.url;
      link.rel = 'noopener noreferrer';
      li.appendChild(link);
      if (c.status === 'verified' && c.token) {
        if (c.since) { li.appendChild(V.el('div', V.text('f.since') + ': ' + V.date(c.since), 'muted small')); }
        const qr = document.createElement('img');
        qr.className = 'channel-qr';
        qr.src = '/api/public/channels/' + encodeURIComponent(c.id) + '/qr.svg';
        qr.width = 192;
        qr.height = 192;
        qr.alt = t('u.qr.alt', { name: c.displayName });
        li.appendChild(qr);
        const actions = V.el('div', null, 'channel-actions');
        const open = V.el('a', t('u.open'), 'button secondary');
        open.href = c.url;
        open.rel = 'noopener noreferrer';
        const poster = V.el('a', t('u.poster'), 'button');
        poster.href = '/badge/' + encodeURIComponent(c.id) + '?print=1';
        actions.appendChild(open);
        actions.appendChild(poster);
        li.appendChild(actions);
      }
      list.appendChild(li);
    });
  }

  async function choose(code, match) {
    $('unit-error').hidden = true;
    try {
      const data = await Api.get('/api/public/units/' + encodeURIComponent(code) + '/channels');
      state.chosen = match || { code: data.unit.code, name: data.unit.name };
      state.channels = data;
      if (!match) {
        // Opened by its address: the level and parents come from the search by code.
        Api.get('/api/public/units?q=' + encodeURIComponent(code) + '&limit=1').then(function (r) {
          if (r.items.length && r.items[0].code === data.unit.code && state.channels === data) {
            state.chosen = r.items[0];
            renderUnit();
          }
        }).catch(function () {});
      }
      renderUnit();
      // The choice is made: the list of answers gives way to the unit's pages.
      $('unit-results').hidden = true;
      $('search-status').textContent = '';
      $('unit-name').focus();
    } catch (e) {
      $('unit-section').hidden = true;
      if (e.status === 404 && await successorsOf(code)) { return; }
      showError(e);
    }
  }

  // An old code (a link or poster from before a merger): offer the unit(s) that replaced it.
  async function successorsOf(code) {
    try {
      const r = await Api.get('/api/public/units/' + encodeURIComponent(code));
      if (r.current || !r.successors.length) { return false; }
      const former = r.former[0];
      state.results = r.successors.map(function (u) {
        return Object.assign({}, u, { formerly: former ? { code: former.code, name: former.name } : null });
      });
      $('unit-results').hidden = false;
      renderResults();
      return true;
    } catch (ignored) {
      return false;
    }
  }

  function fromAddress() {
    const parts = window.location.pathname.split('/');
    const code = decodeURIComponent(parts[2] || '');
    if (code) {
      choose(code, state.results && state.results.find(function (u) { return u.code === code; }));
    } else {
      $('unit-section').hidden = true;
    }
  }

  window.addEventListener('DOMContentLoaded', function () {
    const input = $('unit-q');
    let timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2) { return; }
      timer = setTimeout(function () { search(q); }, 300);
    });
    $('unit-search').addEventListener('submit', function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      const q = input.value.trim();
      if (q) { search(q); }
    });
    document.addEventListener('langchange', function () {
      if (!$('unit-results').hidden) { renderResults(); }
      renderUnit();
    });
    window.addEventListener('popstate', fromAddress);
    fromAddress();
  });
})();
