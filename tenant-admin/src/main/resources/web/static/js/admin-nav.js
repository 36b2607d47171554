// Adds the admin console to the home page's task list (home.js reads BINHYEN_EXTRA_TASKS). Load it before home.js.
(function () {
  const extra = window.BINHYEN_EXTRA_TASKS = window.BINHYEN_EXTRA_TASKS || {};
  function add(role, task) { (extra[role] = extra[role] || []).push(task); }
  add('MINISTRY_ADMIN', ['task.admin', '/admin#units']);
  add('UNIT_ADMIN', ['task.admin', '/admin#units']);
  // An officer only registers the unit's pages and groups there: the link says so.
  add('OFFICER', ['task.channels', '/admin#channels']);
  if (window.I18n) {
    I18n.add('vi', { 'task.admin': 'Bảng quản trị', 'task.channels': 'Trang và nhóm của đơn vị' });
    I18n.add('en', { 'task.admin': 'Administration console', 'task.channels': "Your unit's pages and groups" });
  }
})();
