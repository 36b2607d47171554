// Shared text and helpers of the citizen verification pages (Vietnamese first, English on request).
(function () {
  I18n.add('en', {
    'v.title': 'Is this page really the police\u2019s?', 'v.intro': 'Paste the link of a Facebook, Zalo, TikTok or YouTube page, a website, a handle, or the code from a QR code. We answer at once.',
    'v.label': 'Link, handle or code', 'v.placeholder': 'e.g. https://www.facebook.com/ConganThuDo', 'v.submit': 'Check',
    'v.report': 'Report a fake page', 'v.help': 'Your unit\u2019s official pages:', 'v.unitlink': 'Which pages are really my ward\u2019s?',
    'v.tech': 'Check it yourself:', 'v.keys': 'keys and certificates', 'v.log': 'transparency log',
    'OFFICIAL.title': '\u2714 Official page', 'OFFICIAL.text': 'This is an official channel of {unit}.',
    'REVOKED.title': '\u2716 Revoked', 'REVOKED.text': 'This page is no longer an official channel{ofUnit}. Do not trust what it posts.',
    'SUSPENDED.title': '\u26a0 Suspended', 'SUSPENDED.text': 'This official channel{ofUnit} is suspended for now. Do not trust what it posts until it is restored.',
    'EXPIRED.title': '\u26a0 Expired code', 'EXPIRED.text': 'This code has expired. Check the page\u2019s link instead.',
    'NOT_REGISTERED.title': '\u2716 Not a registered official page', 'NOT_REGISTERED.text': 'This page is not in the registry of official police pages and groups. Be careful: never send money or codes (OTP) to it.',
    'INVALID_TOKEN.title': '\u2716 Invalid code', 'INVALID_TOKEN.text': 'This code was not issued by the police, or it was altered.',
    'NAME_ONLY.title': '\u26a0 A name proves nothing', 'NAME_ONLY.text': 'Anyone can name a page like this. Paste the page\u2019s link; official channels with a similar name:',
    'ERROR.title': '\u26a0 Cannot check this', 'f.unit': 'Unit', 'f.channel': 'Page or group', 'f.since': 'Official since',
    'f.chain': 'Signature chain checked', 'f.log': 'Transparency log entry', 'f.reason': 'Reason', 'f.link': 'Link',
    'imp.title': 'Impostor check: ', 'imp.SUSPECTED_IMPOSTOR': 'suspected impostor', 'imp.CONFIRMED_IMPOSTOR': 'confirmed impostor',
    'imp.NOT_REGISTERED': 'not registered, nothing suspicious found', 'imp.OFFICIAL': 'official',
    'u.title': 'Which pages are really my ward\u2019s?',
    'u.empty': 'This unit has no verified official page or group yet. Be careful with pages that claim to be it.',
    'u.note': 'Only the pages and groups listed here are official. The police never offer to "recover scammed money" or charge fees online.',
    'u.verify': 'Check another page', 'status.verified': 'Official', 'status.suspended': 'Suspended', 'status.revoked': 'Revoked',
    'u.qr': 'QR code and badge',
    'alert.OFFICIAL.title': '\u2714 Official alert', 'alert.OFFICIAL.text': 'This is a current alert of {unit}; its signature was checked.',
    'alert.CANCELLED.title': '\u26a0 Alert withdrawn', 'alert.CANCELLED.text': '{unit} cancelled this alert or replaced it with an update.',
    'alert.EXPIRED.title': '\u26a0 Alert expired', 'alert.EXPIRED.text': 'This alert of {unit} is no longer in force.',
    'alert.REVOKED.title': '\u2716 Revoked key', 'alert.REVOKED.text': 'The key that signed this alert was revoked. Do not trust it.',
    'alert.INVALID_TOKEN.title': '\u2716 Not an official alert', 'alert.INVALID_TOKEN.text': 'This alert was not issued by the police, or it was altered.',
    'f.alert': 'Alert', 'f.alertPage': 'Open the alert',
    'off.title': '\u2714 Official as of {date}', 'f.issued': 'Code issued on', 'f.expires': 'Code valid until', 'f.offline': 'Checked without network',
    'off.asof': 'against the signed list of {date}', 'off.ready': 'Offline check ready: signed list of {date}.',
    'off.MALFORMED': 'This is not a police code: its format is wrong.',
    'off.UNKNOWN_KEY': 'The code is signed with a key that is not on the signed list.',
    'off.BAD_SIGNATURE': 'The signature does not match: the code was altered or forged.',
    'off.CERTIFICATE_INVALID': 'The signing key was not certified for this unit at that time.',
    'off.KEY_REVOKED': 'The key that signed this code has been revoked.',
    'off.ATTESTATION_REVOKED': 'This code has been revoked.',
    'off.EXPIRED': 'This code has expired.',
    'off.NOT_YET_VALID': 'The code is dated in the future. Check the phone\u2019s clock.',
    'off.STALE_LIST': 'The signed list of {date} is more than 30 days old. Connect to the network to update it.',
    'off.NO_LIST': 'There is no signed list on this phone yet. Open this page once with a network connection.',
    'off.UNSUPPORTED': 'This browser cannot check signatures without a network connection.',
    'off.NO_TOKEN': 'No network: only the code of a QR poster can be checked now. Try again when you are online.'
  });
  const vi = {
    'OFFICIAL.title': '\u2714 Trang chính thức', 'OFFICIAL.text': 'Đây là kênh chính thức của {unit}.',
    'REVOKED.title': '\u2716 Đã bị thu hồi', 'REVOKED.text': 'Trang này không còn là kênh chính thức{ofUnit}. Đừng tin nội dung trên trang.',
    'SUSPENDED.title': '\u26a0 Đang bị đình chỉ', 'SUSPENDED.text': 'Kênh chính thức{ofUnit} đang tạm bị đình chỉ. Đừng tin nội dung trên trang cho đến khi được khôi phục.',
    'EXPIRED.title': '\u26a0 Mã đã hết hạn', 'EXPIRED.text': 'Mã này đã hết hạn. Hãy kiểm tra bằng liên kết của trang.',
    'NOT_REGISTERED.title': '\u2716 Không phải trang chính thức đã đăng ký', 'NOT_REGISTERED.text': 'Trang này không có trong danh sách trang và nhóm chính thức của công an. Hãy cẩn thận: không chuyển tiền, không gửi mã OTP.',
    'INVALID_TOKEN.title': '\u2716 Mã không hợp lệ', 'INVALID_TOKEN.text': 'Mã này không do công an cấp, hoặc đã bị sửa.',
    'NAME_ONLY.title': '\u26a0 Tên trang không chứng minh được gì', 'NAME_ONLY.text': 'Ai cũng có thể đặt tên trang như vậy. Hãy dán liên kết của trang; các kênh chính thức có tên gần giống:',
    'ERROR.title': '\u26a0 Không kiểm tra được', 'f.unit': 'Đơn vị', 'f.channel': 'Trang/nhóm', 'f.since': 'Chính thức từ',
    'f.chain': 'Chuỗi chữ ký đã kiểm tra', 'f.log': 'Số thứ tự trong nhật ký minh bạch', 'f.reason': 'Lý do', 'f.link': 'Liên kết',
    'imp.title': 'Đánh giá giả mạo: ', 'imp.SUSPECTED_IMPOSTOR': 'nghi là trang giả mạo', 'imp.CONFIRMED_IMPOSTOR': 'đã xác nhận là trang giả mạo',
    'imp.NOT_REGISTERED': 'chưa đăng ký, chưa thấy dấu hiệu đáng ngờ', 'imp.OFFICIAL': 'chính thức',
    'status.verified': 'Chính thức', 'status.suspended': 'Đình chỉ', 'status.revoked': 'Đã thu hồi', 'u.qr': 'Mã QR và huy hiệu',
    'alert.OFFICIAL.title': '\u2714 Cảnh báo chính thức', 'alert.OFFICIAL.text': 'Đây là cảnh báo đang có hiệu lực của {unit}; chữ ký đã được kiểm tra.',
    'alert.CANCELLED.title': '\u26a0 Cảnh báo đã bị huỷ', 'alert.CANCELLED.text': '{unit} đã huỷ cảnh báo này hoặc thay bằng bản cập nhật.',
    'alert.EXPIRED.title': '\u26a0 Cảnh báo đã hết hiệu lực', 'alert.EXPIRED.text': 'Cảnh báo này của {unit} không còn hiệu lực.',
    'alert.REVOKED.title': '\u2716 Khóa ký đã bị thu hồi', 'alert.REVOKED.text': 'Khóa ký cảnh báo này đã bị thu hồi. Đừng tin nội dung.',
    'alert.INVALID_TOKEN.title': '\u2716 Không phải cảnh báo chính thức', 'alert.INVALID_TOKEN.text': 'Cảnh báo này không do công an phát, hoặc đã bị sửa.',
    'f.alert': 'Cảnh báo', 'f.alertPage': 'Mở cảnh báo',
    'off.title': '\u2714 Chính thức theo danh sách ngày {date}', 'f.issued': 'Mã cấp ngày', 'f.expires': 'Mã có giá trị đến', 'f.offline': 'Kiểm tra không cần mạng',
    'off.asof': 'theo danh sách có chữ ký ngày {date}', 'off.ready': 'Kiểm tra không cần mạng: đã có danh sách có chữ ký ngày {date}.',
    'off.MALFORMED': 'Đây không phải mã của công an: sai định dạng.',
    'off.UNKNOWN_KEY': 'Mã được ký bằng một khóa không có trong danh sách có chữ ký.',
    'off.BAD_SIGNATURE': 'Chữ ký không khớp: mã đã bị sửa hoặc bị làm giả.',
    'off.CERTIFICATE_INVALID': 'Khóa ký không được cấp cho đơn vị này vào thời điểm đó.',
    'off.KEY_REVOKED': 'Khóa đã ký mã này đã bị thu hồi.',
    'off.ATTESTATION_REVOKED': 'Mã này đã bị thu hồi.',
    'off.EXPIRED': 'Mã này đã hết hạn.',
    'off.NOT_YET_VALID': 'Ngày cấp của mã ở tương lai. Hãy kiểm tra đồng hồ của điện thoại.',
    'off.STALE_LIST': 'Danh sách có chữ ký ngày {date} đã quá 30 ngày. Hãy kết nối mạng để cập nhật.',
    'off.NO_LIST': 'Điện thoại chưa có danh sách có chữ ký. Hãy mở trang này một lần khi có mạng.',
    'off.UNSUPPORTED': 'Trình duyệt này không kiểm tra được chữ ký khi không có mạng.',
    'off.NO_TOKEN': 'Không có mạng: lúc này chỉ kiểm tra được mã trên áp phích QR. Hãy thử lại khi có mạng.'
  };
  I18n.add('vi', vi);
  window.Verifier = {
    text: function (key, vars) {
      let s = I18n.t(key, vi[key]);
      Object.keys(vars || {}).forEach(function (k) { s = s.split('{' + k + '}').join(vars[k]); });
      return s;
    },
    date: function (iso) {
      if (!iso) { return ''; }
      return new Date(iso).toLocaleDateString(I18n.lang() === 'en' ? 'en-GB' : 'vi-VN');
    },
    el: function (tag, text, cls) {
      const e = document.createElement(tag);
      if (text !== undefined && text !== null) { e.textContent = text; }
      if (cls) { e.className = cls; }
      return e;
    },
    clear: function (node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  };
})();
