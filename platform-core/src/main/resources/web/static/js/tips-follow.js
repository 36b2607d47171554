// Follow a tip with its receipt code and secret (sent in a header, never in the address).
(function () {
  const $ = function (id) { return document.getElementById(id); };

  async function call(method, path, body) {
    const headers = { 'Accept': 'application/json', 'Accept-Language': I18n.lang(), 'X-Tip-Secret': $('secret').value.trim() };
    if (body) { headers['Content-Type'] = 'application/json'; }
    const res = await fetch(path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined });
    if (!res.ok) { throw new Error(plainWords(res.status)); }
    return res.json();
  }

  // The API's problem text speaks of contracts and field lengths; a citizen needs plain words.
  function plainWords(status) {
    if (status === 400 || status === 401 || status === 403 || status === 404) {
      return I18n.t('tips.follow.wrong', 'Mã tin báo hoặc mật mã không đúng. Hãy kiểm tra lại hai mã trên giấy biên nhận.');
    }
    if (status === 429) {
      return I18n.t('tips.follow.tooMany', 'Bạn đã thử quá nhiều lần. Hãy đợi vài phút rồi thử lại.');
    }
    return I18n.t('tips.follow.failed', 'Chưa xem được tin báo lúc này. Hãy thử lại sau.');
  }

  function receiptPath() {
    return '/api/public/tips/' + encodeURIComponent($('receipt').value.trim());
  }

  function render(t) {
    $('status').textContent = Tips.status(t.status);
    $('status').dataset.status = t.status;
    $('unit-name').textContent = t.unitName + ' (' + t.unit + ')';
    $('tip-text').textContent = t.text;
    const list = $('events');
    list.replaceChildren();
    t.events.forEach(function (e) {
      const what = e.kind === 'transition' ? Tips.status(e.to)
        : I18n.t('event.' + e.kind, e.kind) + ': ' + e.text;
      const li = Tips.el('li', Tips.time(e.at) + ' — ' + what);
      li.dataset.kind = e.kind;
      list.appendChild(li);
    });
    $('tip-card').hidden = false;
  }

  async function load() {
    $('follow-error').hidden = true;
    try {
      render(await call('GET', receiptPath()));
    } catch (e) {
      $('tip-card').hidden = true;
      $('follow-error').textContent = e.message;
      $('follow-error').hidden = false;
    }
  }

  window.addEventListener('DOMContentLoaded', function () {
    I18n.apply();
    const preset = new URLSearchParams(window.location.search).get('receipt');
    if (preset) { $('receipt').value = preset; }
    $('follow-form').addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
    $('reply-form').addEventListener('submit', async function (ev) {
      ev.preventDefault();
      try {
        await call('POST', receiptPath() + '/messages', { text: $('reply').value });
        $('reply').value = '';
        load();
      } catch (e) {
        $('follow-error').textContent = e.message;
        $('follow-error').hidden = false;
      }
    });
  });
})();
