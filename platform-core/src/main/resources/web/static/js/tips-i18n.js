// English texts of the tips pages (Vietnamese is in the HTML), status and action names in both.
(function () {
  I18n.add('en', {
    'tips.unit.pick': 'Choose the unit among the results',
    'tips.unit.none': 'No unit found, try another name', 'tips.unit.first': 'Search above, then choose',
    'tips.copy.receipt': 'Copy code', 'tips.copy.secret': 'Copy secret', 'tips.copied': 'Copied.',
    'tips.copy.failed': 'Could not copy; please write it down.',
    'tips.sla.hours': 'You should get a first answer within {n} hours.', 'tips.sla.days': 'You should get a first answer within {n} days.',
    'tips.follow.wrong': 'The tip code or the secret is not right. Check both on your receipt.',
    'tips.follow.tooMany': 'Too many tries. Please wait a few minutes and try again.',
    'tips.follow.failed': 'The tip cannot be shown right now. Please try again later.',
    'tips.follow': 'Follow a tip', 'tips.new.title': 'Send a tip to the police',
    'tips.new.anonymous': 'You do not need to sign in, and contact details are optional.',
    'tips.unit': 'Receiving unit', 'tips.unit.search': 'e.g. phuong ba dinh',
    'tips.category': 'Category', 'tips.text': 'What happened', 'tips.place': 'Place (optional)',
    'tips.occurred': 'When (optional)', 'tips.contact': 'Contact (optional, encrypted)',
    'tips.attachments': 'Photos, video, audio', 'tips.send': 'Send the tip', 'tips.receipt.title': 'Tip sent',
    'tips.receipt.keep': 'Write down the code and secret below to follow your tip. The secret is shown only once.',
    'tips.receipt': 'Receipt code', 'tips.sender': 'Tipster', 'tips.receipt.save': 'Save as a picture',
    'tips.receipt.share': 'Share it with yourself', 'tips.receipt.saved': 'The receipt picture was saved.',
    'tips.receipt.where': 'Follow it at', 'tips.receipt.private': 'Do not give the secret to anyone.', 'tips.secret': 'Secret', 'tips.follow.open': 'Open', 'tips.status': 'Status',
    'tips.reply.citizen': 'Add information', 'tips.reply.send': 'Send', 'tips.inbox': 'Tips inbox',
    'tips.dashboard': 'Tip figures', 'tips.search': 'Search text or code, with or without accents',
    'tips.all': 'All', 'tips.open': 'Open', 'tips.sort.newest': 'Newest', 'tips.sort.oldest': 'Oldest',
    'tips.sort.due': 'Due first', 'tips.filter': 'Apply', 'tips.received': 'Received',
    'tips.forward.unit': 'Receiving unit code', 'tips.note': 'Note', 'tips.reply.officer': 'Reply to the tipster',
    'tips.reveal': 'Show the tipster\u2019s identity (audited)', 'tips.from': 'From', 'tips.to': 'To',
    'tips.csv': 'Download CSV', 'tips.up': 'Up one level', 'tips.total': 'Tips', 'tips.breaches': 'SLA breaches',
    'tips.trend': 'By day', 'tips.by.category': 'By category', 'tips.by.status': 'By status',
    'tips.children': 'Units below', 'tips.breaches.open': 'Unanswered tips past their SLA',
    'tips.live.on': 'live', 'tips.live.off': 'reconnecting…', 'tips.itself': 'the unit itself',
    'status.received': 'Received', 'status.triaged': 'Triaged', 'status.assigned': 'Assigned',
    'status.in_progress': 'In progress', 'status.resolved': 'Resolved', 'status.rejected': 'Rejected',
    'action.triage': 'Triage', 'action.assign': 'Assign to me', 'action.start': 'Start', 'action.resolve': 'Resolve',
    'action.reject': 'Reject as spam', 'action.forward': 'Forward', 'action.escalate': 'Escalate',
    'event.reply': 'Reply from the unit', 'event.citizen': 'Your message', 'unit.code': 'Code', 'unit.name': 'Name'
  });
  I18n.add('vi', {
    'status.received': 'Đã tiếp nhận', 'status.triaged': 'Đã phân loại', 'status.assigned': 'Đã giao xử lý',
    'status.in_progress': 'Đang xử lý', 'status.resolved': 'Đã giải quyết', 'status.rejected': 'Không xử lý',
    'action.triage': 'Phân loại', 'action.assign': 'Nhận xử lý', 'action.start': 'Bắt đầu xử lý',
    'action.resolve': 'Đã giải quyết', 'action.reject': 'Từ chối (tin rác)', 'action.forward': 'Chuyển đơn vị',
    'action.escalate': 'Chuyển lên cấp trên', 'event.reply': 'Đơn vị trả lời', 'event.citizen': 'Bạn bổ sung',
    'tips.live.on': 'trực tiếp', 'tips.live.off': 'đang kết nối lại…', 'tips.itself': 'trực tiếp đơn vị'
  });
  window.Tips = {
    el: function (tag, text, cls) {
      const e = document.createElement(tag);
      if (text !== undefined && text !== null) { e.textContent = String(text); }
      if (cls) { e.className = cls; }
      return e;
    },
    status: function (s) { return I18n.t('status.' + s, s); },
    time: function (iso) { return iso ? new Date(iso).toLocaleString(I18n.lang() === 'en' ? 'en-GB' : 'vi-VN') : ''; }
  };
})();
