// Every <input type="file"> of a page, in the page's language: the browser's own control speaks
// the browser's language ("Choose file", "No file chosen") whatever the page's, so the input is
// hidden and a labelled button opens it, with the chosen file's name (or "no file chosen") beside
// it. The input keeps its id, label, accept and form: scripts and tests read it as before. An
// input whose page says what became of its files elsewhere names that element in
// data-file-status (the alert's images): no name beside the button then. A script that clears an
// input's value calls input.refreshPicker().
// Load after i18n.js. Text goes in with textContent only.
(function () {
  I18n.add('en', { 'file.choose': 'Choose a file', 'file.choose.many': 'Choose files', 'file.none': 'No file chosen',
    'file.count': '{n} files' });
  const VI = { 'file.choose': 'Chọn tệp', 'file.choose.many': 'Chọn tệp', 'file.none': 'Chưa chọn tệp', 'file.count': '{n} tệp' };
  function t(key) { return I18n.t(key, VI[key]); }

  function upgrade(input) {
    if (input.dataset.picker) { return; }
    input.dataset.picker = 'on';
    const id = input.id || ('file-' + Math.random().toString(36).slice(2));
    input.id = id;
    const box = document.createElement('span');
    box.className = 'file-picker';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.id = id + '-choose';
    const name = document.createElement('span');
    name.className = 'file-name';
    name.id = id + '-name';
    name.setAttribute('aria-live', 'polite');
    // The button is named by the field's label and its own words ("Tệp CSV Chọn tệp"); the
    // chosen name describes it.
    const label = document.querySelector('label[for="' + id + '"]');
    if (label) {
      if (!label.id) { label.id = id + '-label'; }
      button.setAttribute('aria-labelledby', label.id + ' ' + button.id);
    }
    const status = input.dataset.fileStatus ? document.getElementById(input.dataset.fileStatus) : null;
    button.setAttribute('aria-describedby', status ? status.id : name.id);
    input.classList.add('visually-hidden');
    input.tabIndex = -1;
    input.setAttribute('aria-hidden', 'true');
    input.parentNode.insertBefore(box, input.nextSibling);
    box.append(button);
    if (!status) { box.append(document.createTextNode(' '), name); }
    button.addEventListener('click', function () { input.click(); });
    function render() {
      button.textContent = t(input.multiple ? 'file.choose.many' : 'file.choose');
      const files = Array.prototype.slice.call(input.files || []);
      name.textContent = files.length === 0 ? t('file.none')
        : files.length === 1 ? files[0].name
          : t('file.count').replace('{n}', new Intl.NumberFormat(I18n.lang()).format(files.length)) + ': '
            + files.map(function (f) { return f.name; }).join(', ');
      name.dataset.count = String(files.length);
    }
    input.addEventListener('change', render);
    // A form's reset clears the input after the event: render once it has.
    if (input.form) { input.form.addEventListener('reset', function () { setTimeout(render, 0); }); }
    document.addEventListener('langchange', render);
    input.refreshPicker = render;
    render();
  }

  window.FilePicker = { upgrade: upgrade };
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[type=file]').forEach(upgrade);
  });
})();
