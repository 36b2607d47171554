// Staff-side labels for tip codes (categories, event kinds), in both languages. Load after i18n.js.
(function () {
  // Labels the officer sees (the shared tips-i18n.js words the citizen's side: "Bạn bổ sung").
  const CATEGORIES = {
    security_order: ['An ninh, trật tự', 'Security and public order'], crime: ['Tố giác tội phạm', 'Criminal tip'],
    drugs: ['Ma túy', 'Drugs'], fraud: ['Lừa đảo, chiếm đoạt tài sản', 'Fraud and scams'], traffic: ['Giao thông', 'Traffic'],
    fire: ['Cháy, nổ', 'Fire'], officer_conduct: ['Phản ánh cán bộ', 'Officer conduct'],
    admin_question: ['Hỏi đáp thủ tục hành chính', 'Administrative question'], other: ['Khác', 'Other']
  };
  Object.keys(CATEGORIES).forEach(function (k) {
    I18n.add('vi', { ['category.' + k]: CATEGORIES[k][0] });
    I18n.add('en', { ['category.' + k]: CATEGORIES[k][1] });
  });
  I18n.add('vi', { 'inbox.searchlabel': 'Tìm kiếm', 'inbox.sort': 'Sắp xếp', 'inbox.event.citizen': 'Người báo tin bổ sung', 'inbox.event.reply': 'Đơn vị trả lời', 'dash.nobreach': 'Không có tin báo nào quá hạn.', 'dash.outside': 'Đơn vị này nằm ngoài phạm vi của bạn.', 'dash.other': 'Xem đơn vị khác (tên có dấu hoặc không, hoặc mã)',
    'dash.failed': 'Không tải được số liệu. Vui lòng thử lại.',
    'inbox.reveal.confirm': 'Danh tính chỉ được xem khi cần cho việc xử lý. Lý do, người xem và thời điểm được ghi vào nhật ký và lịch sử tin báo.',
    'inbox.reveal.title': 'Xem danh tính người báo tin', 'inbox.reveal.reason': 'Lý do xem (bắt buộc)', 'inbox.reveal.hint': 'Từ 3 đến 500 ký tự.',
    'inbox.reveal.short': 'Hãy ghi lý do, ít nhất 3 ký tự.', 'inbox.reveal.cancel': 'Hủy', 'inbox.reveal.submit': 'Xem danh tính',
    'inbox.event.identity': 'Đã xem danh tính người báo tin', 'inbox.event.reason': 'lý do',
    'inbox.actor.citizen': 'Người báo tin', 'action.receive': 'Tiếp nhận',
    'inbox.delivery.queued.zalo': 'đang gửi qua Zalo', 'inbox.delivery.queued.facebook': 'đang gửi qua Messenger',
    'inbox.delivery.sent.zalo': 'đã gửi qua Zalo', 'inbox.delivery.sent.facebook': 'đã gửi qua Messenger',
    'inbox.delivery.delivered.zalo': 'đã đến người báo tin qua Zalo', 'inbox.delivery.delivered.facebook': 'đã đến người báo tin qua Messenger',
    'inbox.delivery.read.zalo': 'người báo tin đã xem trên Zalo', 'inbox.delivery.read.facebook': 'người báo tin đã xem trên Messenger',
    'inbox.delivery.held.zalo': 'chưa gửi: ngoài 48 giờ Zalo cho phép trả lời; sẽ gửi khi người báo tin nhắn lại',
    'inbox.delivery.held.facebook': 'chưa gửi: ngoài thời hạn Messenger cho phép trả lời (7 ngày); sẽ gửi khi người báo tin nhắn lại',
    'inbox.delivery.failed.invalid-token': 'không gửi được: mã truy cập của trang/OA không hợp lệ hoặc đã hết hạn',
    'inbox.delivery.failed.no-access-token': 'không gửi được: chưa đặt mã truy cập của trang/OA',
    'inbox.delivery.failed.refused': 'không gửi được: nền tảng từ chối tin nhắn',
    'inbox.delivery.receipt': 'người báo tin vẫn xem được qua mã tin báo' });
  I18n.add('en', { 'inbox.searchlabel': 'Search', 'inbox.sort': 'Sort', 'inbox.event.citizen': 'Added by the tipster', 'inbox.event.reply': 'Reply from the unit', 'dash.nobreach': 'No tips are past their deadline.', 'dash.outside': 'This unit is outside your scope.', 'dash.other': 'Show another unit (name with or without accents, or code)',
    'dash.failed': 'The figures could not be loaded. Please try again.',
    'inbox.reveal.confirm': 'Look at the identity only when handling the tip needs it. The reason, who looked and when are recorded in the audit log and in the tip\u2019s history.',
    'inbox.reveal.title': 'Reveal the tipster\u2019s identity', 'inbox.reveal.reason': 'Reason (required)', 'inbox.reveal.hint': '3 to 500 characters.',
    'inbox.reveal.short': 'Write a reason of at least 3 characters.', 'inbox.reveal.cancel': 'Cancel', 'inbox.reveal.submit': 'Reveal the identity',
    'inbox.event.identity': 'Revealed the tipster\u2019s identity', 'inbox.event.reason': 'reason',
    'inbox.actor.citizen': 'Tipster', 'action.receive': 'Received',
    'inbox.delivery.queued.zalo': 'being sent through Zalo', 'inbox.delivery.queued.facebook': 'being sent through Messenger',
    'inbox.delivery.sent.zalo': 'sent through Zalo', 'inbox.delivery.sent.facebook': 'sent through Messenger',
    'inbox.delivery.delivered.zalo': 'delivered to the tipster through Zalo', 'inbox.delivery.delivered.facebook': 'delivered to the tipster through Messenger',
    'inbox.delivery.read.zalo': 'read by the tipster on Zalo', 'inbox.delivery.read.facebook': 'read by the tipster on Messenger',
    'inbox.delivery.held.zalo': 'not sent yet: outside Zalo\u2019s 48-hour reply window; it goes out when the tipster writes again',
    'inbox.delivery.held.facebook': 'not sent yet: outside Messenger\u2019s reply window (7 days); it goes out when the tipster writes again',
    'inbox.delivery.failed.invalid-token': 'not sent: the page or OA access token is invalid or expired',
    'inbox.delivery.failed.no-access-token': 'not sent: no access token is set for the page or OA',
    'inbox.delivery.failed.refused': 'not sent: the platform refused the message',
    'inbox.delivery.receipt': 'the tipster can still read it with the receipt code' });

  // The work queue (issue 21 item 7): due times in words, assignment, paging, previews.
  I18n.add('vi', {"inbox.assigned": "Người xử lý", "inbox.assigned.me": "Giao cho tôi", "inbox.assigned.none": "Chưa giao", "inbox.sort.overdue": "Quá hạn trước", "inbox.due": "Hạn phản hồi", "inbox.assignee": "Người xử lý", "inbox.empty": "Không có tin báo nào khớp bộ lọc.", "inbox.prev": "Trang trước", "inbox.next": "Trang sau", "inbox.paging": "Phân trang", "inbox.page": "Trang {x} / {y}", "inbox.total": "{n} tin báo", "inbox.due.closed": "Đã đóng", "inbox.due.answered": "Đã phản hồi", "inbox.due.over": "quá hạn {x}", "inbox.due.left": "còn {x}", "inbox.unit.min": "{n} phút", "inbox.unit.h": "{n} giờ", "inbox.unit.d": "{n} ngày", "inbox.assign.to": "Giao cho cán bộ", "inbox.assign": "Giao việc", "inbox.assign.me": "Giao cho tôi", "inbox.photo": "Ảnh đính kèm", "inbox.file": "tệp đính kèm", "inbox.kind.image": "Ảnh", "inbox.kind.video": "Video", "inbox.kind.audio": "Âm thanh", "inbox.kind.file": "Tệp", "inbox.category.unknown": "Khác", "inbox.region": "Danh sách tin báo"});
  I18n.add('en', {"inbox.assigned": "Assignee", "inbox.assigned.me": "Assigned to me", "inbox.assigned.none": "Unassigned", "inbox.sort.overdue": "Overdue first", "inbox.due": "Response due", "inbox.assignee": "Assignee", "inbox.empty": "No tips match the filters.", "inbox.prev": "Previous page", "inbox.next": "Next page", "inbox.paging": "Pages", "inbox.page": "Page {x} of {y}", "inbox.total": "{n} tips", "inbox.due.closed": "Closed", "inbox.due.answered": "Answered", "inbox.due.over": "{x} overdue", "inbox.due.left": "{x} left", "inbox.unit.min": "{n} min", "inbox.unit.h": "{n} h", "inbox.unit.d": "{n} d", "inbox.assign.to": "Assign to an officer", "inbox.assign": "Assign", "inbox.assign.me": "Assign to me", "inbox.photo": "Attached photo", "inbox.file": "attachment", "inbox.kind.image": "Photo", "inbox.kind.video": "Video", "inbox.kind.audio": "Audio", "inbox.kind.file": "File", "inbox.category.unknown": "Other", "inbox.region": "Tips list"});
})();
