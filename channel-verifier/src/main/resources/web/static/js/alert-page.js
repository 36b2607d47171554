// The citizen's page of one alert: /alerts/{id} asks /api/public/verify about its own link, so the
// signature, the key chain and the alert's state are checked by the same answer as any page.
(function () {
  I18n.add('en', {
    'a.checking': 'Checking the signature…', 'a.issuer': 'Issued by', 'a.scope': 'Applies to',
    'a.qr': 'Scan to check this alert on a phone; print it on a poster.', 'a.valid': 'Valid', 'a.signature': 'Signature', 'a.log': 'Transparency log', 'a.cap': 'CAP 1.2 version (for alerting software)',
    'a.kicker': 'POLICE ALERT · BINHYEN', 'a.print': 'Print the poster',
    'a.note': 'The police never ask you to transfer money, give an OTP code or install an app by phone or social network.'
  });
  const verdicts = {
    OFFICIAL: ['Cảnh báo chính thức, chữ ký đã được kiểm tra', 'Official alert: its signature was checked'],
    CANCELLED: ['Cảnh báo này đã bị huỷ hoặc thay bằng bản cập nhật', 'This alert was cancelled or replaced by an update'],
    EXPIRED: ['Cảnh báo này đã hết hiệu lực', 'This alert has expired'],
    REVOKED: ['Khóa ký của cảnh báo đã bị thu hồi: không tin nội dung này', 'The signing key was revoked: do not trust this'],
    INVALID_TOKEN: ['Không phải cảnh báo chính thức: chữ ký không hợp lệ hoặc không có cảnh báo này', 'Not an official alert: bad signature or no such alert']
  };
  const severities = {
    minor: ['Mức độ: nhẹ', 'Severity: minor'], moderate: ['Mức độ: trung bình', 'Severity: moderate'],
    severe: ['Mức độ: nghiêm trọng', 'Severity: severe'], extreme: ['Mức độ: đặc biệt nghiêm trọng', 'Severity: extreme']
  };
  let answer = null;

  function pick(pair) { return I18n.lang() === 'en' ? pair[1] : pair[0]; }
  function when(t) { return t ? new Date(t).toLocaleString(I18n.lang() === 'en' ? 'en-GB' : 'vi-VN') : ''; }
  function set(id, text) { document.getElementById(id).textContent = text; }

  function render() {
    if (!answer) { return; }
    const v = document.getElementById('verdict');
    v.textContent = pick(verdicts[answer.verdict] || verdicts.INVALID_TOKEN);
    v.className = 'verdict ' + (answer.verdict === 'OFFICIAL' ? 'ok'
      : answer.verdict === 'CANCELLED' || answer.verdict === 'EXPIRED' ? 'warn' : 'bad');
    v.dataset.verdict = answer.verdict;
    const a = answer.alert;
    document.getElementById('alert').hidden = !a;
    if (!a) { return; }
    set('severity', pick(severities[a.severity] || [a.severity, a.severity]) + (a.category ? ' · ' + a.category : ''));
    set('title', a.title);
    set('body', a.body);
    const en = document.getElementById('body-en');
    en.hidden = !a.bodyEn;
    en.textContent = a.bodyEn || '';
    // The issuer's images, served by the platform (their SHA-256 are in the signed token's img claim).
    const images = document.getElementById('images');
    while (images.firstChild) { images.removeChild(images.firstChild); }
    (a.images || []).forEach(function (img) {
      const el = document.createElement('img');
      el.src = img.url;
      el.loading = 'lazy';
      el.alt = pick(['Ảnh ' + img.n + ' của cảnh báo', 'Image ' + img.n + ' of the alert']);
      images.appendChild(el);
    });
    images.hidden = !(a.images && a.images.length);
    set('issuer', answer.unit.name + ' (' + answer.unit.code + ')');
    const scope = document.getElementById('scope');
    while (scope.firstChild) { scope.removeChild(scope.firstChild); }
    a.scope.forEach(function (u) {
      const li = document.createElement('li');
      li.textContent = u.name + ' (' + u.code + ')' + pick([' và các đơn vị trực thuộc', ' and the units below it']);
      scope.appendChild(li);
    });
    set('validity', when(a.issuedAt) + ' → ' + when(a.expiresAt));
    set('signature', pick(['Ed25519, khóa ', 'Ed25519, key ']) + answer.chain.join(' ← ')
      + (answer.verdict === 'OFFICIAL' ? pick([' (hợp lệ)', ' (valid)']) : ''));
    set('log', '#' + answer.logIndex + (a.cancelLogIndex != null ? pick([', huỷ: #', ', cancellation: #']) + a.cancelLogIndex : ''));
    document.getElementById('cap').href = a.cap;
    document.getElementById('qr').src = '/api/public/alerts/' + encodeURIComponent(a.id) + '/qr.svg';
    // A poster only of an alert in force: the print layout (verifier.css, @media print) keeps the
    // title, the text, the issuer, the validity and a large QR code of this page.
    document.getElementById('print').hidden = answer.verdict !== 'OFFICIAL';
  }

  window.addEventListener('DOMContentLoaded', async function () {
    document.getElementById('print').addEventListener('click', function () { window.print(); });
    const id = decodeURIComponent(window.location.pathname.split('/')[2] || '');
    try {
      answer = await Api.get('/api/public/verify?q=' + encodeURIComponent('/alerts/' + id));
    } catch (e) {
      answer = { verdict: 'INVALID_TOKEN', chain: [] };
    }
    render();
  });
  document.addEventListener('langchange', render);
})();
