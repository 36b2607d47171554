// One-time password set-up: the token is in the link's fragment (never sent in a URL to a server log).
(function () {
  window.addEventListener('DOMContentLoaded', function () {
    const token = window.location.hash.replace(/^#/, '');
    document.getElementById('setup-form').addEventListener('submit', async function (ev) {
      ev.preventDefault();
      const out = document.getElementById('setup-result');
      try {
        await Api.post('/api/admin/setup-password', { token: token, password: document.getElementById('setup-password').value });
        out.className = '';
        out.textContent = I18n.t('setup.done', 'Đã đặt mật khẩu. Hãy đăng nhập.');
        window.history.replaceState(null, '', '/admin/setup');
      } catch (e) {
        out.className = 'error';
        out.textContent = e.message;
      }
    });
  });
})();
