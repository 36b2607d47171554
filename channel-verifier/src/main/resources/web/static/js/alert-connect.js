// The alerts console's "connect the page" form: an admin gives a Facebook page's (or Zalo OA's)
// id and access token for a channel whose delivery found it not connected. PUT
// /api/units/{code}/channels/{id}/alert-credentials seals them and sends the alerts still in force.
(function () {
  const L = function () { return window.AlertLabels; };
  function $(id) { return document.getElementById(id); }
  let current = null;
  let done = function () {};

  function error(text) {
    $('connect-error').textContent = text;
    $('connect-error').hidden = !text;
  }

  /** Whether the user may connect channels (MANAGE on their unit: the admins). */
  function may(me) { return me.role === 'MINISTRY_ADMIN' || me.role === 'UNIT_ADMIN'; }

  function open(d) {
    current = d;
    $('connect-form').reset();
    error('');
    $('connect-channel').textContent = d.channel.name + ' · ' + (d.channel.platformLabel || '') + ' · ' + d.unitCode;
    $('connect').hidden = false;
    $('connect-title').focus();
  }

  async function submit(ev) {
    ev.preventDefault();
    const target = $('k-target').value.trim();
    const token = $('k-token').value.trim();
    if (!/^[0-9A-Za-z_.-]{1,64}$/.test(target) || !token) {
      error(L().t('al.k.need', 'Hãy ghi mã số của trang (chữ, số, . _ -) và mã truy cập.'));
      return;
    }
    const btn = $('connect-submit');
    btn.setAttribute('aria-busy', 'true');
    try {
      await Api.put('/api/units/' + encodeURIComponent(current.unitCode) + '/channels/' + current.channel.id
        + '/alert-credentials', { targetId: target, accessToken: token });
      $('connect').hidden = true;
      Dialog.toast(L().t('al.k.done', 'Đã kết nối {c}; các cảnh báo còn hiệu lực đang được gửi tới trang.', { c: current.channel.name }));
      await done();
    } catch (e) {
      error(Dialog.problemText(e));
    } finally {
      btn.removeAttribute('aria-busy');
    }
  }

  function init(onDone) {
    done = onDone;
    $('connect-form').addEventListener('submit', submit);
    $('connect-cancel').addEventListener('click', function () { $('connect').hidden = true; });
  }

  window.AlertConnect = { init: init, open: open, may: may };
})();
