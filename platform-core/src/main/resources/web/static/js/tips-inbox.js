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

  async function list() {
    const p = new URLSearchParams({ limit: LIMIT, offset: offset, sort: $('sort').value });
    if ($('q').value.trim()) { p.set('q', $('q').value.trim()); }
    if ($('status-filter').value) { p.set('status', $('status-filter').value); }
    const page = await Api.get('/api/units/' + me.unit.code + '/tips?' + p.toString());
    const body = $('tips');
    body.replaceChildren();
    page.items.forEach(function (t) {
      const tr = document.createElement('tr');
      tr.dataset.tipId = t.id;
      tr.dataset.receipt = t.receipt;
      [t.receipt, I18n.t('category.' + t.category, t.category), Tips.status(t.status) + (t.slaBreached ? ' ⚠' : ''), Tips.time(t.receivedAt),
        t.text.length > 80 ? t.text.slice(0, 80) + '…' : t.text].forEach(function (v) { tr.appendChild(Tips.el('td', v)); });
      tr.addEventListener('click', function () { open(t.id); });
      body.appendChild(tr);
    });
    $('total').textContent = page.total + ' · ' + (page.total ? offset + 1 : 0) + '–' + (offset + page.items.length);
    $('prev').disabled = offset === 0;
    $('next').disabled = offset + page.items.length >= page.total;
  }

  function showError(e) {
    // The server answers in the language Api asked for (Accept-Language): shown as it comes.
    $('d-error').textContent = String((e.problem && e.problem.detail) || e.message || '');
    $('d-error').hidden = false;
  }

  async function open(id) {
    $('d-error').hidden = true;
    $('d-identity').textContent = '';
    const t = await Api.get('/api/tips/' + id);
    current = t;
    $('d-receipt').textContent = t.receipt;
    $('d-status').textContent = Tips.status(t.status);
    $('d-status').dataset.status = t.status;
    $('d-text').textContent = t.text;
    // A Zalo or Messenger sender is known only by a pseudonym (their messages share it).
    const sender = t.sender ? I18n.t('tips.sender', 'Người báo tin') + ' ' + t.sender : null;
    $('d-meta').textContent = [sender, I18n.t('category.' + t.category, t.category), t.place, t.occurred, Tips.time(t.receivedAt)].filter(Boolean).join(' · ');
    const atts = $('d-attachments');
    atts.replaceChildren();
    t.attachments.forEach(function (a) {
      const li = document.createElement('li');
      if (a.remoteUrl) {
        li.textContent = a.mediaType + ' ' + a.remoteUrl;
      } else {
        const link = Tips.el('a', (a.fileName || 'tệp') + ' (' + a.mediaType + ')');
        link.href = '/api/tips/' + t.id + '/attachments/' + a.id;
        li.appendChild(link);
      }
      atts.appendChild(li);
    });
    const actions = $('d-actions');
    actions.replaceChildren();
    (ACTIONS[t.status] || []).forEach(function (a) {
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
      const li = Tips.el('li', Tips.time(e.at) + ' · ' + actor(e.actor) + ' · ' + what + note + delivery(e, t.source));
      li.dataset.kind = e.kind;
      if (e.delivery) { li.dataset.delivery = e.delivery.status; }
      events.appendChild(li);
    });
    $('d-reveal').hidden = !t.hasContact;
    $('detail').hidden = false;
  }

  // How a reply to a Zalo or Messenger tip went, in the page's language only.
  function delivery(e, source) {
    const d = e.delivery;
    if (!d) { return ''; }
    const key = d.status === 'failed' ? 'inbox.delivery.failed.' + d.reason : 'inbox.delivery.' + d.status + '.' + source;
    const text = I18n.t(key, d.status);
    return ' (' + text + (d.status === 'sent' || d.status === 'queued' ? '' : '; ' + I18n.t('inbox.delivery.receipt', '')) + ')';
  }

  // Tips sent by citizens are stored with the actor "Người báo tin / citizen": shown in one language.
  function actor(name) {
    return name === 'Người báo tin / citizen' ? I18n.t('inbox.actor.citizen', 'Người báo tin') : name;
  }

  async function act(action) {
    const body = { action: action };
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

  // The reveal asks for a reason in a modal dialog (native <dialog>: focus moves in, Escape
  // cancels, focus returns to the button); the server checks the reason again.
  function wireReveal() {
    const dialog = $('reveal-dialog');
    const reason = $('reveal-reason');
    const error = $('reveal-error');
    function fail(text) {
      error.textContent = text;
      error.hidden = false;
      reason.setAttribute('aria-invalid', 'true');
      reason.focus();
    }
    $('d-reveal').addEventListener('click', function () {
      reason.value = '';
      reason.removeAttribute('aria-invalid');
      error.hidden = true;
      dialog.showModal();
      reason.focus();
    });
    $('reveal-cancel').addEventListener('click', function () { dialog.close('cancel'); });
    dialog.addEventListener('close', function () { $('d-reveal').focus(); });
    $('reveal-form').addEventListener('submit', async function (ev) {
      ev.preventDefault();
      const text = reason.value.trim();
      if (text.length < 3) { fail(I18n.t('inbox.reveal.short', 'Hãy ghi lý do, ít nhất 3 ký tự.')); return; }
      $('reveal-confirm').setAttribute('aria-busy', 'true');
      try {
        const i = await Api.post('/api/tips/' + current.id + '/identity', { reason: text });
        dialog.close('revealed');
        await open(current.id);
        $('d-identity').textContent = [i.contact, i.account].filter(Boolean).join(' · ');
      } catch (e) {
        fail(String((e.problem && e.problem.detail) || e.message || ''));
      } finally {
        $('reveal-confirm').removeAttribute('aria-busy');
      }
    });
  }

  window.addEventListener('DOMContentLoaded', async function () {
    I18n.apply();
    me = await Api.me();
    $('who').textContent = me.username;
    $('unit-name').textContent = me.unit.name;
    $('filter-form').addEventListener('submit', function (ev) { ev.preventDefault(); offset = 0; list(); });
    $('prev').addEventListener('click', function () { offset = Math.max(0, offset - LIMIT); list(); });
    $('next').addEventListener('click', function () { offset += LIMIT; list(); });
    $('d-reply-form').addEventListener('submit', async function (ev) {
      ev.preventDefault();
      try {
        await Api.post('/api/tips/' + current.id + '/replies', { text: $('d-reply').value });
        $('d-reply').value = '';
        await open(current.id);
      } catch (e) { showError(e); }
    });
    wireReveal();
    document.addEventListener('langchange', list);
    await list();
    document.body.dataset.ready = 'true';
  });
})();
