// Shared pieces of the impostor pages: small DOM helpers (textContent only) and the verdict view.
(function () {
  I18n.add('en', {
    'imp.check.title': 'Is this page official?', 'imp.link': 'Link of the page or group', 'imp.name': 'Name shown on the page',
    'imp.about': '"About" text (optional)', 'imp.check.submit': 'Check', 'imp.report.action': 'Report this page',
    'imp.report.title': 'Report a page impersonating the police', 'imp.area': 'Your ward or commune (optional)', 'imp.area.search': 'e.g. phuong ba dinh',
    'imp.area.pick': 'Choose the unit among the results', 'imp.area.none': 'Not chosen',
    'imp.note': 'What happened (optional)', 'imp.screenshot': 'Screenshot (PNG, JPEG or WebP, optional)',
    'imp.report.submit': 'Send report', 'imp.report.anon': 'Reports are anonymous: we keep no name, phone number or address.',
    'imp.cases.title': 'Impostor cases of your unit', 'imp.cases.status': 'Status', 'imp.cases.reports': 'Reports',
    'imp.cases.open': 'Open', 'imp.cases.confirmed': 'Confirmed', 'imp.cases.dismissed': 'Dismissed',
    'imp.cases.all': 'All', 'imp.cases.name': 'Page name', 'imp.cases.link': 'Link', 'imp.cases.verdict': 'Assessment',
    'imp.cases.actions': 'Actions', 'imp.cases.count': '{n} cases', 'imp.cases.none': 'Your unit has no case yet.',
    'imp.cases.none.open': 'No case is waiting for a decision.', 'imp.cases.none.confirmed': 'No confirmed impostor yet.',
    'imp.cases.none.dismissed': 'No dismissed case.',
    'imp.cases.view': 'View', 'imp.cases.note': 'Note (required)', 'imp.cases.confirm': 'Confirm impostor and publish',
    'imp.cases.dismiss': 'Dismiss', 'imp.cases.imitated': 'Official channel imitated', 'imp.cases.evidence': 'Evidence',
    'imp.list.title': 'Confirmed impostor pages', 'imp.list.confirmedBy': 'Confirmed by', 'imp.list.date': 'Date',
    'imp.list.figures': 'Times this unit has been imitated (confirmed)', 'imp.official': 'Official pages of the unit',
    'imp.resembles': 'Looks like these official channels', 'imp.reasons': 'Why', 'imp.page': 'Page'
  });
  I18n.add('vi', {
    'imp.cases.open': 'Đang chờ xử lý', 'imp.cases.confirmed': 'Đã xác nhận giả mạo', 'imp.cases.dismissed': 'Đã bác bỏ',
    'imp.cases.none.open': 'Không có vụ việc nào đang chờ xử lý.', 'imp.cases.none.confirmed': 'Chưa có trang giả mạo nào được xác nhận.',
    'imp.cases.none.dismissed': 'Không có vụ việc nào bị bác bỏ.',
    'imp.reasons': 'Lý do', 'imp.resembles': 'Trang này giống các kênh chính thức', 'imp.cases.view': 'Xem'
  });
  const LABELS = {
    OFFICIAL: ['Trang chính thức đã xác thực', 'Verified official page', 'ok'],
    CONFIRMED_IMPOSTOR: ['Đã xác nhận giả mạo', 'Confirmed impostor', 'bad'],
    SUSPECTED_IMPOSTOR: ['Nghi giả mạo cơ quan Công an', 'Suspected impostor', 'bad'],
    NOT_REGISTERED: ['Không phải trang chính thức đã đăng ký', 'Not a registered official page', 'warn']
  };
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function en() { return I18n.lang() === 'en'; }
  function label(verdict) { const l = LABELS[verdict] || [verdict, verdict, 'warn']; return en() ? l[1] : l[0]; }
  function msg(o) { return en() ? o.messageEn : o.messageVi; }
  function link(url, text) { const a = el('a', text || url); a.href = url; a.rel = 'noopener noreferrer'; return a; }
  // Fills `box` with a check answer: the verdict, the reasons, the named units' only official pages.
  function renderVerdict(box, answer) {
    box.replaceChildren();
    box.hidden = false;
    box.className = 'verdict ' + ((LABELS[answer.verdict] || [0, 0, 'warn'])[2]);
    box.dataset.verdict = answer.verdict;
    box.appendChild(el('h2', label(answer.verdict), 'verdict-label'));
    if (answer.reasons && answer.reasons.length) {
      box.appendChild(el('h3', I18n.t('imp.reasons', 'Lý do')));
      const ul = el('ul', null, 'reasons');
      answer.reasons.forEach(function (r) { const li = el('li', msg(r)); li.dataset.code = r.code; ul.appendChild(li); });
      box.appendChild(ul);
    }
    (answer.namedUnits || []).forEach(function (u) {
      const p = el('p', msg(u), 'named-unit');
      box.appendChild(p);
      const ul = el('ul');
      u.officialChannels.forEach(function (c) { const li = el('li'); li.appendChild(link(c.url, c.displayName + ' — ' + c.url)); ul.appendChild(li); });
      box.appendChild(ul);
    });
    if (answer.resembles && answer.resembles.length && answer.verdict !== 'OFFICIAL') {
      box.appendChild(el('h3', I18n.t('imp.resembles', 'Trang này giống các kênh chính thức')));
      const ul = el('ul');
      answer.resembles.forEach(function (c) { const li = el('li'); li.appendChild(link(c.url, c.displayName + ' — ' + c.url)); ul.appendChild(li); });
      box.appendChild(ul);
    }
  }
  function query(name) { return new URLSearchParams(window.location.search).get(name) || ''; }
  function date(s) { return s ? new Date(s).toLocaleDateString(en() ? 'en-GB' : 'vi-VN') : ''; }
  window.Impostor = { el: el, label: label, msg: msg, link: link, renderVerdict: renderVerdict, query: query, date: date };
})();
