// English for the admin console (Vietnamese is in the pages themselves).
(function () {
  I18n.add('en', {
    'admin.title': 'Administration', 'admin.nav.units': 'Units', 'admin.nav.users': 'Users',
    'admin.nav.channels': 'Pages and groups', 'admin.nav.approvals': 'Verification queue',
    'admin.nav.import': 'Import units', 'admin.nav.reorg': 'Reorganise', 'admin.nav.audit': 'Audit log',
    'admin.unit': 'Unit shown', 'admin.search': 'Find a unit by name (with or without accents) or code',
    'admin.coverage': 'Coverage', 'admin.followers': 'Followers', 'admin.children': 'Units below',
    'admin.onboard': 'Add a unit and its first admin', 'admin.code': 'Code (2, 3 or 5 digits)', 'admin.name': 'Name',
    'admin.username': 'Username', 'admin.display': 'Full name', 'admin.create': 'Create',
    'admin.link': 'Password set-up link (shown once)', 'admin.linkfield': 'Link', 'admin.serves': 'Hamlet / residential group served',
    'admin.admins': 'Group admins', 'admin.register': 'Register', 'admin.dryrun': 'Dry run', 'admin.apply': 'Apply',
    'admin.send': 'Send', 'admin.rgunits': 'Source unit(s), comma-separated',
    'admin.rgtarget': 'Target / new parent / new name / default successor', 'admin.auditfilter': 'Filter by action, e.g. user.create',
    'admin.prev': 'Previous', 'admin.next': 'Next', 'admin.disable': 'Disable', 'admin.enable': 'Enable',
    'admin.reset': 'Reset password', 'admin.request': 'Request verification', 'admin.archive': 'Archive',
    'admin.approve': 'Approve', 'admin.reject': 'Reject', 'admin.reason': 'Reason for rejecting',
    'admin.done': 'Done', 'admin.refused': 'Refused',
    'setup.title': 'Set your password', 'setup.password': 'New password (10 characters or more)',
    'setup.submit': 'Save password', 'setup.done': 'Password set. You can sign in now.',
    'task.admin': 'Administration console'
  });
})();
