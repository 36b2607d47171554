// Adds the alerts console to the home page's task list (home.js reads BINHYEN_EXTRA_TASKS) for the
// roles that issue or receive alerts. Load it before home.js.
(function () {
  const extra = window.BINHYEN_EXTRA_TASKS = window.BINHYEN_EXTRA_TASKS || {};
  function add(role, task) { (extra[role] = extra[role] || []).push(task); }
  ['MINISTRY_ADMIN', 'UNIT_ADMIN', 'OFFICER'].forEach(function (role) { add(role, ['task.alerts', '/staff/alerts']); });
  if (window.I18n) {
    I18n.add('vi', { 'task.alerts': 'Cảnh báo lừa đảo' });
    I18n.add('en', { 'task.alerts': 'Scam alerts' });
  }
})();
