// /staff/alerts: the unit's alerts (issued, with their delivery to the channels as labels; and
// received from above), cancelling or updating one after a confirmation, each channel's delivery
// with the platform's reason in words, and the community-group posts an officer pastes by hand.
(function () {
  const L = function () { return window.AlertLabels; };
  function $(id) { return document.getElementById(id); }
  const el = function (tag, cls, text) { return Dialog.el(tag, cls, text); };
  let me = null;
  let mayIssue = false;
  let items = [];
  let manual = [];
  let shown = null;

  function api(path) { return '/api/units/' + encodeURIComponent(me.unit.code) + path; }

  function cell(tr, label, content) {
    const td = el('td');
    td.dataset.label = label;
    if (content instanceof Node) { td.appendChild(content); } else { td.textContent = content; }
    tr.appendChild(td);
    return td;
  }

  function header(key, vi) { return I18n.t(key, vi); }

  function titleCell(a) {
    const box = el('div');
    box.appendChild(el('strong', null, a.title));
    const meta = [L().severity(a.severity)];
    if (a.category) { meta.push(a.category); }
    meta.push(L().time(a.issuedAt));
    box.appendChild(el('div', 'muted small', meta.join(' · ')));
    return box;
  }

  function stateLabel(a) { return el('span', 'label ' + (a.state === 'active' ? 'ok' : 'off'), L().state(a.state)); }

  /** "2 kênh nền tảng đã đăng · 1 không gửi được", one label per state with any. */
  function summary(d) {
    const list = el('ul', 'labels');
    L().order.forEach(function (state) {
      if (d && d[state]) { list.appendChild(el('li', 'label ' + L().tone(state), L().count(state, d[state]))); }
    });
    if (!list.children.length) { list.appendChild(el('li', 'muted', L().t('al.n.none', 'Chưa có kênh chính thức nào trong phạm vi'))); }
    return list;
  }

  function button(text, cls, onClick) {
    const b = el('button', 'row-action' + (cls ? ' ' + cls : ''), text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function actions(a, own) {
    const box = el('div');
    box.appendChild(button(L().t('al.a.details', 'Tình trạng gửi'), null, function () { details(a); }));
    if (own && mayIssue && a.state === 'active') {
      box.appendChild(button(L().t('al.a.update', 'Cập nhật'), null, function () { AlertCompose.edit(a); }));
      box.appendChild(button(L().t('al.a.cancel', 'Huỷ cảnh báo'), 'danger', function () { cancel(a); }));
    }
    return box;
  }

  function render() {
    const issued = items.filter(function (a) { return !a.received; });
    const received = items.filter(function (a) { return a.received; });
    const text = function (a) { return a.title + ' ' + (a.category || '') + ' ' + a.unit.name; };
    Table.fill('issued', issued, function (tr, a) {
      tr.dataset.alert = a.id;
      cell(tr, header('al.c.title', 'Cảnh báo'), titleCell(a));
      cell(tr, header('al.c.state', 'Tình trạng'), stateLabel(a));
      cell(tr, header('al.c.valid', 'Hiệu lực đến'), L().time(a.expiresAt));
      cell(tr, header('al.c.delivery', 'Gửi tới các kênh'), summary(a.deliveries));
      cell(tr, header('al.c.actions', 'Thao tác'), actions(a, true));
    }, text, I18n.t('al.issued.none', 'Đơn vị chưa phát cảnh báo nào.'));
    Table.fill('received', received, function (tr, a) {
      tr.dataset.alert = a.id;
      cell(tr, header('al.c.title', 'Cảnh báo'), titleCell(a));
      cell(tr, header('al.c.from', 'Đơn vị phát'), a.unit.name);
      cell(tr, header('al.c.state', 'Tình trạng'), stateLabel(a));
      cell(tr, header('al.c.valid', 'Hiệu lực đến'), L().time(a.expiresAt));
      cell(tr, header('al.c.actions', 'Thao tác'), actions(a, false));
    }, text, I18n.t('al.received.none', 'Chưa nhận cảnh báo nào từ cấp trên.'));
    renderManual();
    if (shown) { details(shown, true); }
  }

  function renderManual() {
    const list = $('manual');
    list.replaceChildren();
    manual.forEach(function (d) {
      const li = el('li', 'card manual-item');
      li.dataset.delivery = d.id;
      li.appendChild(el('h3', null, d.alertTitle));
      li.appendChild(el('p', 'muted', (d.channel.platformLabel || '') + ' · ' + d.channel.name));
      const area = el('textarea', 'paste');
      area.id = 'paste-' + d.id;
      area.readOnly = true;
      area.rows = 6;
      area.value = d.text;
      const label = el('label', 'visually-hidden', L().t('al.copy', 'Sao chép nội dung') + ': ' + d.channel.name);
      label.htmlFor = area.id;
      li.append(label, area);
      const row = el('div', 'dialog-actions start');
      row.appendChild(button(L().t('al.copy', 'Sao chép nội dung'), null, function () { copy(area); }));
      // Marking posted is OPERATE on the group's own unit: its officers and its admins.
      if (d.unitCode === me.unit.code && (me.role === 'OFFICER' || me.role === 'UNIT_ADMIN')) {
        const link = el('input');
        link.id = 'posted-link-' + d.id;
        link.type = 'url';
        link.maxLength = 500;
        const ll = el('label', 'field', L().t('al.posted.link', 'Liên kết bài đăng (không bắt buộc)'));
        ll.htmlFor = link.id;
        li.append(ll, link);
        row.appendChild(button(L().t('al.posted', 'Đánh dấu đã đăng'), null, function (ev) { posted(d, link.value.trim(), ev.target); }));
      } else {
        li.appendChild(el('p', 'muted', L().t('al.posted.other', 'Chờ cán bộ của {u} đăng.', { u: d.unitCode })));
      }
      li.appendChild(row);
      list.appendChild(li);
    });
    $('manual-empty').hidden = manual.length !== 0;
  }

  async function copy(area) {
    try {
      await navigator.clipboard.writeText(area.value);
      Dialog.toast(L().t('al.copied', 'Đã sao chép: hãy dán vào nhóm.'));
    } catch (e) {
      area.select();
      Dialog.toast(L().t('al.copy.failed', 'Trình duyệt không cho sao chép: hãy chọn nội dung và tự sao chép.'), true);
    }
  }

  async function posted(d, link, btn) {
    btn.setAttribute('aria-busy', 'true');
    try {
      const body = link ? { link: link } : {};
      await Api.post('/api/units/' + encodeURIComponent(d.unitCode) + '/alert-deliveries/' + d.id + '/posted', body);
      Dialog.toast(L().t('al.posted.done', 'Đã đánh dấu đã đăng vào {g}.', { g: d.channel.name }));
      await load();
    } catch (e) {
      Dialog.toast(Dialog.problemText(e), true);
    } finally {
      btn.removeAttribute('aria-busy');
    }
  }

  async function cancel(a) {
    const done = await Dialog.confirm({ id: 'cancel', danger: true, title: L().t('al.cancel.title', 'Huỷ cảnh báo này?'),
      lines: [L().t('al.cancel.impact', 'Một văn bản huỷ có chữ ký được ghi vào nhật ký minh bạch; trang cảnh báo và mọi lần kiểm tra sẽ báo cảnh báo đã bị huỷ, các kênh chưa gửi sẽ dừng.'), a.title],
      reason: L().t('al.cancel.reason', 'Lý do huỷ (bắt buộc)'), confirm: L().t('al.a.cancel', 'Huỷ cảnh báo'),
      run: function (reason) { return Api.post(api('/alerts/' + encodeURIComponent(a.id) + '/cancel'), { reason: reason }); } });
    if (!done) { return; }
    Dialog.toast(L().t('al.cancel.done', 'Đã huỷ cảnh báo.'));
    await load();
  }

  /** One alert's deliveries to each channel, with the platform's reason in words. */
  async function details(a, quiet) {
    shown = a;
    $('detail').hidden = false;
    $('detail-title').textContent = a.title;
    $('detail-meta').textContent = a.unit.name + ' · ' + L().state(a.state) + ' · ' + L().severity(a.severity)
      + ' · ' + L().time(a.issuedAt) + ' – ' + L().time(a.expiresAt);
    $('detail-page').href = a.page;
    const r = await Api.get(api('/alerts/' + encodeURIComponent(a.id) + '/deliveries'));
    Table.fill('deliveries', r.items, function (tr, d) {
      tr.dataset.delivery = d.id;
      tr.dataset.state = d.state;
      const ch = el('div');
      ch.appendChild(el('strong', null, d.channel.name));
      ch.appendChild(el('div', 'muted small', d.channel.platformLabel || ''));
      cell(tr, header('al.d.channel', 'Kênh'), ch);
      cell(tr, header('al.d.unit', 'Đơn vị'), d.unitCode);
      cell(tr, header('al.c.state', 'Tình trạng'), el('span', 'label ' + L().tone(d.state), d.statusLabel));
      const why = [];
      if (d.failLabel) { why.push(d.failLabel); }
      if (d.platformMessage) { why.push('«' + d.platformMessage + '»'); }
      if (d.attempts > 1) { why.push(L().t('al.tries', '{n} lần thử', { n: L().number(d.attempts) })); }
      if (d.doneAt) { why.push(L().time(d.doneAt)); }
      const detail = cell(tr, header('al.d.why', 'Chi tiết'), why.join(' · '));
      if (d.state === 'not-connected' && AlertConnect.may(me)) {
        detail.appendChild(button(L().t('al.k.open', 'Kết nối trang'), null, function () { AlertConnect.open(d); }));
      }
    }, function (d) { return d.channel.name + ' ' + d.unitCode + ' ' + d.statusLabel; },
    I18n.t('al.n.none', 'Chưa có kênh chính thức nào trong phạm vi'));
    if (!quiet) { $('detail-title').focus(); }
  }

  async function load() {
    $('load-error').hidden = true;
    try {
      const [alerts, deliveries] = await Promise.all([Api.get(api('/alerts?limit=200')), Api.get(api('/alert-deliveries?limit=500'))]);
      $('unit-name').textContent = alerts.unit.name;
      items = alerts.items;
      manual = deliveries.items.filter(function (d) { return d.mode === 'manual' && d.state === 'ready'; });
      if (shown) { shown = items.find(function (a) { return a.id === shown.id; }) || null; }
      if (!shown) { $('detail').hidden = true; }
      render();
    } catch (e) {
      $('load-error').textContent = e.status === 403 ? Dialog.problemText(e) : L().t('al.load.failed', 'Không tải được danh sách cảnh báo. Vui lòng thử lại.');
      $('load-error').hidden = false;
    }
  }

  window.addEventListener('DOMContentLoaded', async function () {
    me = await Api.me();
    $('who').textContent = me.username;
    $('unit-name').textContent = me.unit.name;
    mayIssue = AlertCompose.init(me, async function (a) {
      Dialog.toast(L().t('al.issued.done', 'Đã phát cảnh báo “{t}”; đang gửi tới các kênh trong phạm vi.', { t: a.title }));
      await load();
    });
    // A ward's officer mostly receives: what came from above and what to paste come first.
    if (me.role === 'OFFICER') { $('manual-card').after($('compose-card')); $('received-card').after($('manual-card')); $('issued-card').before($('received-card')); }
    if (!mayIssue) {
      const p = el('p', 'muted', L().t('al.cannot.issue', 'Vai trò của bạn không phát cảnh báo cho đơn vị này; bạn xem được các cảnh báo đơn vị đã phát và đã nhận.'));
      $('issued-h').after(p);
    }
    AlertConnect.init(load);
    document.addEventListener('langchange', render);
    await load();
    document.body.dataset.ready = 'true';
  });
})();
