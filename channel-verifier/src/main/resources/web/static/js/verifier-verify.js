// The citizen's question "is this page official?": one clear answer from /api/public/verify.
(function () {
  const V = window.Verifier;
  const CLASS = { OFFICIAL: 'ok', REVOKED: 'bad', SUSPENDED: 'warn', EXPIRED: 'warn', NOT_REGISTERED: 'bad',
    INVALID_TOKEN: 'bad', NAME_ONLY: 'warn', CANCELLED: 'warn', ERROR: 'warn' };
  let last = null;

  function fact(dl, key, value) {
    if (value === undefined || value === null || value === '') { return; }
    dl.appendChild(V.el('dt', V.text(key)));
    dl.appendChild(V.el('dd', String(value)));
  }

  function reasonText(r) {
    if (typeof r === 'string') { return r; }
    return (I18n.lang() === 'en' ? (r.en || r.messageEn) : (r.vi || r.messageVi)) || r.message || r.text || r.detail || r.code || JSON.stringify(r);
  }

  function render(a, q) {
    const box = document.getElementById('result');
    const verdict = a.verdict || 'ERROR';
    // A token that failed its signature check claims nothing we may repeat: never show its unit or page.
    const forged = verdict === 'INVALID_TOKEN';
    const unit = a.unit && !forged ? a.unit.name + ' (' + a.unit.code + ')' : '';
    box.hidden = false;
    box.className = 'verdict ' + (CLASS[verdict] || 'warn');
    box.dataset.verdict = verdict;
    // Alerts (kind alert) have their own wording; their page /alerts/{id} shows the whole alert.
    const key = a.kind === 'alert' ? 'alert.' + verdict : verdict;
    document.getElementById('result-title').textContent = V.text(key + '.title');
    document.getElementById('result-text').textContent = a.problem ? a.problem : V.text(key + '.text', { unit: unit, ofUnit: unit ? ' (' + unit + ')' : '' });
    const dl = document.getElementById('result-facts');
    V.clear(dl);
    if (forged) {
      fact(dl, 'f.reason', a.reason);
    } else if (verdict !== 'NOT_REGISTERED' && verdict !== 'NAME_ONLY' && verdict !== 'ERROR') {
      fact(dl, 'f.unit', unit);
      if (a.channel) { fact(dl, 'f.channel', a.channel.displayName + ' — ' + a.channel.platformLabel); }
      else if (a.claims) { fact(dl, 'f.channel', a.claims.n); }
      if (a.alert) {
        fact(dl, 'f.alert', a.alert.title);
        const open = V.el('a', V.text('f.alertPage'));
        open.href = a.alert.page;
        dl.appendChild(V.el('dt', V.text('f.link')));
        dl.appendChild(V.el('dd')).appendChild(open);
      }
      fact(dl, 'f.since', V.date(a.since));
      if (a.chain && a.chain.length) { fact(dl, 'f.chain', a.chain.join(' \u2192 ')); }
      fact(dl, 'f.log', a.logIndex);
      if (verdict !== 'OFFICIAL') { fact(dl, 'f.reason', (a.channel && a.channel.statusReason) || a.reason); }
    } else if (a.normalizedId) {
      fact(dl, 'f.link', a.normalizedId);
    }
    const list = document.getElementById('result-list');
    V.clear(list);
    (a.matches || []).forEach(function (m) {
      const li = V.el('li');
      const link = V.el('a', m.displayName + ' — ' + m.unit.name);
      link.href = m.url;
      link.rel = 'noopener noreferrer';
      li.appendChild(link);
      list.appendChild(li);
    });
    const impText = document.getElementById('impostor-text');
    const impReasons = document.getElementById('impostor-reasons');
    const report = document.getElementById('report-link');
    V.clear(impReasons);
    impText.textContent = '';
    report.hidden = true;
    if (a.impostor) {
      impText.textContent = V.text('imp.title') + (V.text('imp.' + a.impostor.verdict) || a.impostor.verdict);
      (a.impostor.reasons || []).forEach(function (r) { impReasons.appendChild(V.el('li', reasonText(r))); });
      report.href = '/report?link=' + encodeURIComponent(q);
      report.hidden = false;
    } else if (verdict === 'NOT_REGISTERED') {
      report.href = '/report?link=' + encodeURIComponent(q);
      report.hidden = false;
    }
  }

  // What the offline check found, in the shape render() takes. Claims (unit, page) only when the
  // signature and chain held; the verifier gives none otherwise.
  const OFFLINE_VERDICT = { VALID: 'OFFICIAL', ATTESTATION_REVOKED: 'REVOKED', KEY_REVOKED: 'REVOKED', EXPIRED: 'EXPIRED',
    MALFORMED: 'INVALID_TOKEN', UNKNOWN_KEY: 'INVALID_TOKEN', BAD_SIGNATURE: 'INVALID_TOKEN',
    CERTIFICATE_INVALID: 'INVALID_TOKEN', NOT_YET_VALID: 'INVALID_TOKEN' };

  function renderOffline(r, q) {
    const date = V.date(r.asOf ? new Date(r.asOf * 1000).toISOString() : null);
    const verdict = OFFLINE_VERDICT[r.outcome];
    if (!verdict) {
      render({ verdict: 'ERROR', problem: V.text('off.' + r.outcome, { date: date }) }, q);
    } else {
      const a = { verdict: verdict, reason: verdict === 'OFFICIAL' ? undefined : V.text('off.' + r.outcome) };
      if (r.claims && verdict !== 'INVALID_TOKEN') {
        a.unit = { name: r.claims.tn, code: r.claims.tc };
        a.claims = { n: r.claims.n };
        a.chain = r.chain;
      }
      render(a, q);
    }
    const box = document.getElementById('result');
    box.dataset.offline = 'true';
    if (verdict === 'OFFICIAL') {
      document.getElementById('result-title').textContent = V.text('off.title', { date: date });
    }
    const dl = document.getElementById('result-facts');
    if (r.claims && verdict !== 'INVALID_TOKEN') {
      fact(dl, 'f.issued', V.date(new Date(r.claims.iat * 1000).toISOString()));
      fact(dl, 'f.expires', V.date(new Date(r.claims.exp * 1000).toISOString()));
    }
    if (date) {
      dl.appendChild(V.el('dt', V.text('f.offline')));
      dl.appendChild(V.el('dd', V.text('off.asof', { date: date })));
    }
  }

  async function offline(q) {
    const token = OfflineVerifier.tokenIn(q);
    if (!token) {
      render({ verdict: 'ERROR', problem: V.text('off.NO_TOKEN') }, q);
      document.getElementById('result').dataset.offline = 'true';
      return;
    }
    renderOffline(await OfflineVerifier.verify(token), q);
  }

  async function check(q) {
    last = q;
    if (navigator.onLine === false) { return offline(q); }
    let answer;
    try {
      answer = await Api.get('/api/public/verify?q=' + encodeURIComponent(q));
    } catch (e) {
      // No status: the network failed (offline, poor connection): check the token on the phone.
      if (e.status === undefined) { return offline(q); }
      render({ verdict: 'ERROR', problem: e.message }, q);
      return;
    }
    render(answer, q);
    delete document.getElementById('result').dataset.offline;
  }

  async function showListStatus() {
    const list = await OfflineVerifier.refresh();
    const status = document.getElementById('offline-status');
    if (!list) { status.hidden = true; return; }
    status.textContent = V.text('off.ready', { date: V.date(new Date(list.iat * 1000).toISOString()) });
    status.hidden = false;
  }

  // A link shared to the app (manifest share_target) comes as url=, or inside text=.
  function shared(params) {
    const url = params.get('url');
    if (url) { return url; }
    const text = params.get('text') || '';
    const m = text.match(/https?:\/\/\S+/);
    // A link at the end of a sentence ("… https://…/page.") or in brackets: not its last characters.
    return m ? m[0].replace(/[.,;:!?)\]}"'\u201d\u2019>]+$/, '') : (text.trim() || null);
  }

  window.addEventListener('DOMContentLoaded', function () {
    const params = new URLSearchParams(window.location.search);
    const input = document.getElementById('q');
    document.getElementById('verify-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (input.value.trim()) { check(input.value.trim()); }
    });
    document.addEventListener('langchange', function () { if (last) { check(last); } showListStatus(); });
    showListStatus();
    const initial = params.get('t') || params.get('q') || shared(params);
    if (initial) {
      input.value = initial;
      check(initial);
    }
  });
})();
