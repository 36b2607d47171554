// /keys: the keys page. The ministry admin sees every key of the chain of trust with what it signs
// now, and rotates or revokes a province's issuing key after a confirmation that states the
// impact. A province admin sees that province's issuing keys and rotates them; revocation stays
// with the ministry (the page says so). Both see the log head and the log monitor's status.
(function () {
  I18n.add('en', {
    'keys.title': 'Signing keys of the chain of trust',
    'keys.intro': 'The ministry\u2019s root key certifies each province\u2019s issuing key; a province key signs the attestations of official pages; the log key signs the transparency log\u2019s tree heads.',
    'keys.log': 'Transparency log', 'keys.log.size': 'Entries', 'keys.log.signed': 'Tree head signed at',
    'keys.list': 'Keys', 'keys.purpose': 'Kind of key', 'keys.unit': 'Unit', 'keys.status': 'Status',
    'keys.created': 'Created', 'keys.signed': 'Current attestations', 'keys.kid': 'Key id', 'keys.actions': 'Actions',
    'keys.purpose.root': 'Root key', 'keys.purpose.issuing': 'Province issuing key', 'keys.purpose.log': 'Log key',
    'keys.status.active': 'In use', 'keys.status.retired': 'Retired (still verifies)', 'keys.status.revoked': 'Revoked',
    'keys.rotate': 'Rotate', 'keys.revoke': 'Revoke', 'keys.cancel': 'Cancel',
    'keys.reason': 'Reason for the revocation (required)',
    'keys.rotate.title': 'Rotate this province\u2019s key?',
    'keys.rotate.impact': 'The key stops signing but keeps verifying what it signed; a new key, certified by the root, signs from now on. Nothing is re-issued.',
    'keys.rotate.count': 'The {n} current attestations this key signed stay valid.',
    'keys.title.province': 'Signing keys of the province',
    'keys.intro.province': 'The ministry\u2019s root key certifies this province\u2019s issuing key; the province key signs the attestations of the official pages of the province and the units below it.',
    'keys.province.note': 'This page shows a province admin the province\u2019s signing keys and lets them rotate the key when needed. Revoking a key belongs to the Ministry of Public Security, which holds the root key, when a key is compromised: if you suspect the province\u2019s key is compromised, tell the ministry admins at once.',
    'keys.monitor': 'Log monitor',
    'keys.monitor.ok': 'Checked up to entry {n}, no alert; last check {when}.',
    'keys.monitor.alerts': '{a} tree heads failed the check; last check {when}. Tell the ministry admins.',
    'keys.monitor.waiting': 'No tree head checked yet.',
    'keys.monitor.off': 'Not running on this server.',
    'keys.revoke.title': 'Revoke this key?',
    'keys.revoke.impact': 'Everything this key signed stops verifying. Its {n} current attestations will be re-issued with the province\u2019s active key.',
    'keys.rotated': 'The key was rotated; the new key is in use.',
    'keys.revoked': 'The key was revoked; {n} attestations were re-issued.',
    'keys.reason.missing': 'Write the reason (at least 3 characters).',
    'keys.forbidden': 'Only ministry admins and province admins manage the signing keys.'
  });
  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function tr(key, fallback, n) {
    return I18n.t(key, fallback).replace('{n}', n === undefined ? '' : new Intl.NumberFormat(I18n.lang()).format(n));
  }
  function when(iso) {
    return iso ? new Date(iso).toLocaleString(I18n.lang() === 'en' ? 'en-GB' : 'vi-VN') : '—';
  }
  const VI = {
    'keys.purpose.root': 'Khóa gốc', 'keys.purpose.issuing': 'Khóa ký của tỉnh', 'keys.purpose.log': 'Khóa nhật ký',
    'keys.status.active': 'Đang dùng', 'keys.status.retired': 'Đã ngừng ký (vẫn xác minh)', 'keys.status.revoked': 'Đã thu hồi',
    'keys.rotate': 'Thay khóa', 'keys.revoke': 'Thu hồi',
    'keys.rotate.title': 'Thay khóa của tỉnh này?',
    'keys.rotate.impact': 'Khóa này ngừng ký nhưng vẫn xác minh được những gì đã ký; một khóa mới do khóa gốc chứng nhận sẽ ký từ nay. Không chứng thực nào phải cấp lại.',
    'keys.rotate.count': '{n} chứng thực hiện hành do khóa này ký vẫn còn hiệu lực.',
    'keys.monitor.ok': 'Đã kiểm tra đến bản ghi {n}, không có cảnh báo; lần kiểm tra cuối lúc {when}.',
    'keys.monitor.alerts': '{a} đầu cây không qua được kiểm tra; lần kiểm tra cuối lúc {when}. Hãy báo quản trị Bộ.',
    'keys.monitor.waiting': 'Chưa kiểm tra đầu cây nào.',
    'keys.monitor.off': 'Không chạy trên máy chủ này.',
    'keys.revoke.title': 'Thu hồi khóa này?',
    'keys.revoke.impact': 'Mọi thứ khóa này đã ký sẽ không còn xác minh được. {n} chứng thực hiện hành của khóa sẽ được cấp lại bằng khóa đang dùng của tỉnh.',
    'keys.rotated': 'Đã thay khóa; khóa mới đang được dùng.',
    'keys.revoked': 'Đã thu hồi khóa; đã cấp lại {n} chứng thực.',
    'keys.reason': 'Lý do thu hồi (bắt buộc)', 'keys.reason.missing': 'Hãy ghi lý do (ít nhất 3 ký tự).',
    'keys.title': 'Khóa ký của chuỗi tin cậy', 'keys.title.province': 'Khóa ký của tỉnh',
    'keys.intro': 'Khóa gốc của Bộ chứng nhận khóa ký của từng tỉnh; khóa tỉnh ký chứng thực trang chính thức; khóa nhật ký ký các đầu cây của nhật ký minh bạch.',
    'keys.intro.province': 'Khóa gốc của Bộ chứng nhận khóa ký của tỉnh; khóa của tỉnh ký chứng thực các trang chính thức của tỉnh và các đơn vị trực thuộc.',
    'keys.forbidden': 'Chỉ quản trị Bộ và quản trị tỉnh quản lý khóa ký.'
  };
  function t(key, n) { return tr(key, VI[key] || key, n); }
  const names = {};
  async function unitName(code) {
    if (code === 'BCA') { return I18n.lang() === 'en' ? 'Ministry of Public Security' : 'Bộ Công an'; }
    if (!names[code]) {
      try {
        const r = await Api.get('/api/public/units/' + encodeURIComponent(code));
        names[code] = r.current ? r.current.name : code;
      } catch (e) { names[code] = code; }
    }
    return names[code];
  }
  // Rotate and revoke ask first in the staff pages' one confirmation dialog (dialog.js), which
  // states the impact; a revocation also needs a reason.
  async function ask(action, key) {
    const revoke = action === 'revoke';
    const done = await Dialog.confirm({ id: 'key', danger: revoke, title: t('keys.' + action + '.title') + ' ' + key.kid,
      lines: revoke ? [t('keys.revoke.impact', key.currentAttestations)]
        : [t('keys.rotate.impact'), t('keys.rotate.count', key.currentAttestations)],
      reason: revoke ? t('keys.reason') : null,
      confirm: t('keys.' + action),
      run: function (reason) {
        return revoke ? Api.post('/api/verifier/keys/' + encodeURIComponent(key.kid) + '/revoke', { reason: reason })
          : Api.post('/api/verifier/keys/provinces/' + encodeURIComponent(key.tenantCode) + '/rotate');
      } });
    if (!done) { return; }
    $('keys-done').textContent = revoke ? t('keys.revoked', done.reissued) : t('keys.rotated');
    $('keys-done').hidden = false;
    await load();
  }
  // Whose keys this page shows: the ministry's admin all of them, a province's admin that
  // province's; anyone else is told whose page it is (the API refuses them as well).
  function source(me) {
    if (me.role === 'MINISTRY_ADMIN') { return { url: '/api/verifier/keys', province: false }; }
    if (me.role === 'UNIT_ADMIN' && me.unit.level === 'province') {
      return { url: '/api/verifier/keys/provinces/' + encodeURIComponent(me.unit.code), province: true };
    }
    return null;
  }
  function outOfScope(message) {
    $('keys-error').textContent = message;
    $('keys-error').hidden = false;
    // Out of the user's scope: the sentence says so; no empty tables of dashes under it.
    document.querySelectorAll('main > section.card').forEach(function (c) { c.hidden = true; });
  }
  function showMonitor(m) {
    const out = $('monitor-status');
    out.dataset.alerts = m ? String(m.alerts) : '';
    if (!m || !m.running) { out.textContent = t('keys.monitor.off'); return; }
    if (m.alerts > 0) {
      out.textContent = t('keys.monitor.alerts').replace('{a}', new Intl.NumberFormat(I18n.lang()).format(m.alerts))
        .replace('{when}', when(m.lastRun));
      out.className = 'error';
      return;
    }
    out.className = '';
    out.textContent = m.checkedSize === null || m.checkedSize === undefined ? t('keys.monitor.waiting')
      : t('keys.monitor.ok', m.checkedSize).replace('{when}', when(m.lastRun));
  }
  function labelled(node, key) {
    node.dataset.i18n = key;
    node.dataset.vi = VI[key];
    node.textContent = t(key);
  }
  let me = null;
  async function load() {
    $('keys-error').hidden = true;
    if (!me) { me = await Api.me(); }
    const from = source(me);
    const province = from !== null && from.province;
    $('keys-province-note').hidden = !province;
    // The heading and the introduction name what this user manages; data-i18n keeps them right
    // when the language changes.
    labelled(document.querySelector('main > h1'), province ? 'keys.title.province' : 'keys.title');
    labelled(document.querySelector('main > p.muted'), province ? 'keys.intro.province' : 'keys.intro');
    if (from === null) { outOfScope(t('keys.forbidden')); return; }
    document.querySelectorAll('main > section.card').forEach(function (c) { c.hidden = false; });
    let page;
    try {
      page = await Api.get(from.url);
    } catch (e) {
      if (e.status === 403) { outOfScope(t('keys.forbidden')); return; }
      $('keys-error').textContent = e.message;
      $('keys-error').hidden = false;
      return;
    }
    showMonitor(page.monitor);
    const body = $('keys');
    body.replaceChildren();
    for (const k of page.items) {
      const row = el('tr');
      row.dataset.kid = k.kid;
      row.dataset.status = k.status;
      // On a phone the table stacks: each cell carries its column's name.
      function cell(label, text, cls) {
        const td = el('td', text, cls);
        td.dataset.label = label;
        row.appendChild(td);
      }
      cell(I18n.t('keys.purpose', 'Loại khóa'), t('keys.purpose.' + k.purpose));
      cell(I18n.t('keys.unit', 'Đơn vị'), (await unitName(k.tenantCode)) + (k.tenantCode === 'BCA' ? '' : ' (' + k.tenantCode + ')'));
      cell(I18n.t('keys.status', 'Trạng thái'), t('keys.status.' + k.status), 'status');
      cell(I18n.t('keys.created', 'Tạo lúc'), when(k.createdAt));
      cell(I18n.t('keys.signed', 'Chứng thực hiện hành'), new Intl.NumberFormat(I18n.lang()).format(k.currentAttestations), 'num');
      cell(I18n.t('keys.kid', 'Mã khóa'), k.kid, 'code');
      const actions = el('td');
      if (k.purpose === 'issuing' && k.status === 'active') {
        const b = el('button', t('keys.rotate'), 'row-action rotate');
        b.type = 'button';
        b.addEventListener('click', function () { ask('rotate', k); });
        actions.appendChild(b);
      }
      // Revocation is the ministry's (the root key's holder): a province admin rotates only.
      if (k.purpose === 'issuing' && k.status !== 'revoked' && !province) {
        const b = el('button', t('keys.revoke'), 'row-action danger revoke');
        b.type = 'button';
        b.addEventListener('click', function () { ask('revoke', k); });
        actions.appendChild(b);
      }
      row.appendChild(actions);
      body.appendChild(row);
    }
    try {
      const head = await Api.get('/api/public/log/head');
      $('log-size').textContent = new Intl.NumberFormat(I18n.lang()).format(head.treeSize);
      $('log-signed').textContent = when(head.signedAt);
    } catch (e) {
      // the log card keeps its dashes
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    load();
  });
  document.addEventListener('langchange', load);
})();
