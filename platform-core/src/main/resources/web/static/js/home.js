// The home page of each role: who you are, your unit, your work, and the units below yours.
(function () {
  // The work of each role, as links to the pages of every module (admin-nav.js may add more).
  const docs = ['task.docs', '/api/docs'];
  const TASKS = {
    MINISTRY_ADMIN: [['task.units', '#children-card'], ['task.dashboard', '/dashboard'], ['task.keys', '/keys'], ['task.impostors', '/impostors'], docs],
    UNIT_ADMIN: [['task.units', '#children-card'], ['task.dashboard', '/dashboard'], ['task.cases', '/cases'], docs],
    // Officers and supervisors work in the pages, not with the API: no developer documentation in their list.
    OFFICER: [['task.inbox', '/tips/inbox'], ['task.cases', '/cases'], ['task.verify', '/verify']],
    SUPERVISOR: [['task.dashboard', '/dashboard'], ['task.units', '#children-card'], ['task.impostors', '/impostors']]
  };
  let me = null;
  let children = [];
  function hasUnitsBelow() { return me.unit.level !== 'commune'; }

  function render() {
    if (!me) { return; }
    document.getElementById('who').textContent = me.username;
    document.getElementById('display-name').textContent = me.displayName;
    document.getElementById('role').textContent = I18n.t('role.' + me.role, me.role);
    document.getElementById('role').dataset.role = me.role;
    document.getElementById('unit-name').textContent = me.unit.name;
    document.getElementById('unit-code').textContent = me.unit.code;
    document.getElementById('role-help').textContent = I18n.t('help.' + me.role, '');
    const tasks = document.getElementById('tasks');
    tasks.replaceChildren();
    const extra = (window.BINHYEN_EXTRA_TASKS || {})[me.role] || [];
    // A province's admins manage its signing keys (the keys page); admins of lower units do not.
    const keys = me.role === 'UNIT_ADMIN' && me.unit.level === 'province' ? [['task.keys', '/keys']] : [];
    // Nothing sits below a ward: no link to its (empty) list of units.
    extra.concat(TASKS[me.role] || [], keys).filter(function (t) { return hasUnitsBelow() || t[1] !== '#children-card'; }).forEach(function (t) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = t[1];
      a.textContent = I18n.t(t[0], t[0]);
      li.appendChild(a);
      tasks.appendChild(li);
    });
    renderChildren();
  }

  // The units below yours: 20 rows a page, sortable headers, a search box (with or without accents) when long.
  function renderChildren() {
    Table.fill('children', children, function (tr, u) {
      [u.code, u.name, I18n.t('level.' + u.level, u.level)].forEach(function (v) {
        const td = document.createElement('td'); td.textContent = v; tr.appendChild(td);
      });
    }, function (u) { return u.code + ' ' + u.name; });
    document.getElementById('children-count').textContent = children.length + ' ' + I18n.t('count', 'đơn vị');
  }

  window.addEventListener('DOMContentLoaded', async function () {
    document.getElementById('logout').addEventListener('click', async function () {
      try { await Api.post('/api/auth/logout'); } finally { window.location.assign('/login'); }
    });
    document.addEventListener('langchange', render);
    me = await Api.me();
    render();
    if (me.role !== 'OFFICER' && hasUnitsBelow()) {
      const page = await Api.get('/api/units/' + encodeURIComponent(me.unit.code) + '/children?limit=500');
      children = page.items;
      document.getElementById('children-card').hidden = false;
      renderChildren();
    }
  });
})();
