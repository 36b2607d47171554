// The public tip form: find the unit (or arrive with ?unit=), pick a category, send as multipart.
(function () {
  const $ = function (id) { return document.getElementById(id); };
  let categories = [];

  function fillCategories() {
    const sel = $('category');
    const current = sel.value;
    sel.replaceChildren();
    categories.forEach(function (c) {
      const o = Tips.el('option', I18n.lang() === 'en' ? c.nameEn : c.nameVi);
      o.value = c.id;
      sel.appendChild(o);
    });
    if (current) { sel.value = current; }
  }

  // The search's answers as choices, each with its province so two wards of the same name differ:
  // "Phường Ba Đình · Thành phố Hà Nội (00004)". With no answer the list says what to do instead of
  // staying an empty grey box.
  function setUnits(units, searched) {
    const sel = $('unit');
    sel.replaceChildren();
    if (!units.length) {
      const o = Tips.el('option', searched ? I18n.t('tips.unit.none', 'Không thấy đơn vị, thử tên khác')
        : I18n.t('tips.unit.first', 'Tìm ở ô trên rồi chọn'));
      o.value = '';
      sel.appendChild(o);
      return;
    }
    units.forEach(function (u) {
      const within = (u.parents || []).map(function (p) { return p.name; }).reverse();
      const o = Tips.el('option', [u.name].concat(within).join(' · ') + ' (' + u.code + ')');
      o.value = u.code;
      sel.appendChild(o);
    });
  }

  // The expected first answer, from the chosen category's SLA (hours), in plain words.
  function showSla(categoryId) {
    const c = categories.find(function (x) { return x.id === categoryId; });
    const line = $('sla');
    if (!c || !c.slaHours) { line.hidden = true; return; }
    const days = c.slaHours % 24 === 0 && c.slaHours >= 48;
    const n = days ? c.slaHours / 24 : c.slaHours;
    line.dataset.hours = c.slaHours;
    line.textContent = I18n.t(days ? 'tips.sla.days' : 'tips.sla.hours', days ? 'Bạn sẽ nhận được trả lời đầu tiên trong vòng {n} ngày.'
      : 'Bạn sẽ nhận được trả lời đầu tiên trong vòng {n} giờ.').replace('{n}', n);
    line.hidden = false;
  }

  // Copy with the Clipboard API; where it is missing or refused (no HTTPS, old browser), select and execCommand.
  async function copy(id) {
    const text = $(id).textContent;
    let ok = false;
    try {
      if (navigator.clipboard && window.isSecureContext) { await navigator.clipboard.writeText(text); ok = true; }
    } catch (e) { ok = false; }
    if (!ok) {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      area.remove();
    }
    $('copy-status').textContent = ok ? I18n.t('tips.copied', 'Đã chép.') : I18n.t('tips.copy.failed', 'Không chép được, hãy ghi lại bằng tay.');
    $('copy-status').dataset.copied = ok ? id : '';
  }

  let timer = null;
  // The receipt as a picture the citizen keeps in their phone's gallery: drawn on a canvas (no
  // library), with the code, the secret, the unit and where to follow the tip.
  function receiptImage() {
    const canvas = document.createElement('canvas');
    canvas.width = 720;
    canvas.height = 420;
    const g = canvas.getContext('2d');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.fillStyle = '#a3161a';
    g.fillRect(0, 0, canvas.width, 70);
    g.fillStyle = '#ffffff';
    g.font = 'bold 30px sans-serif';
    g.fillText('BinhYen — ' + I18n.t('tips.receipt.title', 'Đã gửi tin báo'), 24, 46);
    g.fillStyle = '#1b1f24';
    g.font = '24px sans-serif';
    g.fillText(I18n.t('tips.receipt', 'Mã tin báo') + ':', 24, 130);
    g.fillText(I18n.t('tips.secret', 'Mật mã') + ':', 24, 200);
    g.font = 'bold 40px monospace';
    g.fillText($('receipt').textContent, 260, 132);
    g.fillText($('secret').textContent, 260, 202);
    g.font = '20px sans-serif';
    g.fillText(new Date().toLocaleString(I18n.lang() === 'en' ? 'en-GB' : 'vi-VN'), 24, 270);
    g.fillText(I18n.t('tips.receipt.where', 'Theo dõi tại') + ' ' + location.origin + '/tips/follow', 24, 320);
    g.fillStyle = '#5b6470';
    g.fillText(I18n.t('tips.receipt.private', 'Đừng đưa mật mã cho người khác.'), 24, 370);
    return canvas;
  }
  function saveReceipt() {
    const link = document.createElement('a');
    link.download = 'tin-bao-' + $('receipt').textContent + '.png';
    link.href = receiptImage().toDataURL('image/png');
    document.body.appendChild(link);
    link.click();
    link.remove();
    $('copy-status').textContent = I18n.t('tips.receipt.saved', 'Đã lưu ảnh biên nhận.');
    $('copy-status').dataset.saved = link.download;
  }
  async function shareReceipt() {
    const text = I18n.t('tips.receipt', 'Mã tin báo') + ': ' + $('receipt').textContent + '\n'
      + I18n.t('tips.secret', 'Mật mã') + ': ' + $('secret').textContent;
    try {
      await navigator.share({ title: 'BinhYen', text: text, url: location.origin + $('follow-link').getAttribute('href') });
    } catch (e) {
      // the citizen closed the share sheet: nothing to say
    }
  }

  function search() {
    const q = $('unit-q').value.trim();
    if (q.length < 2) { return; }
    Api.get('/api/public/units?q=' + encodeURIComponent(q) + '&limit=20')
      .then(function (r) { setUnits(r.items.filter(function (u) { return u.level !== 'ministry'; }), true); })
      .catch(function () { setUnits([], true); });
  }

  window.addEventListener('DOMContentLoaded', function () {
    I18n.apply();
    Api.get('/api/public/tip-categories').then(function (r) { categories = r.items; fillCategories(); });
    setUnits([], false);
    const preset = new URLSearchParams(window.location.search).get('unit');
    if (preset && /^[A-Z0-9]{2,10}$/.test(preset)) {
      Api.get('/api/public/units/' + preset).then(function (r) { if (r.current) { setUnits([r.current]); } });
    }
    $('unit-q').addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(search, 250); });
    document.addEventListener('langchange', fillCategories);
    $('save-receipt').addEventListener('click', saveReceipt);
    $('share-receipt').hidden = typeof navigator.share !== 'function';
    $('share-receipt').addEventListener('click', shareReceipt);
    document.querySelectorAll('button.copy').forEach(function (b) {
      b.addEventListener('click', function () { copy(b.dataset.copy); });
    });
    $('tip-form').addEventListener('submit', async function (ev) {
      ev.preventDefault();
      $('tip-error').hidden = true;
      const data = new FormData($('tip-form'));
      ['place', 'occurred', 'contact'].forEach(function (k) { if (!data.get(k)) { data.delete(k); } });
      if (!$('attachment').files.length) { data.delete('attachment'); }
      $('tip-submit').disabled = true;
      try {
        const r = await Api.post('/api/public/tips', data);
        $('receipt').textContent = r.receipt;
        $('secret').textContent = r.secret;
        $('follow-link').href = '/tips/follow?receipt=' + encodeURIComponent(r.receipt);
        showSla(data.get('category'));
        $('tip-form').hidden = true;
        $('receipt-card').hidden = false;
      } catch (e) {
        $('tip-error').textContent = e.message;
        $('tip-error').hidden = false;
      } finally {
        $('tip-submit').disabled = false;
      }
    });
  });
})();
