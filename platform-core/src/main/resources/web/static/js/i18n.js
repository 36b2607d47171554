// Vietnamese first, English on request. Text goes in with textContent only (never innerHTML).
(function () {
  const dict = {
    en: {
      'tagline': 'Connecting social networks – peace for every family',
      'login.title': 'Officer sign-in', 'login.username': 'Username', 'login.password': 'Password',
      'login.submit': 'Sign in', 'login.citizen': 'Citizens do not need to sign in to check an official page or send a tip.',
      'login.failed': 'Sign-in failed', 'nav.logout': 'Sign out', 'home.hello': 'Hello', 'home.role': 'Role',
      'home.unit': 'Unit', 'home.tasks': 'Your work', 'home.children': 'Units below', 'home.filter': 'Filter by name',
      'unit.code': 'Code', 'unit.name': 'Name', 'unit.level': 'Level',
      'role.MINISTRY_ADMIN': 'Ministry admin', 'role.UNIT_ADMIN': 'Unit admin', 'role.OFFICER': 'Officer', 'role.SUPERVISOR': 'Supervisor',
      'help.MINISTRY_ADMIN': 'Onboard provinces and their admins, hold the root signing key, see national figures.',
      'help.UNIT_ADMIN': 'Onboard the units below yours, manage their users, approve their official pages.',
      'help.OFFICER': 'Manage your unit\u2019s pages and groups and handle its tips.',
      'help.SUPERVISOR': 'Watch rolled-up tip figures for your unit and everything below it.',
      'task.units': 'Units below', 'task.docs': 'API documentation', 'task.verify': 'Citizen page: check an official page',
      'task.dashboard': 'Tip figures (dashboard)', 'task.inbox': 'Tips inbox', 'task.cases': 'Impostor cases',
      'task.impostors': 'Confirmed impostor pages', 'task.keys': 'Signing keys',
      'citizen.title': 'For citizens', 'citizen.verify': 'Is this page official?', 'citizen.check': 'Check a suspicious page',
      'citizen.tip': 'Send a tip to the police', 'citizen.follow': 'Follow up a tip', 'citizen.impostors': 'Confirmed impostor pages',
      'level.ministry': 'Ministry', 'level.province': 'Province', 'level.district': 'District', 'level.commune': 'Commune/Ward',
      'count': 'units'
    },
    vi: {
      'role.MINISTRY_ADMIN': 'Quản trị Bộ', 'role.UNIT_ADMIN': 'Quản trị đơn vị', 'role.OFFICER': 'Cán bộ', 'role.SUPERVISOR': 'Lãnh đạo',
      'help.MINISTRY_ADMIN': 'Tiếp nhận các tỉnh và quản trị viên của họ, giữ khóa ký gốc, xem số liệu toàn quốc.',
      'help.UNIT_ADMIN': 'Tiếp nhận đơn vị cấp dưới, quản lý người dùng, duyệt trang chính thức của đơn vị cấp dưới.',
      'help.OFFICER': 'Quản lý trang và nhóm của đơn vị, xử lý tin báo của đơn vị.',
      'help.SUPERVISOR': 'Theo dõi số liệu tin báo tổng hợp của đơn vị và cấp dưới.',
      'task.units': 'Đơn vị trực thuộc', 'task.docs': 'Tài liệu API', 'task.verify': 'Trang người dân: kiểm tra trang chính thức',
      'task.dashboard': 'Số liệu tin báo (bảng theo dõi)', 'task.inbox': 'Hộp tin báo', 'task.cases': 'Vụ việc trang giả mạo',
      'task.impostors': 'Danh sách trang giả mạo đã xác nhận', 'task.keys': 'Khóa ký',
      'login.failed': 'Đăng nhập không thành công',
      'level.ministry': 'Bộ', 'level.province': 'Tỉnh/Thành phố', 'level.district': 'Quận/Huyện', 'level.commune': 'Xã/Phường',
      'count': 'đơn vị'
    }
  };
  const I18n = {
    lang: function () { return localStorage.getItem('by_lang') === 'en' ? 'en' : 'vi'; },
    t: function (key, fallback) {
      const l = I18n.lang();
      return (dict[l] && dict[l][key]) || (l === 'vi' ? fallback : (dict.vi[key] || fallback)) || key;
    },
    apply: function () {
      document.documentElement.lang = I18n.lang();
      document.querySelectorAll('[data-i18n]').forEach(function (el) {
        if (!el.dataset.vi) { el.dataset.vi = el.textContent; }
        el.textContent = I18n.lang() === 'en' ? (dict.en[el.dataset.i18n] || el.dataset.vi) : el.dataset.vi;
      });
      document.querySelectorAll('[data-i18n-placeholder]').forEach(function (el) {
        if (!el.dataset.viPlaceholder) { el.dataset.viPlaceholder = el.placeholder; }
        el.placeholder = I18n.lang() === 'en' ? (dict.en[el.dataset.i18nPlaceholder] || el.dataset.viPlaceholder) : el.dataset.viPlaceholder;
      });
      const toggle = document.getElementById('lang-toggle');
      if (toggle) { toggle.textContent = I18n.lang() === 'en' ? 'Tiếng Việt' : 'English'; }
    },
    add: function (lang, entries) { Object.assign(dict[lang], entries); }
  };
  window.I18n = I18n;
  window.addEventListener('DOMContentLoaded', function () {
    const toggle = document.getElementById('lang-toggle');
    if (toggle) {
      toggle.addEventListener('click', function () {
        localStorage.setItem('by_lang', I18n.lang() === 'en' ? 'vi' : 'en');
        I18n.apply();
        document.dispatchEvent(new Event('langchange'));
      });
    }
    I18n.apply();
  });
})();
