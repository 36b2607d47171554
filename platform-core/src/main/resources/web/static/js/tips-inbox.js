// The officer inbox: the unit's tips with filter, search and paging; a tip's history, workflow
// actions, replies to the tipster and the audited identity reveal.
(function () {
  const $ = function (id) { return document.getElementById(id); };
  const ACTIONS = { received: ['triage', 'reject', 'forward', 'escalate'], triaged: ['assign', 'reject', 'forward', 'escalate'],
    assigned: ['start', 'reject', 'forward', 'escalate'], in_progress: ['resolve', 'reject', 'forward', 'escalate'] };
  let me = null;
  let offset = 0;
  let current = null;
  const LIMIT = 20;

  let officers = {};
  let pages = 1;

  // Due time in words from slaDueAt: "quá hạn 2 giờ" / "2 h overdue", "còn 5 giờ" / "5 h left";
  // a closed or answered tip has no deadline left. Returns [text, overdue].
  function due(t) {
    if (t.status === 'resolved' || t.status === 'rejected') { return [I18n.t('inbox.due.closed', 'Đã đóng'), false]; }
    if (t.firstResponseAt) { return [I18n.t('inbox.due.answered', 'Đã phản hồi'), false]; }
    if (!t.slaDueAt) { return ['', false]; }
    const ms = new Date(t.slaDueAt).getTime() - Date.now();
    const mins = Math.max(1, Math.round(Math.abs(ms) / 60000));
    let n; let unit;
    if (mins < 60) { n = mins; unit = 'min'; } else if (mins < 48 * 60) { n = Math.round(mins / 60); unit = 'h'; } else { n = Math.round(mins / 1440); unit = 'd'; }
    const amount = I18n.t('inbox.unit.' + unit, { min: '{n} phút', h: '{n} giờ', d: '{n} ngày' }[unit]).replace('{n}', n.toLocaleString(I18n.lang() === 'en' ? 'en-GB' : 'vi-VN'));
    return ms < 0 ? [I18n.t('inbox.due.over', 'quá hạn {x}').replace('{x}', amount), true]
      : [I18n.t('inbox.due.left', 'còn {x}').replace('{x}', amount), false];
  }

  function person(username) {
    if (!username) { return I18n.t('inbox.assigned.none', 'Chưa giao'); }
    return officers[username] || username;
  }

  async function list() {
    const p = new URLSearchParams({ limit: LIMIT, offset: offset, sort: $('sort').value });
    if ($('q').value.trim()) { p.set('q', $('q').value.trim()); }
    if ($('status-filter').value) { p.set('status', $('status-filter').value); }
    if ($('category-filter').value) { p.set('category', $('category-filter').value); }
    if ($('assigned-filter').value) { p.set('assigned', $('assigned-filter').value); }
    const page = await Api.get('/api/units/' + me.unit.code + '/tips?' + p.toString());
    const body = $('tips');
    body.replaceChildren();
    page.items.forEach(function (t) {
      const tr = document.createElement('tr');
      tr.dataset.tipId = t.id;
      tr.dataset.receipt = t.receipt;
      // Rows are in the Tab order; Enter (or a click) opens the tip.
      tr.tabIndex = 0;
      const d = due(t);
      [t.receipt, I18n.t('category.' + t.category, I18n.t('inbox.category.unknown', 'Khác')), Tips.status(t.status)].forEach(function (v) { tr.appendChild(Tips.el('td', v)); });
      const dueCell = Tips.el('td', d[0], d[1] ? 'overdue' : '');
      dueCell.dataset.due = d[1] ? 'overdue' : 'ok';
      tr.appendChild(dueCell);
      tr.appendChild(Tips.el('td', person(t.assignee)));
      tr.appendChild(Tips.el('td', t.text.length > 80 ? t.text.slice(0, 80) + '…' : t.text));
      // Each cell carries its header for the phone layout, where the cells stack.
      const heads = document.querySelectorAll('table.queue thead th');
      tr.querySelectorAll('td').forEach(function (td, i) { td.dataset.label = heads[i] ? heads[i].textContent : ''; });
      tr.addEventListener('click', function () { open(t.id, true); });
      tr.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { ev.preventDefault(); open(t.id, true); } });
      body.appendChild(tr);
    });
    pages = Math.max(1, Math.ceil(page.total / LIMIT));
    const n = Math.floor(offset / LIMIT) + 1;
    document.querySelector('.table-wrap').setAttribute('aria-label', I18n.t('inbox.region', 'Danh sách tin báo'));
    document.querySelector('.pager').setAttribute('aria-label', I18n.t('inbox.paging', 'Phân trang'));
    $('page').textContent = I18n.t('inbox.page', 'Trang {x} / {y}').replace('{x}', n).replace('{y}', pages);
    $('total').textContent = '(' + I18n.t('inbox.total', '{n} tin báo').replace('{n}', page.total.toLocaleString(I18n.lang() === 'en' ? 'en-GB' : 'vi-VN')) + ')';
    $('empty').hidden = page.total > 0;
    $('prev').disabled = offset === 0;
    $('next').disabled = offset + page.items.length >= page.total;
  }

  function showError(e) {
    // The server answers in the language Api asked for (Accept-Language): shown as it comes.
    $('d-error').textContent = String((e.problem && e.problem.detail) || e.message || '');
    $('d-error').hidden = false;
  }

  async function open(id, focus) {
    $('d-error').hidden = true;
    $('d-identity').textContent = '';
    const t = await Api.get('/api/tips/' + id);
    current = t;
    $('d-receipt').textContent = t.receipt;
    $('d-status').textContent = Tips.status(t.status);
    $('d-status').dataset.status = t.status;
    const d = due(t);
    $('d-due').textContent = I18n.t('inbox.due', 'Hạn phản hồi') + ': ' + d[0] + ' · ' + I18n.t('inbox.assignee', 'Người xử lý') + ': ' + person(t.assignee);
    $('d-text').textContent = t.text;
    // A Zalo or Messenger sender is known only by a pseudonym (their messages share it).
    const sender = t.sender ? I18n.t('tips.sender', 'Người báo tin') + ' ' + t.sender : null;
    $('d-meta').textContent = [sender, I18n.t('category.' + t.category, t.category), t.place, t.occurred, Tips.time(t.receivedAt)].filter(Boolean).join(' · ');
    const atts = $('d-attachments');
    atts.replaceChildren();
    t.attachments.forEach(function (a) {
      const li = document.createElement('li');
      const name = a.fileName || I18n.t('inbox.file', 'tệp đính kèm');
      if (a.remoteUrl) {
        li.textContent = kind(a.mediaType) + ': ' + a.remoteUrl;
      } else if (/^image\/(png|jpeg|gif|webp)$/.test(a.mediaType)) {
        // A photo previews as a thumbnail (the session cookie authorises the request); the link opens it whole.
        const link = document.createElement('a');
        link.href = '/api/tips/' + t.id + '/attachments/' + a.id;
        const img = document.createElement('img');
        img.className = 'thumb';
        img.src = link.href;
        img.alt = (a.replyEventId ? I18n.t('inbox.photo.reply', 'Ảnh đơn vị gửi kèm trả lời')
          : I18n.t('inbox.photo', 'Ảnh đính kèm')) + ': ' + name;
        link.appendChild(img);
        li.appendChild(link);
      } else {
        const link = Tips.el('a', kind(a.mediaType) + ': ' + name);
        link.href = '/api/tips/' + t.id + '/attachments/' + a.id;
        li.appendChild(link);
      }
      atts.appendChild(li);
    });
    const canAssign = (ACTIONS[t.status] || []).indexOf('assign') >= 0;
    $('d-assign').hidden = !canAssign;
    if (canAssign) {
      const sel = $('d-assignee');
      sel.replaceChildren();
      Object.keys(officers).forEach(function (u) {
        const o = Tips.el('option', officers[u]);
        o.value = u;
        sel.appendChild(o);
      });
    }
    const actions = $('d-actions');
    actions.replaceChildren();
    (ACTIONS[t.status] || []).filter(function (a) { return a !== 'assign'; }).forEach(function (a) {
      const b = Tips.el('button', I18n.t('action.' + a, a));
      b.type = 'button';
      b.dataset.action = a;
      b.addEventListener('click', function () { act(a); });
      actions.appendChild(b);
    });
    const events = $('d-events');
    events.replaceChildren();
    t.events.forEach(function (e) {
      const what = e.kind === 'transition' ? I18n.t('action.' + e.action, e.action) + ' → ' + Tips.status(e.to)
        : I18n.t('inbox.event.' + e.kind, I18n.t('event.' + e.kind, e.kind));
      const note = !e.note ? '' : (e.kind === 'identity' ? ' — ' + I18n.t('inbox.event.reason', 'lý do') + ': ' : ': ') + e.note;
      // A reply sent with a photo says so; the photo is among the attachments, labelled as the unit's.
      const photo = t.attachments.some(function (a) { return a.replyEventId === e.id; })
        ? ' (' + I18n.t('inbox.reply.withphoto', 'kèm ảnh') + ')' : '';
      const li = Tips.el('li', Tips.time(e.at) + ' · ' + actor(e.actor) + ' · ' + what + note + photo + delivery(e, t.source));
      li.dataset.kind = e.kind;
      if (e.delivery) { li.dataset.delivery = e.delivery.status; }
      events.appendChild(li);
    });
    $('d-reveal').hidden = !t.hasContact;
    $('detail').hidden = false;
    // From the keyboard, focus moves to the tip; its actions follow in the Tab order.
    if (focus) { $('d-title').focus(); }
  }

  // How a reply to a Zalo or Messenger tip went, in the page's language only.
  function delivery(e, source) {
    const d = e.delivery;
    if (!d) { return ''; }
    const key = d.status === 'failed' ? 'inbox.delivery.failed.' + d.reason : 'inbox.delivery.' + d.status + '.' + source;
    const text = I18n.t(key, d.status);
    return ' (' + text + (['queued', 'sent', 'delivered', 'read'].includes(d.status) ? '' : '; ' + I18n.t('inbox.delivery.receipt', '')) + ')';
  }

  // Tips sent by citizens are stored with the actor "Người báo tin / citizen": shown in one language.
  function actor(name) {
    return name === 'Người báo tin / citizen' ? I18n.t('inbox.actor.citizen', 'Người báo tin') : name;
  }

  function kind(type) {
    const k = /^image\//.test(type) ? 'image' : /^video\//.test(type) ? 'video' : /^audio\//.test(type) ? 'audio' : 'file';
    return I18n.t('inbox.kind.' + k, { image: 'Ảnh', video: 'Video', audio: 'Âm thanh', file: 'Tệp' }[k]);
  }

  async function act(action, assignee) {
    const body = { action: action };
    if (assignee) { body.assignee = assignee; }
    if ($('d-note').value.trim()) { body.note = $('d-note').value.trim(); }
    if (action === 'reject') { body.reason = 'spam'; }
    if (action === 'forward') { body.toUnit = $('d-forward').value.trim().toUpperCase(); }
    try {
      await Api.post('/api/tips/' + current.id + '/transitions', body);
      $('d-note').value = '';
      await list();
      if (action === 'forward' || action === 'escalate') { $('detail').hidden = true; } else { await open(current.id); }
    } catch (e) { showError(e); }
  }

  // The reveal asks for a reason in the staff pages' one confirmation dialog (dialog.js); the
  // server checks the reason again and writes it to the audit log and the tip's history.
  function wireReveal() {
    $('d-reveal').addEventListener('click', async function () {
      const id = current.id;
      const i = await Dialog.confirm({ id: 'reveal', title: I18n.t('inbox.reveal.title', 'Xem danh tính người báo tin'),
        lines: [I18n.t('inbox.reveal.confirm', 'Danh tính chỉ được xem khi cần cho việc xử lý. Lý do, người xem và thời điểm được ghi vào nhật ký và lịch sử tin báo.')],
        reason: I18n.t('inbox.reveal.reason', 'Lý do xem (bắt buộc)'), maxLength: 500,
        confirm: I18n.t('inbox.reveal.submit', 'Xem danh tính'),
        run: function (reason) { return Api.post('/api/tips/' + id + '/identity', { reason: reason }); } });
      if (!i) { return; }
      await open(id);
      $('d-identity').textContent = [i.contact, i.account].filter(Boolean).join(' · ');
    });
  }

  window.addEventListener('DOMContentLoaded', async function () {
    I18n.apply();
    me = await Api.me();
    const [cats, staff] = await Promise.all([Api.get('/api/public/tip-categories').catch(function () { return { items: [] }; }),
      Api.get('/api/units/' + me.unit.code + '/officers').catch(function () { return { items: [] }; })]);
    staff.items.forEach(function (o) { officers[o.username] = o.displayName; });
    cats.items.forEach(function (c) {
      const o = Tips.el('option', I18n.t('category.' + c.id, c.nameVi));
      o.value = c.id;
      o.dataset.i18n = 'category.' + c.id;
      o.dataset.vi = c.nameVi;
      $('category-filter').appendChild(o);
    });
    I18n.apply();
    $('d-assign-submit').addEventListener('click', function () { act('assign', $('d-assignee').value); });
    $('d-assign-me').addEventListener('click', function () { act('assign', null); });
    ['status-filter', 'category-filter', 'assigned-filter', 'sort'].forEach(function (f) {
      $(f).addEventListener('change', function () { offset = 0; list(); });
    });
    $('who').textContent = me.username;
    $('unit-name').textContent = me.unit.name;
    $('filter-form').addEventListener('submit', function (ev) { ev.preventDefault(); offset = 0; list(); });
    $('prev').addEventListener('click', function () { offset = Math.max(0, offset - LIMIT); list(); });
    $('next').addEventListener('click', function () { offset += LIMIT; list(); });
    $('d-reply-form').addEventListener('submit', async function (ev) {
      ev.preventDefault();
      try {
        const image = $('d-reply-image').files[0];
        let body = { text: $('d-reply').value };
        if (image) {
          // A photo goes as multipart: the server sends it through the platform's upload API.
          body = new FormData();
          body.append('text', $('d-reply').value);
          body.append('image', image);
        }
        await Api.post('/api/tips/' + current.id + '/replies', body);
        $('d-reply').value = '';
        $('d-reply-image').value = '';
        if ($('d-reply-image').refreshPicker) { $('d-reply-image').refreshPicker(); }
        await open(current.id);
      } catch (e) { showError(e); }
    });
    wireReveal();
    document.addEventListener('langchange', function () { list(); if (current && !$('detail').hidden) { open(current.id, false); } });
    await list();
    document.body.dataset.ready = 'true';
  });
})();
