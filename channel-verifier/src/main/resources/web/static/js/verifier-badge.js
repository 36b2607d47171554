// The printable badge of one official channel: unit, channel, QR code of its verification link.
// A poster in Vietnamese; where the page's language is English (I18n.lang()), every fixed text
// also in English on its own line under the Vietnamese one (the lang="en" elements), never mixed
// in one sentence. Names of units and pages stay as they are.
(function () {
  const en = function () { return I18n.lang() === 'en'; };
  function $(id) { return document.getElementById(id); }
  // A text in Vietnamese, and its English twin shown only on an English page.
  function both(id, vi, english) {
    $(id).textContent = vi;
    const twin = $(id + '-en');
    twin.textContent = english;
    twin.hidden = !en() || !english;
  }
  window.addEventListener('DOMContentLoaded', async function () {
    document.querySelectorAll('.badge-en').forEach(function (e) { e.hidden = !en(); });
    // The error twins show only with an error.
    $('badge-error-en').hidden = true;
    $('badge-meta-en').hidden = true;
    if (en()) { $('badge-qr').alt = 'QR code to check the official page'; }
    document.querySelectorAll('.badge-site').forEach(function (s) { s.textContent = window.location.host; });
    const id = window.location.pathname.split('/')[2];
    try {
      const c = await Api.get('/api/public/channels/' + encodeURIComponent(id));
      $('badge-unit').textContent = c.unit.name;
      $('badge-platform').textContent = c.platformLabel;
      $('badge-name').textContent = c.displayName;
      $('badge-link').textContent = c.url;
      if (c.status !== 'verified' || !c.token) {
        const suspended = c.status === 'suspended';
        both('badge-title', suspended ? 'ĐANG BỊ ĐÌNH CHỈ' : 'ĐÃ THU HỒI', suspended ? 'SUSPENDED' : 'REVOKED');
        return;
      }
      const qr = $('badge-qr');
      if (new URLSearchParams(window.location.search).get('print') === '1') {
        // Opened by "Print the poster": the print dialog once the QR code is drawn.
        qr.addEventListener('load', function () { window.print(); }, { once: true });
      }
      qr.src = '/api/public/channels/' + encodeURIComponent(id) + '/qr.png?size=640';
      const since = window.Verifier.date(c.since);
      both('badge-meta', 'Chính thức từ ' + new Date(c.since).toLocaleDateString('vi-VN') + ' · mã chứng thực ' + c.jti
        + ' · nhật ký #' + c.logIndex, 'Official since ' + since + ' · attestation ' + c.jti + ' · log #' + c.logIndex);
    } catch (e) {
      // No such page (or a mistyped address): the poster must not still read "TRANG CHÍNH THỨC".
      const unknown = e.status === 400 || e.status === 404;
      both('badge-title', unknown ? 'KHÔNG CÓ TRANG CHÍNH THỨC NÀY' : 'CHƯA TẢI ĐƯỢC', unknown ? 'NO SUCH OFFICIAL PAGE' : 'COULD NOT LOAD');
      document.querySelector('.badge-channel').hidden = true;
      $('badge-qr').hidden = true;
      both('badge-error', unknown ? 'Địa chỉ này không dẫn tới trang chính thức nào. Hãy quét lại mã QR hoặc kiểm tra trang ở mục "Kiểm tra một trang".'
        : e.message, unknown ? 'This address leads to no official page. Scan the QR code again or check the page under “Check a page”.' : '');
      $('badge-error').hidden = false;
    }
  });
})();
