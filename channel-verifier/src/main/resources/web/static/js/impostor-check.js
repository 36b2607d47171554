// /check: a citizen checks a link, a name or an about text; the answer comes with a report action.
(function () {
  let last = null;
  function reportHref(body) {
    const q = new URLSearchParams();
    if (body.link) { q.set('link', body.link); }
    if (body.name) { q.set('name', body.name); }
    return '/report?' + q.toString();
  }
  async function check(ev) {
    if (ev) { ev.preventDefault(); }
    const body = {};
    ['link', 'name', 'about'].forEach(function (f) { const v = document.getElementById(f).value.trim(); if (v) { body[f] = v; } });
    const error = document.getElementById('check-error');
    error.hidden = true;
    try {
      last = await Api.post('/api/public/check', body);
      Impostor.renderVerdict(document.getElementById('result'), last);
      const action = document.getElementById('report-action');
      action.href = reportHref(body);
      action.hidden = last.verdict === 'OFFICIAL';
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  }
  window.addEventListener('DOMContentLoaded', function () {
    ['link', 'name', 'about'].forEach(function (f) { document.getElementById(f).value = Impostor.query(f); });
    document.getElementById('check-form').addEventListener('submit', check);
    document.addEventListener('langchange', function () { if (last) { Impostor.renderVerdict(document.getElementById('result'), last); } });
    if (Impostor.query('link') || Impostor.query('name')) { check(); }
  });
})();
