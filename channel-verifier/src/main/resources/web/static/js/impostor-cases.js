// /cases: the signed-in officer's impostor case queue, the evidence, and the decision.
(function () {
  const el = Impostor.el;
  let unit = null;
  let current = null;
  async function loadQueue() {
    const status = document.getElementById('status-filter').value;
    const page = await Api.get('/api/units/' + encodeURIComponent(unit) + '/impostor-cases?limit=100' + (status ? '&status=' + status : ''));
    // The shared table (table.js): sortable headers, a search and pages when long, an empty state in words.
    Table.fill('cases', page.items, function (tr, c) {
      tr.dataset.caseId = c.id;
      tr.appendChild(el('td', '#' + c.id));
      tr.appendChild(el('td', c.displayName || ''));
      tr.appendChild(el('td', c.normalizedLink || ''));
      tr.appendChild(el('td', Impostor.label(c.verdict)));
      tr.appendChild(el('td', String(c.reportCount)));
      tr.appendChild(el('td', I18n.t('imp.cases.' + c.status, c.status), 'status'));
      const td = el('td');
      const b = el('button', I18n.t('imp.cases.view', 'Xem'), 'row-action view');
      b.type = 'button';
      b.addEventListener('click', function () { show(c.id); });
      td.appendChild(b);
      tr.appendChild(td);
    }, function (c) { return (c.displayName || '') + ' ' + (c.normalizedLink || ''); },
    status ? I18n.t('imp.cases.none.' + status, 'Không có vụ việc nào ở trạng thái này.') : I18n.t('imp.cases.none', 'Đơn vị chưa có vụ việc nào.'));
    document.getElementById('count').textContent = page.total ? I18n.t('imp.cases.count', '{n} vụ việc').replace('{n}', page.total) : '';
  }
  function row(dl, term, value) {
    if (value === null || value === undefined || value === '') { return; }
    dl.appendChild(el('dt', term));
    const dd = el('dd');
    if (value instanceof Node) { dd.appendChild(value); } else { dd.textContent = value; }
    dl.appendChild(dd);
  }
  async function show(id) {
    current = await Api.get('/api/impostor/cases/' + id);
    const box = document.getElementById('detail');
    box.hidden = false;
    box.dataset.caseId = id;
    document.getElementById('detail-title').textContent = '#' + id + ' ' + (current.displayName || current.normalizedLink || '');
    const dl = document.getElementById('detail-facts');
    dl.replaceChildren();
    row(dl, I18n.t('imp.link', 'Liên kết'), current.normalizedLink);
    row(dl, I18n.t('imp.name', 'Tên'), current.displayName);
    row(dl, I18n.t('imp.about', 'Giới thiệu'), current.about);
    row(dl, I18n.t('imp.cases.status', 'Trạng thái'), I18n.t('imp.cases.' + current.status, current.status));
    if (current.imitated) {
      row(dl, I18n.t('imp.cases.imitated', 'Kênh chính thức bị giả mạo'),
        Impostor.link(current.imitated.url, current.imitated.displayName + ' — ' + current.imitated.url));
    }
    const reasons = document.getElementById('detail-reasons');
    reasons.replaceChildren();
    (current.reasons || []).forEach(function (r) { reasons.appendChild(el('li', Impostor.msg(r))); });
    const reports = document.getElementById('detail-reports');
    reports.replaceChildren();
    current.reports.forEach(function (r) {
      const li = el('li');
      li.appendChild(el('span', Impostor.date(r.createdAt) + ' — ' + [r.link, r.displayName, r.note].filter(Boolean).join(' · ')));
      if (r.screenshot) {
        const img = el('img', null, 'screenshot');
        img.width = 320;
        img.src = r.screenshot.href;
        img.alt = 'screenshot';
        li.appendChild(img);
      }
      reports.appendChild(li);
    });
    document.getElementById('decision').hidden = current.status !== 'open';
  }
  async function decide(decision) {
    const error = document.getElementById('decision-error');
    error.hidden = true;
    try {
      await Api.post('/api/impostor/cases/' + current.id + '/decision',
        { decision: decision, note: document.getElementById('decision-note').value.trim() });
      document.getElementById('decision-note').value = '';
      await show(current.id);
      await loadQueue();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  }
  window.addEventListener('DOMContentLoaded', async function () {
    const me = await Api.me();
    unit = me.unit ? me.unit.code : me.tenantCode;
    document.getElementById('who').textContent = me.displayName || me.username || '';
    document.getElementById('status-filter').addEventListener('change', loadQueue);
    document.getElementById('confirm').addEventListener('click', function () { decide('confirm'); });
    document.getElementById('dismiss').addEventListener('click', function () { decide('dismiss'); });
    try { await loadQueue(); } catch (e) {
      const error = document.getElementById('queue-error');
      error.textContent = e.message;
      error.hidden = false;
    }
  });
})();
