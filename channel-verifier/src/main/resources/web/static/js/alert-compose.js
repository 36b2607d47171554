// The alerts console's form: write an alert (or an update of one), with its scope as the whole
// subtree or units chosen with the unit picker, and issue it after a confirmation that says where
// it goes. POST /api/units/{code}/alerts (docs/alerts.md).
(function () {
  const L = function () { return window.AlertLabels; };
  function $(id) { return document.getElementById(id); }
  let unit = null;
  let replacing = null;
  let issued = function () {};

  function showError(text) {
    $('compose-error').textContent = text;
    $('compose-error').hidden = !text;
  }

  function scopeChosen() { return $('scope-units').checked; }

  /** The request body, or null after saying what is missing. */
  function body() {
    const title = $('a-title').value.trim();
    const text = $('a-body').value.trim();
    const hours = Number($('a-hours').value);
    $('a-title').setAttribute('aria-invalid', title ? 'false' : 'true');
    $('a-body').setAttribute('aria-invalid', text ? 'false' : 'true');
    if (!title || !text) { showError(L().t('al.need.title', 'Hãy viết tiêu đề và nội dung.')); return null; }
    if (!Number.isInteger(hours) || hours < 1 || hours > 720) {
      showError(L().t('al.need.hours', 'Hiệu lực là số giờ nguyên từ 1 đến 720.'));
      $('a-hours').focus();
      return null;
    }
    const codes = UnitPicker.codes($('a-units'));
    if (scopeChosen() && codes.length === 0) { showError(L().t('al.need.units', 'Hãy chọn ít nhất một đơn vị.')); $('a-units').focus(); return null; }
    const b = { title: title, body: text, severity: $('a-severity').value, validHours: hours,
      scope: scopeChosen() ? codes : 'subtree' };
    const category = $('a-category').value.trim();
    if (category) { b.category = category; }
    const titleEn = $('a-title-en').value.trim();
    const bodyEn = $('a-body-en').value.trim();
    if (titleEn) { b.titleEn = titleEn; }
    if (bodyEn) { b.bodyEn = bodyEn; }
    if (replacing) { b.replaces = replacing.id; }
    const images = AlertImagesPicker.ids();
    if (images.length) { b.images = images; }
    return b;
  }

  function where(b) {
    if (b.scope === 'subtree') {
      return L().t('al.issue.subtree', 'mọi trang chính thức của {u} và các đơn vị trực thuộc', { u: unit.name });
    }
    const picked = ($('a-units')._picker ? $('a-units')._picker.picked : []);
    const names = b.scope.map(function (c) {
      const u = picked.find(function (p) { return p.code === c; });
      return u ? u.name : c;
    });
    return L().t('al.issue.units', 'các trang chính thức của: {u}', { u: names.join(', ') });
  }

  async function submit(ev) {
    ev.preventDefault();
    showError('');
    const b = body();
    if (!b) { return; }
    const update = !!replacing;
    const title = update ? L().t('al.update.title', 'Phát bản cập nhật này?')
      : L().t('al.issue.title', 'Ký và phát cảnh báo này?');
    const lines = [update
      ? L().t('al.update.impact', 'Bản mới được ký và gửi tới các kênh trong phạm vi; cảnh báo “{t}” bị huỷ và thay bằng bản mới.', { t: replacing.title })
      : L().t('al.issue.impact', 'Cảnh báo được ký bằng khóa của tỉnh, ghi vào nhật ký minh bạch và gửi tới {scope}.', { scope: where(b) }),
    b.title, L().severity(b.severity) + ' · ' + b.validHours + ' h'];
    const done = await Dialog.confirm({ id: 'issue', title: title, lines: lines,
      confirm: update ? L().t('al.f.update', 'Ký và phát bản cập nhật') : L().t('al.f.submit', 'Ký và phát cảnh báo'),
      run: function () { return Api.post('/api/units/' + encodeURIComponent(unit.code) + '/alerts', b); } });
    if (!done) { return; }
    reset();
    issued(done);
  }

  function reset() {
    $('compose').reset();
    UnitPicker.clear($('a-units'));
    AlertImagesPicker.clear();
    replacing = null;
    $('compose-replacing').hidden = true;
    $('a-english').open = false;
    scopeToggle();
    labels();
    showError('');
  }

  function scopeToggle() { $('scope-picker').hidden = !scopeChosen(); }

  function labels() {
    $('compose-submit').textContent = replacing ? L().t('al.f.update', 'Ký và phát bản cập nhật') : L().t('al.f.submit', 'Ký và phát cảnh báo');
    if (replacing) {
      $('compose-replacing').textContent = L().t('al.update.notice',
        'Bạn đang viết bản cập nhật của “{t}”: khi phát, cảnh báo cũ bị huỷ và trỏ tới bản mới.', { t: replacing.title });
    }
  }

  /** Fills the form with an alert of the unit, to issue its update. */
  function edit(a) {
    reset();
    replacing = a;
    $('a-title').value = a.title;
    $('a-body').value = a.body;
    $('a-severity').value = a.severity;
    $('a-category').value = a.category || '';
    $('a-title-en').value = a.titleEn || '';
    $('a-body-en').value = a.bodyEn || '';
    $('a-english').open = !!(a.titleEn || a.bodyEn);
    AlertImagesPicker.set(a.images);
    if (!a.subtree) {
      $('scope-units').checked = true;
      $('a-units').value = a.scope.map(function (u) { return u.code; }).join(', ');
    }
    scopeToggle();
    $('compose-replacing').hidden = false;
    labels();
    $('compose-title').focus();
  }

  /** Shows the form to whoever may issue for the unit: its admins and above, a ward's officers. */
  function init(me, onIssued) {
    unit = me.unit;
    issued = onIssued;
    const ward = unit.level === 'commune';
    const may = me.role === 'MINISTRY_ADMIN' || me.role === 'UNIT_ADMIN' || (me.role === 'OFFICER' && ward);
    $('compose-card').hidden = !may;
    if (!may) { return false; }
    // A ward has no units below it: its scope is itself.
    $('scope-units-choice').hidden = ward;
    AlertImagesPicker.init(unit, showError);
    UnitPicker.attach($('a-units'), { within: function () { return unit.code; }, multiple: true });
    $('compose').addEventListener('submit', submit);
    $('compose-reset').addEventListener('click', reset);
    document.querySelectorAll('input[name=scope]').forEach(function (r) { r.addEventListener('change', scopeToggle); });
    document.addEventListener('langchange', labels);
    return true;
  }

  window.AlertCompose = { init: init, edit: edit };
})();
