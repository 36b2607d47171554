// Adds the admin console to the home page's task list for admin roles. Load it before home.js.
(function () {
  const docs = ['task.docs', '/api/docs'];
  const units = ['task.units', '#children-card'];
  window.BINHYEN_TASKS = Object.assign({}, window.BINHYEN_TASKS || {
    MINISTRY_ADMIN: [units, docs], UNIT_ADMIN: [units, docs], OFFICER: [docs], SUPERVISOR: [units, docs]
  });
  ['MINISTRY_ADMIN', 'UNIT_ADMIN'].forEach(function (role) {
    window.BINHYEN_TASKS[role] = [['task.admin', '/admin#units']].concat(window.BINHYEN_TASKS[role] || []);
  });
  window.BINHYEN_TASKS.OFFICER = [['task.admin', '/admin#channels']].concat(window.BINHYEN_TASKS.OFFICER || []);
  if (window.I18n) {
    I18n.add('vi', { 'task.admin': 'Bảng quản trị' });
    I18n.add('en', { 'task.admin': 'Administration console' });
  }
})();
