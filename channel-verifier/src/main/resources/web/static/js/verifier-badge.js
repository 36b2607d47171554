// The printable badge of one official channel: unit, channel, QR code of its verification link.
(function () {
  window.addEventListener('DOMContentLoaded', async function () {
    const id = window.location.pathname.split('/')[2];
    try {
      const c = await Api.get('/api/public/channels/' + encodeURIComponent(id));
      document.getElementById('badge-unit').textContent = c.unit.name;
      document.getElementById('badge-platform').textContent = c.platformLabel;
      document.getElementById('badge-name').textContent = c.displayName;
      document.getElementById('badge-link').textContent = c.url;
      document.getElementById('badge-site').textContent = window.location.host;
      if (c.status !== 'verified' || !c.token) {
        document.getElementById('badge-title').textContent = c.status === 'suspended' ? 'ĐANG BỊ ĐÌNH CHỈ' : 'ĐÃ THU HỒI';
        return;
      }
      const qr = document.getElementById('badge-qr');
      if (new URLSearchParams(window.location.search).get('print') === '1') {
        // Opened by "Print the poster": the print dialog once the QR code is drawn.
        qr.addEventListener('load', function () { window.print(); }, { once: true });
      }
      qr.src = '/api/public/channels/' + encodeURIComponent(id) + '/qr.png?size=640';
      document.getElementById('badge-meta').textContent = 'Chính thức từ ' + window.Verifier.date(c.since)
        + ' · mã chứng thực ' + c.jti + ' · nhật ký #' + c.logIndex;
    } catch (e) {
      // No such page (or a mistyped address): the poster must not still read "TRANG CHÍNH THỨC".
      const unknown = e.status === 400 || e.status === 404;
      document.getElementById('badge-title').textContent = unknown ? 'KHÔNG CÓ TRANG CHÍNH THỨC NÀY' : 'CHƯA TẢI ĐƯỢC';
      document.querySelector('.badge-channel').hidden = true;
      document.getElementById('badge-qr').hidden = true;
      const err = document.getElementById('badge-error');
      err.textContent = unknown ? 'Địa chỉ này không dẫn tới trang chính thức nào. Hãy quét lại mã QR hoặc kiểm tra trang ở mục "Kiểm tra một trang".'
        : e.message;
      err.hidden = false;
    }
  });
})();
