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
  window.addEventListener('DOMContentLoaded', function () {
    ['link', 'name'].forEach(function (f) { document.getElementById(f).value = Impostor.query(f); });
    document.getElementById('report-form').addEventListener('submit', send);
  });
})();
