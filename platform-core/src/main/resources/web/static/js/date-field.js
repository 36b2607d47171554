// Date fields typed day first, as Vietnam writes them ("02/12/2026"), whatever the browser's own
// locale (a native date input shows mm/dd/yyyy in an English browser, even on a Vietnamese page).
// Markup: <input id="from-text" data-date-for="from"> next to <input type="hidden" id="from">; the
// hidden input carries the ISO date (2026-12-02) the page's script reads, or "" when empty. A date
// that cannot be read marks the field invalid and says how to write it.
(function () {
  I18n.add('en', { 'date.placeholder': 'dd/mm/yyyy', 'date.invalid': 'Write the date as day/month/year, e.g. 02/12/2026.' });

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  /** "2/12/2026", "02-12-2026" or "02.12.2026" → "2026-12-02"; "" → ""; anything else → null. */
  function parse(text) {
    const t = String(text || '').trim();
    if (!t) { return ''; }
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (!m) { return null; }
    const d = Number(m[1]);
    const mo = Number(m[2]);
    const y = Number(m[3]);
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) { return null; }
    return y + '-' + pad(mo) + '-' + pad(d);
  }

  function show(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    return m ? m[3] + '/' + m[2] + '/' + m[1] : '';
  }

  function attach(input) {
    const hidden = document.getElementById(input.dataset.dateFor);
    const note = document.createElement('p');
    note.className = 'muted date-note';
    note.id = input.id + '-note';
    note.hidden = true;
    input.after(note);
    input.setAttribute('inputmode', 'numeric');
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('aria-describedby', note.id);
    input.maxLength = 10;
    input.value = show(hidden.value);
    function label() { input.placeholder = I18n.t('date.placeholder', 'ngày/tháng/năm'); }
    label();
    document.addEventListener('langchange', label);
    function sync() {
      const iso = parse(input.value);
      const bad = iso === null;
      hidden.value = bad ? '' : iso;
      input.setCustomValidity(bad ? I18n.t('date.invalid', 'Hãy viết ngày theo ngày/tháng/năm, ví dụ 02/12/2026.') : '');
      input.setAttribute('aria-invalid', bad ? 'true' : 'false');
      note.textContent = bad ? input.validationMessage : '';
      note.hidden = !bad;
    }
    input.addEventListener('input', sync);
    input.addEventListener('change', sync);
    sync();
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-date-for]').forEach(attach);
  });
  window.DateField = { parse: parse, show: show };
})();
