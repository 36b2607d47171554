// The admin console's import and reorganisation: a dry run reported in sentences and counts, then
// the change itself only after a confirmation dialog that repeats the summary.
(function () {
  const $ = function (id) { return document.getElementById(id); };
  const TARGET = { merge: 'admin.rgtarget.merge', move: 'admin.rgtarget.move', rename: 'admin.rgtarget.rename', split: 'admin.rgtarget.split' };
  const TARGET_VI = { merge: 'Đơn vị sau hợp nhất (đơn vị giữ lại)', move: 'Cấp trên mới', rename: 'Tên mới', split: 'Đơn vị kế thừa mặc định' };

  /** The sentences of a result: one per count that says something, names in place of codes. */
  function lines(r, keys, names) {
    const L = window.AdminLabels;
    const out = [];
    function name(code) { return names[code] ? names[code] + ' (' + code + ')' : code; }
    keys.forEach(function (k) {
      const v = r[k];
      if (Array.isArray(v)) {
        if (v.length) {
          out.push(I18n.t('report.' + k, k) + ': ' + L.number(v.length) + ' — '
            + v.map(function (x) { return typeof x === 'object' && x !== null ? name(x.code || '') + (x.name ? ' ' + x.name : '') : name(String(x)); }).join(', '));
        }
      } else if (typeof v === 'number' && (v !== 0 || k === 'closed' || k === 'created')) {
        out.push(I18n.t('report.' + k, k) + ': ' + L.number(v));
      }
    });
    if (r.successors && typeof r.successors === 'object') {
      Object.keys(r.successors).forEach(function (from) {
        out.push(I18n.t('report.successor', 'Đơn vị kế thừa') + ': ' + name(from) + ' → ' + [].concat(r.successors[from]).map(name).join(', '));
      });
    }
    return out;
  }

  /** A link that downloads rows as a CSV file (UTF-8 with a BOM, so spreadsheets read the accents). */
  function download(name, label, rows) {
    const csv = rows.map(function (r) {
      return r.map(function (v) { const t = String(v === null || v === undefined ? '' : v); return /[",\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t; }).join(',');
    }).join('\r\n');
    const a = Dialog.el('a', 'download', label);
    a.href = URL.createObjectURL(new Blob(['\ufeff' + csv + '\r\n'], { type: 'text/csv;charset=utf-8' }));
    a.download = name;
    return a;
  }

  function show(id, r, items) {
    const box = $(id);
    box.replaceChildren();
    const head = r.dryRun ? I18n.t('admin.report.dry', 'Chạy thử — chưa có gì thay đổi. Nếu thực hiện:') : I18n.t('admin.report.done', 'Đã thực hiện:');
    box.appendChild(Dialog.el('p', null, head));
    const ul = Dialog.el('ul', 'report');
    items.forEach(function (t) { ul.appendChild(Dialog.el('li', null, t)); });
    box.appendChild(ul);
    box.appendChild(download(id + '.csv', I18n.t('admin.report.download', 'Tải báo cáo (CSV)'), [[head]].concat(items.map(function (t) { return [t]; }))));
  }

  const IMPORT_KEYS = ['rows', 'created', 'renamed', 'unchanged', 'movesIgnored'];
  const REORG_KEYS = ['closed', 'renamed', 'unitsRepathed', 'usersMoved', 'usersRepathed', 'channelsMoved', 'channelsRepathed',
    'tipsMoved', 'casesMoved', 'reviewItems'];

  /** Wires both forms; c gives the console's state: unit(), me(), say(text, bad), fail(e), reload(). */
  function init(c) {
    const names = {};
    function remember(u) { names[u.code] = u.name; }
    const within = function () { return c.me().unit.code; };
    UnitPicker.attach($('rg-units'), { within: within, multiple: true, onPick: remember });
    UnitPicker.attach($('rg-target'), { within: within, onPick: remember, enabled: function () { return $('rg-action').value !== 'rename'; } });
    function relabel() {
      const a = $('rg-action').value;
      $('rg-target-label').textContent = I18n.t(TARGET[a], TARGET_VI[a]);
    }
    $('rg-action').addEventListener('change', relabel);
    document.addEventListener('langchange', relabel);
    relabel();

    // The import's progress, streamed from the server (GET /events/imports/<id>) while it runs.
    const STEPS = {
      read: ['admin.import.step.read', 'Đã đọc {done} dòng'], checked: ['admin.import.step.checked', 'Đã kiểm tra {done} dòng'],
      renamed: ['admin.import.step.renamed', 'Đã đổi tên {done} đơn vị'],
      created: ['admin.import.step.created', 'Đã ghi {done} trên {total} đơn vị mới'], done: ['admin.import.step.done', 'Xong']
    };
    function showStep(e) {
      const step = STEPS[e.step];
      if (!step) { return; }
      const L = window.AdminLabels;
      $('import-progress').hidden = false;
      $('import-bar').max = Math.max(1, e.total);
      $('import-bar').value = e.step === 'created' || e.step === 'done' ? e.done : 0;
      $('import-step').textContent = I18n.t(step[0], step[1]).replace('{done}', L.number(e.done)).replace('{total}', L.number(e.total));
    }
    function follow() {
      const id = Array.from(crypto.getRandomValues(new Uint8Array(12)), function (b) { return b.toString(16).padStart(2, '0'); }).join('');
      const source = new EventSource('/events/imports/' + id);
      source.addEventListener('progress', function (m) { showStep(JSON.parse(m.data)); });
      // Sent once the stream is subscribed; without it (an old proxy), the import goes on unfollowed.
      const ready = new Promise(function (resolve) {
        source.addEventListener('ready', resolve);
        source.addEventListener('error', resolve);
        setTimeout(resolve, 3000);
      });
      return { id: id, ready: ready, close: function () { source.close(); } };
    }
    async function importOnce(file, dryRun) {
      const form = new FormData();
      form.append('file', file);
      const stream = follow();
      await stream.ready;
      try {
        const answer = await Api.post('/api/admin/units/' + c.unit().code + '/import?dryRun=' + dryRun + '&progress=' + stream.id, form);
        // The answer is the last word: the stream's own "done" may still be on its way when it is closed.
        if (!$('import-progress').hidden) {
          const bar = $('import-bar');
          showStep({ step: 'done', done: Number(bar.max), total: Number(bar.max) });
        }
        return answer;
      } finally {
        stream.close();
      }
    }
    function importFailed(e) {
      $('import-verdict').className = 'error';
      $('import-verdict').textContent = I18n.t('admin.import.bad', 'Tệp có lỗi, chưa nhập gì.');
      c.fail(e);
      const errors = (e.problem && e.problem.errors) || [];
      if (errors.length) {
        $('import-verdict').appendChild(document.createTextNode(' '));
        $('import-verdict').appendChild(download('loi-nhap-danh-muc.csv', I18n.t('admin.import.errors.download', 'Tải danh sách lỗi (CSV)'),
          [[I18n.t('admin.line', 'Dòng'), I18n.t('unit.code', 'Mã'), I18n.t('admin.kind', 'Loại lỗi'), I18n.t('admin.detail', 'Chi tiết')]]
            .concat(errors.map(function (l) { return [l.line, l.code, I18n.t('importerror.' + l.kind, ''), I18n.lang() === 'en' ? l.messageEn : l.messageVi]; }))));
      }
      Table.fill('import-errors', errors, function (tr, l) {
        c.cell(tr, window.AdminLabels.number(l.line)); c.cell(tr, l.code); c.cell(tr, I18n.t('importerror.' + l.kind, ''));
        c.cell(tr, I18n.lang() === 'en' ? l.messageEn : l.messageVi);
      }, function (l) { return [l.line, l.code, l.messageVi, l.messageEn].join(' '); });
    }
    $('import-form').addEventListener('submit', async function (ev) {
      ev.preventDefault();
      const file = $('import-file').files[0];
      if (!file) { c.say(I18n.t('admin.file.missing', 'Hãy chọn tệp CSV trước.'), true); return; }
      Table.fill('import-errors', [], function () {});
      $('import-verdict').className = '';
      $('import-verdict').replaceChildren();
      let dry;
      try { dry = await importOnce(file, true); } catch (e) { importFailed(e); return; }
      const summary = lines(dry, IMPORT_KEYS, names);
      show('import-verdict', dry, summary);
      if ($('import-dry').checked) { c.say(I18n.t('admin.dryrun.done', 'Chạy thử xong: chưa thay đổi gì')); return; }
      const done = await Dialog.confirm({ id: 'import', title: I18n.t('admin.import.confirm', 'Nhập danh mục này?'),
        lines: [I18n.t('admin.import.confirm.lead', 'Tệp') + ' ' + file.name + ':'].concat(summary),
        confirm: I18n.t('admin.apply', 'Thực hiện'),
        run: function () { return importOnce(file, false); } });
      if (done) {
        show('import-verdict', done, lines(done, IMPORT_KEYS, names));
        c.say(I18n.t('admin.done', 'Đã xong'));
        await c.reload();
      }
    });

    function body(dryRun) {
      const action = $('rg-action').value;
      const units = UnitPicker.codes($('rg-units'));
      const target = action === 'rename' ? $('rg-target').value.trim() : (UnitPicker.codes($('rg-target'))[0] || '');
      const b = action === 'merge' ? { sources: units, target: target }
        : action === 'move' ? { unit: units[0], parent: target }
        : action === 'rename' ? { unit: units[0], name: target }
        : { unit: units[0], successors: units.slice(1), defaultSuccessor: target };
      b.dryRun = dryRun;
      return b;
    }
    function dryRun() {
      return Api.post('/api/admin/reorg/' + $('rg-action').value, body(true)).then(function (r) {
        show('reorg-report', r, lines(r, REORG_KEYS, names));
        c.say(I18n.t('admin.dryrun.done', 'Chạy thử xong: chưa thay đổi gì'));
        return r;
      }).catch(function (e) { c.fail(e); return null; });
    }
    $('reorg-form').addEventListener('submit', function (ev) { ev.preventDefault(); dryRun(); });
    // An irreversible change: run it dry first, then ask with the counts before applying.
    $('rg-apply').addEventListener('click', async function () {
      const r = await dryRun();
      if (!r) { return; }
      const action = $('rg-action').value;
      const done = await Dialog.confirm({ id: 'reorg', danger: true,
        title: I18n.t('admin.rg.confirm.' + action, I18n.t('admin.rg.' + action, action)) + '?',
        lines: [I18n.t('admin.rg.confirm', 'Thực hiện thay đổi này? Không thể hoàn tác.')].concat(lines(r, REORG_KEYS, names)),
        confirm: I18n.t('admin.apply', 'Thực hiện'),
        run: function () { return Api.post('/api/admin/reorg/' + action, body(false)); } });
      if (done) {
        show('reorg-report', done, lines(done, REORG_KEYS, names));
        UnitPicker.clear($('rg-units'));
        UnitPicker.clear($('rg-target'));
        c.say(I18n.t('admin.done', 'Đã xong'));
        await c.reload();
      }
    });
  }

  /** The split's items placed by default, each with a link to its unit and a "checked" button. */
  async function loadReviews(c) {
    const list = await Api.get('/api/admin/units/' + c.unit().code + '/reorg-reviews?limit=200');
    Table.fill('review-list', list.items, function (tr, item) {
      c.cell(tr, window.AdminLabels.dateTime(item.createdAt));
      c.cell(tr, I18n.t('admin.review.kind.' + item.kind, I18n.t('admin.otheraction', 'Khác')));
      const where = document.createElement('td');
      const a = Dialog.el('a', null, item.fromCode + ' → ' + item.toCode);
      a.href = item.kind === 'user' ? '#users' : '#channels';
      a.addEventListener('click', function () { c.show(item.toCode).catch(c.fail); });
      where.appendChild(a);
      tr.appendChild(where);
      // Stored as "Vietnamese / English": the page's language only.
      const parts = String(item.reason).split(' / ');
      c.cell(tr, I18n.lang() === 'en' && parts.length > 1 ? parts.slice(1).join(' / ') : parts[0]);
      const td = c.cell(tr, '');
      const b = Dialog.el('button', 'row-action', I18n.t('admin.review.resolve', 'Đã xem xét'));
      b.type = 'button';
      b.dataset.action = 'resolve';
      b.addEventListener('click', function () {
        Api.post('/api/admin/units/' + c.unit().code + '/reorg-reviews/' + item.id + '/resolve')
          .then(function () { c.say(I18n.t('admin.done', 'Đã xong')); return loadReviews(c); }).catch(c.fail);
      });
      td.appendChild(b);
    }, function (item) { return item.fromCode + ' ' + item.toCode + ' ' + item.reason; },
    I18n.t('admin.review.none', 'Không có mục nào cần xem xét.'));
  }

  window.AdminReorg = { init: init, lines: lines, loadReviews: loadReviews };
})();
