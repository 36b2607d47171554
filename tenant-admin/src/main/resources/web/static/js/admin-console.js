// The admin console: one page, sections by hash. Text goes in with textContent only.
(function () {
  let me = null;
  let unit = null;
  let auditOffset = 0;
  const $ = function (id) { return document.getElementById(id); };

  let toastTimer = null;
  // One message at a time: a success replaces an old error, and the other way round.
  function say(text, bad) {
    $('message').className = bad ? 'error' : 'muted';
    $('message').textContent = text;
    const t = $('toast');
    t.className = bad ? 'toast bad' : 'toast';
    t.setAttribute('role', bad ? 'alert' : 'status');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toastTimer);
    if (!bad) { toastTimer = setTimeout(function () { t.hidden = true; }, 5000); }
  }
  // The server still writes some messages as "Vietnamese / English": show only the page's language.
  function oneLanguage(text) {
    const s = String(text || '');
    const i = s.indexOf(' / ');
    if (i < 0) { return s; }
    return I18n.lang() === 'en' ? s.substring(i + 3) : s.substring(0, i);
  }
  function fail(e) {
    const p = e.problem || {};
    const known = p.type ? I18n.t('problem.' + String(p.type).split('/').pop(), '') : '';
    const text = known && known.indexOf('problem.') !== 0 ? known : oneLanguage(p.detail || e.message);
    say(text + (p.errors ? ' (' + Labels.number(p.errors.length) + ')' : ''), true);
  }
  const Labels = {
    of: function (group, code) { return code === undefined || code === null || code === '' ? '' : I18n.t(group + '.' + code, String(code)); },
    number: function (n) { return new Intl.NumberFormat(I18n.lang() === 'en' ? 'en-GB' : 'vi-VN').format(n); },
    percent: function (x) { return new Intl.NumberFormat(I18n.lang() === 'en' ? 'en-GB' : 'vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(x); },
    dateTime: function (iso) {
      return new Intl.DateTimeFormat(I18n.lang() === 'en' ? 'en-GB' : 'vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric',
        hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
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
  // Sentences and counts in place of the raw result: one list item per non-zero count.
  function report(id, r, keys, lead) {
    const box = $(id);
    box.replaceChildren();
    const head = document.createElement('p');
    head.textContent = (r.dryRun ? I18n.t('admin.report.dry', 'Chạy thử — chưa có gì thay đổi. Nếu thực hiện:')
      : I18n.t('admin.report.done', 'Đã thực hiện:')) + (lead ? ' ' + lead : '');
    box.appendChild(head);
    const ul = document.createElement('ul');
    ul.className = 'report';
    function item(text) { const li = document.createElement('li'); li.textContent = text; ul.appendChild(li); }
    keys.forEach(function (k) {
      const v = r[k];
      if (Array.isArray(v)) {
        const names = v.map(function (x) { return typeof x === 'object' && x !== null ? (x.code || x.name || '') : String(x); });
        item(I18n.t('report.' + k, k) + ': ' + Labels.number(v.length) + (names.length ? ' (' + names.join(', ') + ')' : ''));
      } else if (typeof v === 'number' && (v !== 0 || k === 'closed' || k === 'created')) {
        item(I18n.t('report.' + k, k) + ': ' + Labels.number(v));
      }
    });
    if (r.successors && typeof r.successors === 'object') {
      Object.keys(r.successors).forEach(function (from) {
        item(I18n.t('report.successor', 'Đơn vị kế thừa') + ': ' + from + ' → ' + [].concat(r.successors[from]).join(', '));
      });
    }
    box.appendChild(ul);
  }
  function rows(id, items, fill) {
    const body = $(id);
    body.replaceChildren();
    items.forEach(function (x) { const tr = document.createElement('tr'); fill(tr, x); body.appendChild(tr); });
    const table = body.closest('table');
    if (table) { table.hidden = items.length === 0; }
    const empty = document.querySelector('[data-empty-for="' + id + '"]');
    if (empty) { empty.hidden = items.length !== 0; }
  }

  async function show(code) {
    unit = await Api.get('/api/units/' + encodeURIComponent(code));
    $('unit-code').value = unit.code;
    $('unit-title').textContent = unit.name + ' (' + unit.code + ')';
    $('unit-path').textContent = unit.path;
    await Promise.all([loadFigures(), loadChildren(), loadUsers(), loadChannels(), loadApprovals(), loadAudit()]);
  }
  async function loadFigures() {
    const f = await Api.get('/api/admin/units/' + unit.code + '/figures');
    $('coverage').textContent = Labels.percent(f.coverage);
    $('covered').textContent = Labels.number(f.wardsCovered) + '/' + Labels.number(f.wards);
    $('followers').textContent = Labels.number(f.followers);
  }
  async function loadChildren() {
    const page = await Api.get('/api/units/' + unit.code + '/children?limit=500');
    rows('children', page.items, function (tr, u) {
      const a = document.createElement('a');
      a.href = '#units';
      a.textContent = u.code;
      a.addEventListener('click', function () { show(u.code).catch(fail); });
      tr.appendChild(document.createElement('td')).appendChild(a);
      cell(tr, u.name); cell(tr, Labels.of('level', u.level));
    });
  }
  async function loadUsers() {
    if (!me || (me.role !== 'MINISTRY_ADMIN' && me.role !== 'UNIT_ADMIN' && me.role !== 'SUPERVISOR')) { return; }
    const list = await Api.get('/api/admin/units/' + unit.code + '/users?limit=200');
    rows('user-list', list.items, function (tr, u) {
      tr.dataset.username = u.username;
      cell(tr, u.username); cell(tr, u.displayName); cell(tr, Labels.of('role', u.role));
      cell(tr, u.disabled ? I18n.t('admin.locked', 'Đã khoá') : I18n.t('admin.active', 'Đang hoạt động'));
      const td = cell(tr, '');
      button(td, u.disabled ? 'enable' : 'disable', u.disabled ? 'Mở khoá' : 'Khoá', async function () {
        if (!u.disabled && !window.confirm(I18n.t('admin.confirmdisable', 'Khoá tài khoản') + ' ' + u.username + '?')) { return; }
        await Api.post('/api/admin/users/' + u.id + (u.disabled ? '/enable' : '/disable')); say(I18n.t('admin.done', 'Đã xong')); await loadUsers();
      });
      button(td, 'reset', 'Cấp lại mật khẩu', async function () {
        const r = await Api.post('/api/admin/users/' + u.id + '/reset-password');
        $('setup-link').textContent = window.location.origin + r.setupLink; say(I18n.t('admin.done', 'Đã xong'));
      });
    });
  }
  async function loadChannels() {
    const list = await Api.get('/api/admin/units/' + unit.code + '/channels');
    rows('channel-list', list.items, function (tr, c) {
      tr.dataset.channel = c.normalizedId;
      cell(tr, c.displayName); cell(tr, Labels.of('platform', c.platform)); cell(tr, c.normalizedId); cell(tr, c.serves);
      const status = cell(tr, Labels.of('channelstatus', c.status));
      status.className = 'status';
      cell(tr, Labels.number(c.figures.followers));
      const td = cell(tr, c.statusReason || '');
      button(td, 'request', 'Gửi xác minh', async function () {
        await Api.post('/api/admin/channels/' + c.id + '/verification-request'); say(I18n.t('admin.done', 'Đã xong')); await loadChannels();
      });
      button(td, 'archive', 'Lưu trữ', async function () {
        if (!window.confirm(I18n.t('admin.confirmarchive', 'Lưu trữ trang/nhóm') + ' ' + c.displayName + '?')) { return; }
        await Api.post('/api/admin/channels/' + c.id + '/archive'); say(I18n.t('admin.done', 'Đã xong')); await loadChannels(); });
    });
  }
  async function loadApprovals() {
    if (!me || (me.role !== 'MINISTRY_ADMIN' && me.role !== 'UNIT_ADMIN')) { return; }
    const list = await Api.get('/api/admin/units/' + unit.code + '/approvals');
    rows('approval-list', list.items, function (tr, r) {
      tr.dataset.channel = r.normalizedId;
      cell(tr, r.channelName); cell(tr, Labels.of('platform', r.platform)); cell(tr, r.normalizedId); cell(tr, r.tenantPath);
      const td = cell(tr, '');
      button(td, 'approve', 'Duyệt', async function () {
        await Api.post('/api/admin/channels/' + r.channelId + '/approve'); say(I18n.t('admin.done', 'Đã xong')); await show(unit.code);
      });
      button(td, 'reject', 'Từ chối', async function () {
        const reason = window.prompt(I18n.t('admin.reason', 'Lý do từ chối'));
        if (reason) { await Api.post('/api/admin/channels/' + r.channelId + '/reject', { reason: reason }); say(I18n.t('admin.done', 'Đã xong')); await loadApprovals(); }
      });
    });
  }
  async function loadAudit() {
    if (!me || (me.role !== 'MINISTRY_ADMIN' && me.role !== 'UNIT_ADMIN')) { return; }
    const action = $('audit-action').value.trim();
    const list = await Api.get('/api/admin/units/' + unit.code + '/audit?limit=20&offset=' + auditOffset
      + (action ? '&action=' + encodeURIComponent(action) : ''));
    rows('audit-list', list.items, function (tr, e) {
      cell(tr, Labels.dateTime(e.at)); cell(tr, e.actor); cell(tr, Labels.of('audit', e.action)); cell(tr, e.target);
      cell(tr, e.tenantPath);
    });
  }

  function wire() {
    $('unit-code').addEventListener('change', function () { show($('unit-code').value.trim()).catch(fail); });
    let timer = null;
    $('unit-search').addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(async function () {
        const q = $('unit-search').value.trim();
        if (!q) { $('search-results').replaceChildren(); return; }
        const r = await Api.get('/api/admin/units/' + me.unit.code + '/search?q=' + encodeURIComponent(q)).catch(fail);
        $('search-results').replaceChildren();
        (r ? r.items : []).forEach(function (u) {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = '#units';
          a.textContent = u.code + ' — ' + u.name;
          a.addEventListener('click', function () { show(u.code).catch(fail); });
          li.appendChild(a);
          $('search-results').appendChild(li);
        });
      }, 250);
    });
    $('onboard-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      Api.post('/api/admin/units/' + unit.code + '/onboard', { code: $('ob-code').value.trim(), name: $('ob-name').value.trim(),
        level: $('ob-level').value, firstUser: { username: $('ob-username').value.trim(), displayName: $('ob-display').value.trim(), role: $('ob-role').value } })
        .then(function (r) { $('setup-link').textContent = window.location.origin + r.firstUser.setupLink; say(I18n.t('admin.done', 'Đã xong')); return loadChildren(); })
        .catch(fail);
    });
    $('user-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      Api.post('/api/admin/units/' + unit.code + '/users', { username: $('u-username').value.trim(), displayName: $('u-display').value.trim(), role: $('u-role').value })
        .then(function (r) { $('setup-link').textContent = window.location.origin + r.setupLink; return loadUsers(); })
        .catch(fail);
    });
    $('channel-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      Api.post('/api/admin/units/' + unit.code + '/channels', { platform: $('ch-platform').value, link: $('ch-link').value,
        name: $('ch-name').value, serves: $('ch-serves').value || null, admins: $('ch-admins').value || null })
        .then(function () { say(I18n.t('admin.done', 'Đã xong')); return loadChannels(); })
        .catch(fail);
    });
    $('import-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      const form = new FormData();
      form.append('file', $('import-file').files[0]);
      $('import-errors').replaceChildren();
      Api.post('/api/admin/units/' + unit.code + '/import?dryRun=' + $('import-dry').checked, form)
        .then(function (r) {
          $('import-verdict').className = '';
          report('import-verdict', r, ['rows', 'created', 'renamed', 'unchanged', 'movesIgnored']);
          say(r.dryRun ? I18n.t('admin.dryrun.done', 'Chạy thử xong: chưa thay đổi gì') : I18n.t('admin.done', 'Đã xong'));
        })
        .catch(function (e) {
          $('import-verdict').className = 'error';
          $('import-verdict').textContent = I18n.t('admin.import.bad', 'Tệp có lỗi, chưa nhập gì.');
          fail(e);
          rows('import-errors', (e.problem && e.problem.errors) || [], function (tr, l) {
            cell(tr, Labels.number(l.line)); cell(tr, l.code); cell(tr, Labels.of('importerror', l.kind)); cell(tr, I18n.lang() === 'en' ? l.messageEn : l.messageVi);
          });
        });
    });
    function reorg(dryRun) {
      const action = $('rg-action').value;
      const units = $('rg-units').value.split(',').map(function (s) { return s.trim(); }).filter(Boolean);
      const target = $('rg-target').value.trim();
      const body = action === 'merge' ? { sources: units, target: target }
        : action === 'move' ? { unit: units[0], parent: target }
        : action === 'rename' ? { unit: units[0], name: target }
        : { unit: units[0], successors: units.slice(1), defaultSuccessor: target };
      body.dryRun = dryRun;
      return Api.post('/api/admin/reorg/' + action, body).then(function (r) {
        report('reorg-report', r, ['closed', 'renamed', 'unitsRepathed', 'usersMoved', 'usersRepathed', 'channelsMoved',
          'channelsRepathed', 'reviewItems'], I18n.t('admin.rg.units', 'Đơn vị') + ': ' + units.join(', ') + ' → ' + target);
        say(dryRun ? I18n.t('admin.dryrun.done', 'Chạy thử xong: chưa thay đổi gì') : I18n.t('admin.done', 'Đã xong'));
        return r;
      }).catch(function (e) { fail(e); return null; });
    }
    $('reorg-form').addEventListener('submit', function (ev) { ev.preventDefault(); reorg(true); });
    // An irreversible change: run it dry first and ask with the counts before applying.
    $('rg-apply').addEventListener('click', async function () {
      const r = await reorg(true);
      if (!r) { return; }
      const lines = Array.from($('reorg-report').querySelectorAll('li')).map(function (li) { return li.textContent; });
      if (window.confirm(I18n.t('admin.rg.confirm', 'Thực hiện thay đổi này? Không thể hoàn tác.') + '\n' + lines.join('\n'))) { await reorg(false); }
    });
    $('audit-action').addEventListener('change', function () { auditOffset = 0; loadAudit().catch(fail); });
    $('audit-prev').addEventListener('click', function () { auditOffset = Math.max(0, auditOffset - 20); loadAudit().catch(fail); });
    $('audit-next').addEventListener('click', function () { auditOffset += 20; loadAudit().catch(fail); });
  }

  window.addEventListener('DOMContentLoaded', async function () {
    wire();
    me = await Api.me();
    $('who').textContent = me.username;
    // Each role sees only the sections it can use (the API still refuses the rest).
    document.querySelectorAll('[data-roles]').forEach(function (el) {
      el.hidden = el.dataset.roles.split(' ').indexOf(me.role) < 0;
    });
    document.addEventListener('langchange', function () { if (unit) { show(unit.code).catch(fail); } });
    await show(me.unit.code).catch(fail);
    document.body.dataset.ready = 'true';
  });
})();
