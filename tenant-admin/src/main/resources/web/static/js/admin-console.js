// The admin console: one page, sections by hash. Text goes in with textContent only.
(function () {
  let me = null;
  let unit = null;
  let auditOffset = 0;
  const $ = function (id) { return document.getElementById(id); };

  function say(text, bad) {
    $('message').className = bad ? 'error' : 'muted';
    $('message').textContent = text;
  }
  function fail(e) {
    const p = e.problem || {};
    say((p.detail || e.message) + (p.errors ? ' (' + p.errors.length + ')' : ''), true);
  }
  function cell(tr, text) {
    const td = document.createElement('td');
    td.textContent = text === undefined || text === null ? '' : String(text);
    tr.appendChild(td);
    return td;
  }
  function button(td, key, vi, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'link';
    b.dataset.action = key;
    b.textContent = I18n.t('admin.' + key, vi);
    b.addEventListener('click', function () { onClick().catch(fail); });
    td.appendChild(b);
    td.appendChild(document.createTextNode(' '));
  }
  function rows(id, items, fill) {
    const body = $(id);
    body.replaceChildren();
    items.forEach(function (x) { const tr = document.createElement('tr'); fill(tr, x); body.appendChild(tr); });
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
    $('coverage').textContent = Math.round(f.coverage * 1000) / 10 + '%';
    $('covered').textContent = f.wardsCovered + '/' + f.wards;
    $('followers').textContent = f.followers;
  }
  async function loadChildren() {
    const page = await Api.get('/api/units/' + unit.code + '/children?limit=500');
    rows('children', page.items, function (tr, u) {
      const a = document.createElement('a');
      a.href = '#units';
      a.textContent = u.code;
      a.addEventListener('click', function () { show(u.code).catch(fail); });
      tr.appendChild(document.createElement('td')).appendChild(a);
      cell(tr, u.name); cell(tr, u.level);
    });
  }
  async function loadUsers() {
    if (!me || (me.role !== 'MINISTRY_ADMIN' && me.role !== 'UNIT_ADMIN' && me.role !== 'SUPERVISOR')) { return; }
    const list = await Api.get('/api/admin/units/' + unit.code + '/users?limit=200');
    rows('user-list', list.items, function (tr, u) {
      tr.dataset.username = u.username;
      cell(tr, u.username); cell(tr, u.displayName); cell(tr, u.role); cell(tr, u.tenantPath);
      const td = cell(tr, u.disabled ? '⛔' : '');
      button(td, u.disabled ? 'enable' : 'disable', u.disabled ? 'Mở khoá' : 'Khoá', async function () {
        await Api.post('/api/admin/users/' + u.id + (u.disabled ? '/enable' : '/disable')); await loadUsers();
      });
      button(td, 'reset', 'Cấp lại mật khẩu', async function () {
        const r = await Api.post('/api/admin/users/' + u.id + '/reset-password');
        $('setup-link').textContent = window.location.origin + r.setupLink;
      });
    });
  }
  async function loadChannels() {
    const list = await Api.get('/api/admin/units/' + unit.code + '/channels');
    rows('channel-list', list.items, function (tr, c) {
      tr.dataset.channel = c.normalizedId;
      cell(tr, c.displayName); cell(tr, c.platform); cell(tr, c.normalizedId); cell(tr, c.serves);
      const status = cell(tr, c.status);
      status.className = 'status';
      cell(tr, c.figures.followers);
      const td = cell(tr, c.statusReason || '');
      button(td, 'request', 'Gửi xác minh', async function () {
        await Api.post('/api/admin/channels/' + c.id + '/verification-request'); say(I18n.t('admin.done', 'Đã xong')); await loadChannels();
      });
      button(td, 'archive', 'Lưu trữ', async function () { await Api.post('/api/admin/channels/' + c.id + '/archive'); await loadChannels(); });
    });
  }
  async function loadApprovals() {
    if (!me || (me.role !== 'MINISTRY_ADMIN' && me.role !== 'UNIT_ADMIN')) { return; }
    const list = await Api.get('/api/admin/units/' + unit.code + '/approvals');
    rows('approval-list', list.items, function (tr, r) {
      tr.dataset.channel = r.normalizedId;
      cell(tr, r.channelName); cell(tr, r.platform); cell(tr, r.normalizedId); cell(tr, r.tenantPath);
      const td = cell(tr, '');
      button(td, 'approve', 'Duyệt', async function () {
        await Api.post('/api/admin/channels/' + r.channelId + '/approve'); say(I18n.t('admin.done', 'Đã xong')); await show(unit.code);
      });
      button(td, 'reject', 'Từ chối', async function () {
        const reason = window.prompt(I18n.t('admin.reason', 'Lý do từ chối'));
        if (reason) { await Api.post('/api/admin/channels/' + r.channelId + '/reject', { reason: reason }); await loadApprovals(); }
      });
    });
  }
  async function loadAudit() {
    if (!me || (me.role !== 'MINISTRY_ADMIN' && me.role !== 'UNIT_ADMIN')) { return; }
    const action = $('audit-action').value.trim();
    const list = await Api.get('/api/admin/units/' + unit.code + '/audit?limit=20&offset=' + auditOffset
      + (action ? '&action=' + encodeURIComponent(action) : ''));
    rows('audit-list', list.items, function (tr, e) {
      cell(tr, e.at.replace('T', ' ').substring(0, 19)); cell(tr, e.actor); cell(tr, e.action); cell(tr, e.target);
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
          $('import-verdict').textContent = (r.dryRun ? I18n.t('admin.dryrun', 'Chạy thử') + ': ' : '') + JSON.stringify(r);
        })
        .catch(function (e) {
          $('import-verdict').className = 'error';
          $('import-verdict').textContent = e.message;
          rows('import-errors', (e.problem && e.problem.errors) || [], function (tr, l) {
            cell(tr, l.line); cell(tr, l.code); cell(tr, l.kind); cell(tr, I18n.lang() === 'en' ? l.messageEn : l.messageVi);
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
      Api.post('/api/admin/reorg/' + action, body).then(function (r) {
        rows('reorg-report', Object.keys(r), function (tr, k) { cell(tr, k); cell(tr, JSON.stringify(r[k])); });
        say(dryRun ? I18n.t('admin.dryrun', 'Chạy thử') : I18n.t('admin.done', 'Đã xong'));
      }).catch(fail);
    }
    $('reorg-form').addEventListener('submit', function (ev) { ev.preventDefault(); reorg(true); });
    $('rg-apply').addEventListener('click', function () { reorg(false); });
    $('audit-action').addEventListener('change', function () { auditOffset = 0; loadAudit().catch(fail); });
    $('audit-prev').addEventListener('click', function () { auditOffset = Math.max(0, auditOffset - 20); loadAudit().catch(fail); });
    $('audit-next').addEventListener('click', function () { auditOffset += 20; loadAudit().catch(fail); });
  }

  window.addEventListener('DOMContentLoaded', async function () {
    wire();
    me = await Api.me();
    $('who').textContent = me.username;
    await show(me.unit.code).catch(fail);
    document.body.dataset.ready = 'true';
  });
})();
