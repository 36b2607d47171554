// The alerts console's image picker: each chosen file is uploaded at once
// (POST /api/units/{code}/alert-images, multipart field image; the server sniffs the type and strips
// the metadata) and shown as a thumbnail; the alert names the images by the ids the uploads answered.
(function () {
  const MAX = 4;
  const L = function () { return window.AlertLabels; };
  function $(id) { return document.getElementById(id); }
  let unit = null;
  let picked = []; // { id, src }
  let onError = function () {};

  function status(text) { $('a-images-status').textContent = text; }

  function render() {
    const list = $('a-image-list');
    while (list.firstChild) { list.removeChild(list.firstChild); }
    picked.forEach(function (p, i) {
      const li = document.createElement('li');
      const img = document.createElement('img');
      img.src = p.src;
      img.alt = L().t('al.img.alt', 'Ảnh {n} của cảnh báo', { n: i + 1 });
      img.width = 96;
      img.height = 96;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'secondary small';
      remove.textContent = L().t('al.img.remove', 'Bỏ ảnh');
      remove.setAttribute('aria-label', L().t('al.img.remove', 'Bỏ ảnh') + ' ' + (i + 1));
      remove.addEventListener('click', function () { picked.splice(i, 1); render(); });
      li.appendChild(img);
      li.appendChild(remove);
      list.appendChild(li);
    });
    status(picked.length ? L().t('al.img.count', 'Đã gắn {n}/4 ảnh', { n: picked.length }) : '');
  }

  async function chosen() {
    const files = Array.from($('a-images').files || []);
    $('a-images').value = '';
    for (const file of files) {
      if (picked.length >= MAX) { onError(L().t('al.img.full', 'Một cảnh báo có tối đa 4 ảnh.')); break; }
      status(L().t('al.img.uploading', 'Đang tải {n} lên…', { n: file.name }));
      const form = new FormData();
      form.append('image', file, file.name);
      try {
        const r = await Api.post('/api/units/' + encodeURIComponent(unit.code) + '/alert-images', form);
        if (!picked.some(function (p) { return p.id === r.id; })) {
          picked.push({ id: r.id, src: URL.createObjectURL(file) });
        }
      } catch (e) {
        onError(e.message);
      }
    }
    render();
  }

  window.AlertImagesPicker = {
    init: function (u, errors) {
      unit = u;
      onError = errors;
      $('a-images').addEventListener('change', chosen);
      document.addEventListener('langchange', render);
    },
    ids: function () { return picked.map(function (p) { return p.id; }); },
    /** The images of an alert being updated, as the staff JSON lists them. */
    set: function (images) {
      picked = (images || []).map(function (i) { return { id: i.sha256, src: i.url }; });
      render();
    },
    clear: function () { picked = []; render(); }
  };
})();
