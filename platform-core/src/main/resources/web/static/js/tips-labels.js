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
  I18n.add('vi', { 'inbox.searchlabel': 'Tìm kiếm', 'inbox.sort': 'Sắp xếp', 'inbox.event.citizen': 'Người báo tin bổ sung', 'inbox.event.reply': 'Đơn vị trả lời', 'dash.nobreach': 'Không có tin báo nào quá hạn.', 'dash.outside': 'Đơn vị này nằm ngoài phạm vi của bạn.',
    'dash.failed': 'Không tải được số liệu. Vui lòng thử lại.',
    'inbox.reveal.confirm': 'Danh tính chỉ được xem khi cần cho việc xử lý. Lý do, người xem và thời điểm được ghi vào nhật ký và lịch sử tin báo.',
    'inbox.reveal.title': 'Xem danh tính người báo tin', 'inbox.reveal.reason': 'Lý do xem (bắt buộc)', 'inbox.reveal.hint': 'Từ 3 đến 500 ký tự.',
    'inbox.reveal.short': 'Hãy ghi lý do, ít nhất 3 ký tự.', 'inbox.reveal.cancel': 'Hủy', 'inbox.reveal.submit': 'Xem danh tính',
    'inbox.event.identity': 'Đã xem danh tính người báo tin', 'inbox.event.reason': 'lý do',
    'inbox.actor.citizen': 'Người báo tin', 'action.receive': 'Tiếp nhận' });
  I18n.add('en', { 'inbox.searchlabel': 'Search', 'inbox.sort': 'Sort', 'inbox.event.citizen': 'Added by the tipster', 'inbox.event.reply': 'Reply from the unit', 'dash.nobreach': 'No tips are past their deadline.', 'dash.outside': 'This unit is outside your scope.',
    'dash.failed': 'The figures could not be loaded. Please try again.',
    'inbox.reveal.confirm': 'Look at the identity only when handling the tip needs it. The reason, who looked and when are recorded in the audit log and in the tip\u2019s history.',
    'inbox.reveal.title': 'Reveal the tipster\u2019s identity', 'inbox.reveal.reason': 'Reason (required)', 'inbox.reveal.hint': '3 to 500 characters.',
    'inbox.reveal.short': 'Write a reason of at least 3 characters.', 'inbox.reveal.cancel': 'Cancel', 'inbox.reveal.submit': 'Reveal the identity',
    'inbox.event.identity': 'Revealed the tipster\u2019s identity', 'inbox.event.reason': 'reason',
    'inbox.actor.citizen': 'Tipster', 'action.receive': 'Received' });

})();
