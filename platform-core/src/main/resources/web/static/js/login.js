window.addEventListener('DOMContentLoaded', function () {
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  form.addEventListener('submit', async function (ev) {
    ev.preventDefault();
    error.hidden = true;
    try {
      await Api.post('/api/auth/login', {
        username: document.getElementById('username').value.trim(),
        password: document.getElementById('password').value
      });
      const next = new URLSearchParams(window.location.search).get('next');
      window.location.assign(next && next.startsWith('/') && !next.startsWith('//') ? next : '/home');
    } catch (e) {
      error.textContent = I18n.t('login.failed', 'Đăng nhập không thành công') + ': ' + e.message;
      error.hidden = false;
    }
  });
});
