// /report: a citizen reports a suspected impostor page, optionally with a screenshot.
(function () {
  async function send(ev) {
    ev.preventDefault();
    const body = {};
    ['link', 'name', 'about', 'areaCode', 'note'].forEach(function (f) {
      const v = document.getElementById(f).value.trim(); if (v) { body[f] = f === 'areaCode' ? v.toUpperCase() : v; }
    });
    const error = document.getElementById('report-error');
    const button = document.getElementById('report-submit');
    error.hidden = true;
    button.disabled = true;
    try {
      const receipt = await Api.post('/api/public/reports', body);
      const file = document.getElementById('screenshot').files[0];
      if (file) {
        const form = new FormData();
        form.append('token', receipt.uploadToken);
        form.append('file', file);
        await Api.post('/api/public/reports/' + receipt.reportId + '/screenshot', form);
      }
      document.getElementById('report-form').hidden = true;
      const done = document.getElementById('receipt');
      done.hidden = false;
      document.getElementById('receipt-text').textContent = I18n.lang() === 'en'
        ? 'Report received (case #' + receipt.caseId + '), sent to ' + receipt.unit.name + '. Thank you.'
        : 'Đã nhận báo cáo (vụ việc #' + receipt.caseId + '), chuyển đến ' + receipt.unit.name + '. Cảm ơn bạn.';
      done.dataset.caseId = receipt.caseId;
      Impostor.renderVerdict(document.getElementById('result'), receipt.check);
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    } finally {
      button.disabled = false;
    }
  }
  // The citizen's ward by name, not by a code they do not know: the public unit search, each answer
  // with its province ("Phường Ba Đình · Thành phố Hà Nội (00004)"); "not chosen" stays first.
  let timer = null;
  function searchArea() {
    const q = document.getElementById('area-q').value.trim();
    const select = document.getElementById('areaCode');
    if (q.length < 2) { return; }
    Api.get('/api/public/units?q=' + encodeURIComponent(q) + '&limit=20').then(function (r) {
      const none = select.options[0];
      select.replaceChildren(none);
      r.items.filter(function (u) { return u.level !== 'ministry'; }).forEach(function (u) {
        const within = (u.parents || []).map(function (x) { return x.name; }).reverse();
        const o = Impostor.el('option', [u.name].concat(within).join(' · ') + ' (' + u.code + ')');
        o.value = u.code;
        select.appendChild(o);
      });
      if (select.options.length > 1) { select.selectedIndex = 1; }
    }).catch(function () { /* the search is a help: the report can go without it */ });
  }
  window.addEventListener('DOMContentLoaded', function () {
    ['link', 'name'].forEach(function (f) { document.getElementById(f).value = Impostor.query(f); });
    document.getElementById('area-q').addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(searchArea, 250); });
    document.getElementById('report-form').addEventListener('submit', send);
  });
})();
