// The admin console: one page, sections by hash, each shown only to the roles that can use it.
// Text goes in with textContent only.
(function () {
  let me = null;
  let unit = null;
  let auditOffset = 0;
  const $ = function (id) { return document.getElementById(id); };
  const ADMINS = ['MINISTRY_ADMIN', 'UNIT_ADMIN'];
  function may(roles) { return !!me && roles.indexOf(me.role) >= 0; }

  // One message at a time: a success replaces an old error, and the other way round.
  function say(text, bad) { Dialog.toast(text, bad); }
  function fail(e) {
    const p = e.problem || {};
    const known = p.type ? I18n.t('problem.' + String(p.type).split('/').pop(), '') : '';
    const text = known && known.indexOf('problem.') !== 0 ? known : Dialog.problemText(e);
    say(text + (p.errors ? ' (' + Labels.number(p.errors.length) + ')' : ''), true);
  }
  function locale() { return I18n.lang() === 'en' ? 'en-GB' : 'vi-VN'; }
  const Labels = {
    // A code with no label gives '' (I18n.t answers the key itself when it knows no word for it).
    of: function (group, code) {
      if (code === undefined || code === null || code === '') { return ''; }
      const label = I18n.t(group + '.' + code, '');
      return label === group + '.' + code ? '' : label;
    },
    // Who did it: a username, or the platform itself ("system" in the audit log).
    actor: function (name) { return name === 'system' ? I18n.t('actor.system', 'Hệ thống') : name; },
    number: function (n) { return new Intl.NumberFormat(locale()).format(n); },
    // "1,6 %" in Vietnamese, "1.6%" in English.
    percent: function (x) {
      const n = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(x * 100);
      return I18n.lang() === 'en' ? n + '%' : n + '\u00a0%';
    },
    // An audit entry's target, "user:hanoi-admin" → "Người dùng hanoi-admin"; an unknown kind is shown as it is.
    // With the target's name from the server (a page or group, a unit): "Trang/nhóm Công an phường Ba Đình",
    // "Đơn vị Phường Ba Đình (00004)"; a page is never named by its number alone.
    target: function (t, name) {
      const at = String(t || '').indexOf(':');
      const kind = at > 0 ? Labels.of('target', t.slice(0, at)) : '';
      const id = at > 0 ? t.slice(at + 1) : '';
      if (kind && name) { return kind + ' ' + name + (t.slice(0, at) === 'unit' ? ' (' + id + ')' : ''); }
      return kind ? kind + ' ' + id : String(t || '');
    },
    dateTime: function (iso) {
      return new Intl.DateTimeFormat(locale(), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' })
        .format(new Date(iso));
    }
  };
  window.AdminLabels = Labels;
  function cell(tr, text) {
    const td = document.createElement('td');
    td.textContent = text === undefined || text === null ? '' : String(text);
    tr.appendChild(td);
    return td;
  }
  function button(td, key, vi, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'row-action' + (key === 'disable' || key === 'reject' || key === 'archive' ? ' danger' : '');
    b.dataset.action = key;
    b.textContent = I18n.t('admin.' + key, vi);
    b.addEventListener('click', function () { onClick().catch(fail); });
    td.appendChild(b);
    td.appendChild(document.createTextNode(' '));
  }
  /** A unit's path in names, nearest last: "Thành phố Hà Nội › Phường Ba Đình". */
  async function pathNames(u) {
    try {
      const r = await Api.get('/api/units/' + encodeURIComponent(me.unit.code) + '/search?q=' + encodeURIComponent(u.code));
      const m = r.items.filter(function (x) { return x.code === u.code; })[0];
      if (m) { return UnitPicker.label(m); }
    } catch (e) { /* the path stays as the name alone */ }
    return u.name;
  }

  async function show(code) {
    $('scope-note').hidden = true;
    try {
      unit = await Api.get('/api/units/' + encodeURIComponent(code));
    } catch (e) {
      if (e.status === 403 || e.status === 404) {
        $('scope-note').textContent = e.status === 403
          ? I18n.t('admin.outofscope', 'Đơn vị này nằm ngoài phạm vi của bạn: bạn chỉ xem được đơn vị của mình và các đơn vị trực thuộc.')
          : I18n.t('admin.nounit', 'Không có đơn vị nào với mã này.');
        $('scope-note').hidden = false;
        return;
      }
      throw e;
    }
    $('unit-title').textContent = unit.name + ' (' + unit.code + ')';
    $('onboard-parent').textContent = unit.name;
    // Nothing is onboarded under a ward: no form for it, whoever looks at the ward.
    $('onboard').hidden = !may(ADMINS) || unit.level === 'commune';
    const path = await pathNames(unit);
    $('unit-path').textContent = path === unit.name ? '' : path;
    await Promise.all([loadFigures(), loadChildren(), loadUsers(), loadChannels(), loadApprovals(), loadAudit(),
      may(ADMINS) ? AdminReorg.loadReviews(context) : null]);
  }
  async function loadFigures() {
    const f = await Api.get('/api/admin/units/' + unit.code + '/figures');
    $('coverage').textContent = Labels.percent(f.coverage);
    $('covered').textContent = Labels.number(f.wardsCovered) + '/' + Labels.number(f.wards);
    $('followers').textContent = Labels.number(f.followers);
  }
  async function loadChildren() {
    if (!may(ADMINS.concat('SUPERVISOR'))) { return; }
    const page = await Api.get('/api/units/' + unit.code + '/children?limit=500');
    Table.fill('children', page.items, function (tr, u) {
      const a = document.createElement('a');
      a.href = '#units';
      a.textContent = u.code;
      a.addEventListener('click', function () { show(u.code).catch(fail); });
      tr.appendChild(document.createElement('td')).appendChild(a);
      cell(tr, u.name); cell(tr, Labels.of('level', u.level));
    }, function (u) { return u.code + ' ' + u.name; }, I18n.t('admin.nochildren', 'Đơn vị này không có đơn vị trực thuộc.'));
  }
  async function loadUsers() {
    if (!may(ADMINS.concat('SUPERVISOR'))) { return; }
    const list = await Api.get('/api/admin/units/' + unit.code + '/users?limit=200');
    Table.fill('user-list', list.items, function (tr, u) {
      tr.dataset.username = u.username;
      cell(tr, u.username); cell(tr, u.displayName); cell(tr, Labels.of('role', u.role));
      cell(tr, u.disabled ? I18n.t('admin.locked', 'Đã khóa') : I18n.t('admin.active', 'Đang hoạt động'));
      const td = cell(tr, '');
      // No actions on one's own account: locking it or resetting its password would lock oneself out.
      if (!may(ADMINS) || u.username === me.username) { return; }
      button(td, u.disabled ? 'enable' : 'disable', u.disabled ? 'Mở khóa' : 'Khóa', async function () {
        const path = '/api/admin/users/' + u.id + (u.disabled ? '/enable' : '/disable');
        const done = u.disabled ? await Api.post(path) : await Dialog.confirm({ id: 'disable', danger: true,
          title: I18n.t('admin.confirmdisable', 'Khóa tài khoản') + ' ' + u.username + '?',
          lines: [I18n.t('admin.confirmdisable.what', 'Người này sẽ không đăng nhập được cho đến khi được mở khóa.'), u.displayName],
          confirm: I18n.t('admin.disable', 'Khóa'), run: function () { return Api.post(path); } });
        if (done) { say(I18n.t('admin.done', 'Đã xong')); await loadUsers(); }
      });
      button(td, 'reset', 'Cấp lại mật khẩu', async function () {
        const r = await Api.post('/api/admin/users/' + u.id + '/reset-password');
        $('setup-link').textContent = window.location.origin + r.setupLink; say(I18n.t('admin.done', 'Đã xong'));
      });
    }, function (u) { return u.username + ' ' + u.displayName; }, I18n.t('admin.nousers', 'Đơn vị này chưa có người dùng.'));
  }
  async function loadChannels() {
    const list = await Api.get('/api/admin/units/' + unit.code + '/channels');
    const operate = may(['OFFICER', 'UNIT_ADMIN']) && unit.code === me.unit.code;
    Table.fill('channel-list', list.items, function (tr, c) {
      tr.dataset.channel = c.normalizedId;
      cell(tr, c.displayName); cell(tr, Labels.of('platform', c.platform)); cell(tr, c.normalizedId); cell(tr, c.serves);
      const status = cell(tr, Labels.of('channelstatus', c.status));
      status.className = 'status';
      cell(tr, Labels.number(c.figures.followers));
      const td = cell(tr, c.statusReason || '');
      if (!operate || c.archived) { return; }
      // Only a pending channel can be sent for verification (the server refuses the others).
      if (c.status === 'pending') {
        button(td, 'request', 'Gửi xác minh', async function () {
          await Api.post('/api/admin/channels/' + c.id + '/verification-request'); say(I18n.t('admin.done', 'Đã xong')); await loadChannels();
        });
      }
      button(td, 'archive', 'Lưu trữ', async function () {
        const done = await Dialog.confirm({ id: 'archive', danger: true,
          title: I18n.t('admin.confirmarchive', 'Lưu trữ trang/nhóm') + ' ' + c.displayName + '?',
          lines: [I18n.t('admin.confirmarchive.what', 'Trang/nhóm sẽ không còn hiện là trang chính thức với người dân.')],
          confirm: I18n.t('admin.archive', 'Lưu trữ'), run: function () { return Api.post('/api/admin/channels/' + c.id + '/archive'); } });
        if (done) { say(I18n.t('admin.done', 'Đã xong')); await loadChannels(); }
      });
    }, function (c) { return c.displayName + ' ' + c.normalizedId + ' ' + (c.serves || ''); },
    I18n.t('admin.nochannels', 'Đơn vị này chưa đăng ký trang/nhóm nào.'));
  }
  async function loadApprovals() {
    if (!may(ADMINS)) { return; }
    const list = await Api.get('/api/admin/units/' + unit.code + '/approvals');
    Table.fill('approval-list', list.items, function (tr, r) {
      tr.dataset.channel = r.normalizedId;
      cell(tr, r.channelName); cell(tr, Labels.of('platform', r.platform)); cell(tr, r.normalizedId); cell(tr, r.unitName || r.tenantPath);
      const td = cell(tr, '');
      button(td, 'approve', 'Duyệt', async function () {
        await Api.post('/api/admin/channels/' + r.channelId + '/approve'); say(I18n.t('admin.done', 'Đã xong')); await show(unit.code);
      });
      button(td, 'reject', 'Từ chối', async function () {
        const done = await Dialog.confirm({ id: 'reject', danger: true, reason: I18n.t('admin.reason', 'Lý do từ chối'),
          title: I18n.t('admin.reject', 'Từ chối') + ' ' + r.channelName + '?',
          lines: [I18n.t('admin.reject.what', 'Đơn vị sẽ thấy lý do này và có thể gửi lại yêu cầu.')], confirm: I18n.t('admin.reject', 'Từ chối'),
          run: function (reason) { return Api.post('/api/admin/channels/' + r.channelId + '/reject', { reason: reason }); } });
        if (done) { say(I18n.t('admin.done', 'Đã xong')); await loadApprovals(); }
      });
    }, function (r) { return r.channelName + ' ' + r.normalizedId; }, I18n.t('admin.noapprovals', 'Không có yêu cầu xác minh nào đang chờ.'));
  }
  async function loadAudit() {
    if (!may(ADMINS)) { return; }
    const action = $('audit-action').value.trim();
    const list = await Api.get('/api/admin/units/' + unit.code + '/audit?limit=20&offset=' + auditOffset
      + (action ? '&action=' + encodeURIComponent(action) : ''));
    Table.fill('audit-list', list.items, function (tr, e) {
      cell(tr, Labels.dateTime(e.at)).dataset.sort = e.at; cell(tr, Labels.actor(e.actor)); cell(tr, Labels.of('audit', e.action) || I18n.t('admin.otheraction', 'Thao tác khác'));
      cell(tr, Labels.target(e.target, e.targetName)); cell(tr, e.unitName || e.tenantPath.split('/').pop());
    }, function (e) { return e.actor + ' ' + e.target; }, I18n.t('admin.noaudit', 'Chưa có mục nào trong nhật ký.'));
    $('audit-prev').disabled = auditOffset === 0;
    $('audit-next').disabled = list.items.length < 20;
    // One page only: no paging buttons at all (two disabled buttons read as broken).
    $('audit-pager').hidden = auditOffset === 0 && list.items.length < 20;
  }

  // What the import, reorganisation and review parts (admin-reorg.js) use of the console.
  const context = { unit: function () { return unit; }, me: function () { return me; }, say: say, fail: fail, cell: cell,
    show: function (code) { return show(code); }, reload: function () { return show(unit.code); } };

  function wire() {
    UnitPicker.attach($('unit-search'), { within: function () { return me.unit.code; },
      onPick: function (u) { show(u.code).catch(fail); } });
    $('unit-search').addEventListener('change', function () {
      const codes = UnitPicker.codes($('unit-search'));
      if (codes.length && /^[0-9A-Z]+$/.test($('unit-search').value.trim().toUpperCase())) { show(codes[0]).catch(fail); }
    });
    $('onboard-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      Api.post('/api/admin/units/' + unit.code + '/onboard', { code: $('ob-code').value.trim(), name: $('ob-name').value.trim(),
        level: $('ob-level').value, firstUser: { username: $('ob-username').value.trim(), displayName: $('ob-display').value.trim(), role: $('ob-role').value } })
        .then(function (r) {
          $('setup-link').textContent = window.location.origin + r.firstUser.setupLink;
          $('onboard-form').reset();
          say(I18n.t('admin.onboarded', 'Đã thêm đơn vị và quản trị đầu tiên. Gửi liên kết đặt mật khẩu cho người đó.'));
          return loadChildren();
        })
        .catch(fail);
    });
    $('user-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      Api.post('/api/admin/units/' + unit.code + '/users', { username: $('u-username').value.trim(), displayName: $('u-display').value.trim(), role: $('u-role').value })
        .then(function (r) { $('setup-link').textContent = window.location.origin + r.setupLink; $('user-form').reset(); say(I18n.t('admin.done', 'Đã xong')); return loadUsers(); })
        .catch(fail);
    });
    $('channel-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      Api.post('/api/admin/units/' + unit.code + '/channels', { platform: $('ch-platform').value, link: $('ch-link').value,
        name: $('ch-name').value, serves: $('ch-serves').value || null, admins: $('ch-admins').value || null })
        .then(function () { $('channel-form').reset(); say(I18n.t('admin.done', 'Đã xong')); return loadChannels(); })
        .catch(fail);
    });
    AdminReorg.init(context);
    $('audit-action').addEventListener('change', function () { auditOffset = 0; loadAudit().catch(fail); });
    $('audit-prev').addEventListener('click', function () { auditOffset = Math.max(0, auditOffset - 20); loadAudit().catch(fail); });
    $('audit-next').addEventListener('click', function () { auditOffset += 20; loadAudit().catch(fail); });
  }

  window.addEventListener('DOMContentLoaded', async function () {
    me = await Api.me();
    wire();
    // The same name as the home page's bar (the username): short enough for one line on a phone.
    $('who').textContent = me.username;
    // Each role sees only what it can use (the API still refuses the rest).
    document.querySelectorAll('[data-roles]').forEach(function (el) {
      el.hidden = el.dataset.roles.split(' ').indexOf(me.role) < 0;
    });
    // Nothing sits below a ward: a ward's admin is not offered to add, import or reorganise units.
    document.querySelectorAll('[data-levels]').forEach(function (el) {
      if (el.dataset.levels.split(' ').indexOf(me.unit.level) < 0) { el.hidden = true; }
    });
    // A menu of one section (an officer's) is no menu.
    const menu = document.querySelector('main > nav.card');
    menu.hidden = menu.querySelectorAll('li:not([hidden])').length < 2;
    document.addEventListener('langchange', function () { if (unit) { show(unit.code).catch(fail); } });
    await show(me.unit.code).catch(fail);
    document.body.dataset.ready = 'true';
  });
})();
