// Words of the alerts console (/staff/alerts): Vietnamese is in the page and in the fallbacks of
// AlertLabels.t; English comes from here through i18n.js. Labels, never the API's codes.
(function () {
  I18n.add('en', {
    'al.dashboard': 'Figures (dashboard)', 'al.title': 'Scam alerts',
    'al.intro': 'Write an alert once: it is signed, written to the transparency log and sent to every official page of the units in scope; citizens can check it as they check an official page.',
    'al.compose': 'Write a new alert', 'al.f.title': 'Title', 'al.f.body': 'Text', 'al.f.severity': 'Severity',
    'sev.minor': 'Minor', 'sev.moderate': 'Moderate', 'sev.severe': 'Severe', 'sev.extreme': 'Extreme',
    'al.f.images': 'Images (optional): up to 4 JPEG, PNG or WebP images, 5 MB each',
    'al.img.uploading': 'Uploading {n}…', 'al.img.count': '{n} of 4 images attached', 'al.img.remove': 'Remove',
    'al.img.alt': 'Image {n} of the alert', 'al.img.full': 'At most 4 images in one alert.',
    'al.f.category': 'Kind of scam', 'al.f.category.hint': 'For example: callers posing as the police',
    'al.f.hours': 'Valid for (hours, 1–720)', 'al.f.scope': 'Scope',
    'al.f.scope.subtree': 'The whole unit and every unit below it',
    'al.f.scope.units': 'Only the units chosen (with the units below them)',
    'al.f.units': 'Choose units by name or code', 'al.f.units.hint': 'For example: Ba Dinh',
    'al.f.english': 'English version (optional)', 'al.f.titleEn': 'English title', 'al.f.bodyEn': 'English text',
    'al.f.submit': 'Sign and issue the alert', 'al.f.reset': 'Start again', 'al.f.update': 'Sign and issue the update',
    'al.issued': 'Alerts issued by this unit', 'al.received': 'Alerts received from above',
    'al.c.title': 'Alert', 'al.c.state': 'State', 'al.c.valid': 'Valid until', 'al.c.delivery': 'Sent to the channels',
    'al.c.actions': 'Actions', 'al.c.from': 'Issued by',
    'al.manual': 'Post in community groups',
    'al.manual.intro': 'Zalo groups and Facebook groups have no API to post automatically: copy the text below, paste it into the group, then mark it posted.',
    'al.manual.none': 'No alert is waiting to be posted by hand.',
    'al.d.page': 'The alert\u2019s page for citizens', 'al.d.channels': 'Delivery to each channel',
    'al.d.channel': 'Channel', 'al.d.unit': 'Unit', 'al.d.why': 'Details',
    'al.state.active': 'In force', 'al.state.cancelled': 'Cancelled', 'al.state.updated': 'Replaced by an update',
    'al.state.expired': 'Expired',
    'al.n.sent': '{n} posted by the platform', 'al.n.posted': '{n} posted by officers', 'al.n.queued': '{n} queued',
    'al.n.failed': '{n} failed', 'al.n.not-connected': '{n} pages not connected', 'al.n.ready': '{n} waiting to be posted by hand',
    'al.n.cancelled': '{n} cancelled', 'al.n.none': 'No official channel in scope yet',
    'al.a.details': 'Delivery', 'al.a.update': 'Update', 'al.a.cancel': 'Cancel the alert', 'al.a.open': 'Open',
    'al.cancel.title': 'Cancel this alert?',
    'al.cancel.impact': 'A signed cancellation is written to the transparency log; the alert\u2019s page and its checks will say it was cancelled, and deliveries not sent yet stop.',
    'al.cancel.reason': 'Reason for the cancellation (required)', 'al.cancel.done': 'The alert was cancelled.',
    'al.update.notice': 'You are writing an update of \u201c{t}\u201d: once issued, the old alert is cancelled and points to the new one.',
    'al.update.title': 'Issue this update?',
    'al.update.impact': 'The new version is signed and sent to the channels in scope; \u201c{t}\u201d is cancelled and replaced by it.',
    'al.issue.title': 'Sign and issue this alert?',
    'al.issue.impact': 'The alert is signed with the province\u2019s key, written to the transparency log and sent to {scope}.',
    'al.issue.subtree': 'every official page of {u} and the units below it',
    'al.issue.units': 'the official pages of: {u}',
    'al.issued.done': 'The alert \u201c{t}\u201d was issued; it is being sent to the channels in scope.',
    'al.issued.none': 'This unit has not issued any alert.', 'al.received.none': 'No alert received from above yet.',
    'al.need.title': 'Write the title and the text.', 'al.need.units': 'Choose at least one unit.',
    'al.need.hours': 'Validity is a whole number of hours from 1 to 720.',
    'al.copy': 'Copy the text', 'al.copied': 'Text copied: paste it into the group.',
    'al.copy.failed': 'The browser would not copy: select the text and copy it yourself.',
    'al.posted.link': 'Link of the post (optional)', 'al.posted': 'Mark as posted', 'al.posted.done': 'Marked as posted in {g}.',
    'al.posted.other': 'Waiting for the officers of {u} to post it.',
    'al.load.failed': 'The alerts could not be loaded. Please try again.',
    'al.cannot.issue': 'Your role does not issue alerts for this unit; you see the alerts it issued and received.',
    'al.tries': '{n} attempts',
    'al.k.title': 'Connect the page to post alerts', 'al.k.open': 'Connect the page',
    'al.k.help': 'The access token is sealed and used only to post alerts on this page. Alerts still in force that did not reach the page are sent again at once.',
    'al.k.target': 'Id of the Facebook page or of the Zalo OA', 'al.k.token': 'Access token',
    'al.k.submit': 'Connect the page', 'al.k.cancel': 'Close',
    'al.k.need': 'Write the page\u2019s id (letters, digits, . _ -) and its access token.',
    'al.k.done': '{c} is connected; alerts still in force are being sent to it.'
  });

  const VI_STATE = { active: 'Đang hiệu lực', cancelled: 'Đã huỷ', updated: 'Đã thay bằng bản cập nhật', expired: 'Đã hết hiệu lực' };
  const VI_SEV = { minor: 'Thấp', moderate: 'Trung bình', severe: 'Nghiêm trọng', extreme: 'Đặc biệt nghiêm trọng' };
  const VI_N = {
    sent: '{n} kênh nền tảng đã đăng', posted: '{n} nhóm cán bộ đã đăng', queued: '{n} đang chờ gửi', failed: '{n} không gửi được',
    'not-connected': '{n} trang chưa kết nối', ready: '{n} chờ đăng thủ công', cancelled: '{n} đã huỷ'
  };
  const ORDER = ['sent', 'posted', 'queued', 'ready', 'failed', 'not-connected', 'cancelled'];

  function number(n) { return new Intl.NumberFormat(I18n.lang() === 'en' ? 'en-GB' : 'vi-VN').format(n); }
  function t(key, vi, vars) {
    let s = I18n.t(key, vi);
    Object.keys(vars || {}).forEach(function (k) { s = s.split('{' + k + '}').join(vars[k]); });
    return s;
  }

  window.AlertLabels = {
    t: t,
    number: number,
    order: ORDER,
    severity: function (id) { return I18n.t('sev.' + id, VI_SEV[id] || id); },
    state: function (id) { return I18n.t('al.state.' + id, VI_STATE[id] || id); },
    /** "3 kênh nền tảng đã đăng" for one state's count. */
    count: function (state, n) { return t('al.n.' + state, VI_N[state] || '{n}', { n: number(n) }); },
    time: function (iso) {
      return iso ? new Date(iso).toLocaleString(I18n.lang() === 'en' ? 'en-GB' : 'vi-VN',
        { dateStyle: 'short', timeStyle: 'short' }) : '—';
    },
    /** The CSS class of a delivery state's label: good, waiting or bad. */
    tone: function (state) {
      return { sent: 'ok', posted: 'ok', queued: 'wait', ready: 'wait', failed: 'bad', 'not-connected': 'warn' }[state] || 'off';
    }
  };
})();
