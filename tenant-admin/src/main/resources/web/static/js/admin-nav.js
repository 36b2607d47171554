// Adds the admin console to the home page's task list (home.js reads BINHYEN_EXTRA_TASKS). Load it before home.js.
(function () {
  const extra = window.BINHYEN_EXTRA_TASKS = window.BINHYEN_EXTRA_TASKS || {};
  function add(role, task) { (extra[role] = extra[role] || []).push(task); }
  add('MINISTRY_ADMIN', ['task.admin', '/admin#units']);
  add('UNIT_ADMIN', ['task.admin', '/admin#units']);
  add('OFFICER', ['task.admin', '/admin#channels']);
  if (window.I18n) {
    I18n.add('vi', { 'task.admin': 'Bảng quản trị' });
    I18n.add('en', { 'task.admin': 'Administration console' });
  }
})();
