// One navigation for every citizen page: the labels in vi and en, and the current page marked.
(function () {
  I18n.add('en', {
    'cn.label': 'Pages for citizens', 'cn.home': 'Home', 'cn.verify': 'Check a page', 'cn.check': 'Is this name official?',
    'cn.report': 'Report a fake page', 'cn.impostors': 'Published impostors', 'cn.unit': 'My ward\u2019s pages',
    'cn.tip': 'Send a tip', 'cn.follow': 'Follow a tip', 'cn.staff': 'Staff sign-in',
    'ch.title': 'BinhYen for citizens', 'ch.intro': 'Check that a page or group really belongs to the police, report fake ones, and send tips — no sign-in needed.',
    'ch.verify.text': 'Paste a link, an account name or the code from a QR poster.',
    'ch.check.text': 'Find out whether a page name imitates an official page.',
    'ch.report.text': 'Tell us about a page that pretends to be the police.',
    'ch.impostors.text': 'Fake pages the police have confirmed.',
    'ch.unit.text': 'The official pages and groups of your commune or ward.',
    'ch.tip.text': 'Tell the police about something, anonymously if you wish.',
    'ch.follow.text': 'Read the answer to a tip with its code and secret.',
    'ch.staff.text': 'For police officers and unit administrators.'
  });
  I18n.add('vi', {
    'cn.label': 'Trang cho người dân'
  });

  // The menu itself, built here once for every citizen page (each page has an empty
  // <nav class="citizen-nav">); this runs before I18n.apply, which then translates it.
  const ITEMS = [
    ['/verify', 'cn.verify', 'Kiểm tra một trang'],
    ['/check', 'cn.check', 'Tên này có chính thức không?'],
    ['/report', 'cn.report', 'Báo cáo trang giả mạo'],
    ['/impostors', 'cn.impostors', 'Trang giả mạo đã công bố'],
    ['/units', 'cn.unit', 'Trang của phường tôi'],
    ['/tips/new', 'cn.tip', 'Gửi tin báo'],
    ['/tips/follow', 'cn.follow', 'Theo dõi tin báo']
  ];
  document.querySelectorAll('.citizen-nav').forEach(function (nav) {
    if (nav.querySelector('ul')) { return; }
    const ul = document.createElement('ul');
    ITEMS.forEach(function (item) {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = item[0];
      link.dataset.i18n = item[1];
      link.textContent = item[2];
      li.appendChild(link);
      ul.appendChild(li);
    });
    nav.appendChild(ul);
  });

  function label() {
    document.querySelectorAll('.citizen-nav').forEach(function (nav) { nav.setAttribute('aria-label', I18n.t('cn.label')); });
  }

  document.addEventListener('langchange', label);
  window.addEventListener('DOMContentLoaded', function () {
    label();
    const here = window.location.pathname;
    document.querySelectorAll('.citizen-nav a').forEach(function (a) {
      const target = a.getAttribute('href').split('?')[0];
      if (target === here || (target !== '/' && here.indexOf(target + '/') === 0)) {
        a.setAttribute('aria-current', 'page');
      }
    });
  });

  // Every citizen page installs the web app's service worker (scope /), which keeps the pages and
  // the offline verification material (docs/verification.md, "Offline verification").
  if ('serviceWorker' in navigator) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () { /* e.g. not a secure context */ });
    });
  }
})();
