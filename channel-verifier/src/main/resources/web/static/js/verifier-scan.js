// /verify's camera scanner: the rear camera, read with the browser's BarcodeDetector where it has
// one, else one frame every 500 ms sent to the server's decoder (POST /api/public/qr/decode, ZXing)
// until one reads. The code's text goes into the box and is checked like a pasted one.
(function () {
  I18n.add('en', {
    'scan.start': 'Scan a QR code', 'scan.stop': 'Stop scanning',
    'scan.video': 'Camera picture',
    'scan.looking': 'Point the camera at the QR code on the poster.',
    'scan.starting': 'Opening the camera…',
    'scan.found': 'QR code read. Checking…',
    'scan.denied': 'The camera was not allowed. Allow it in the browser settings, or paste the code.',
    'scan.nocamera': 'No camera can be opened on this device. Paste the code or the link instead.',
    'scan.offline': 'No network: this browser cannot read QR codes by itself. Open the code with the phone\u2019s camera app, or paste it above.',
    'scan.busy': 'Too many scans right now. Wait a minute and try again, or paste the code.',
    'scan.failed': 'The picture could not be read. Try again, or paste the code.'
  });
  I18n.add('vi', {
    'scan.start': 'Quét mã QR', 'scan.stop': 'Dừng quét',
    'scan.video': 'Hình ảnh từ máy ảnh',
    'scan.looking': 'Hướng máy ảnh vào mã QR trên áp phích.',
    'scan.starting': 'Đang mở máy ảnh…',
    'scan.found': 'Đã đọc được mã QR. Đang kiểm tra…',
    'scan.denied': 'Máy ảnh chưa được cho phép. Hãy cho phép trong cài đặt trình duyệt, hoặc dán mã.',
    'scan.nocamera': 'Không mở được máy ảnh trên thiết bị này. Hãy dán mã hoặc liên kết.',
    'scan.offline': 'Không có mạng: trình duyệt này không tự đọc được mã QR. Hãy mở mã bằng ứng dụng máy ảnh của điện thoại, hoặc dán mã vào ô phía trên.',
    'scan.busy': 'Lúc này có quá nhiều lượt quét. Hãy chờ một phút rồi thử lại, hoặc dán mã.',
    'scan.failed': 'Không đọc được hình ảnh. Hãy thử lại, hoặc dán mã.'
  });

  const FRAME_MS = 500;
  const DETECT_MS = 200;
  const MAX_SIDE = 800;
  let stream = null;
  let detector = null;
  let timer = null;
  let said = null;

  function el(id) { return document.getElementById(id); }

  function say(key) {
    said = key;
    const status = el('scan-status');
    status.textContent = key ? I18n.t(key) : '';
    status.hidden = !key;
  }

  async function barcodeDetector() {
    if (!('BarcodeDetector' in window)) { return null; }
    try {
      const formats = await window.BarcodeDetector.getSupportedFormats();
      return formats.indexOf('qr_code') >= 0 ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
    } catch (e) {
      return null;
    }
  }

  function stop() {
    if (timer) { clearTimeout(timer); timer = null; }
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
    const video = el('scan-video');
    video.srcObject = null;
    el('scanner').hidden = true;
    el('scan-start').hidden = false;
  }

  /** The current picture as a JPEG data: URL, its longer side at most MAX_SIDE pixels. */
  function frame(video) {
    const w = video.videoWidth;
    const h = video.videoHeight;
    if (!w || !h) { return null; }
    const scale = Math.min(1, MAX_SIDE / Math.max(w, h));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.85);
  }

  /** The text of a code in the picture, null when none was seen (try the next one). */
  async function read(video) {
    if (detector) {
      const codes = await detector.detect(video);
      return codes.length ? codes[0].rawValue : null;
    }
    const image = frame(video);
    if (!image) { return null; }
    try {
      return (await Api.post('/api/public/qr/decode', { image: image })).text;
    } catch (e) {
      const type = (e.problem && e.problem.type) || '';
      if (/\/no-qr-code$/.test(type)) { return null; }
      throw e;
    }
  }

  async function tick() {
    timer = null;
    const video = el('scan-video');
    if (!stream) { return; }
    let text = null;
    try {
      text = await read(video);
    } catch (e) {
      stop();
      say(e.status === undefined ? 'scan.offline' : e.status === 429 ? 'scan.busy' : 'scan.failed');
      return;
    }
    if (!stream) { return; }
    if (text) {
      stop();
      say('scan.found');
      const input = el('q');
      input.value = text.trim();
      el('verify-form').requestSubmit();
      say(null);
      return;
    }
    timer = setTimeout(tick, detector ? DETECT_MS : FRAME_MS);
  }

  async function start() {
    detector = await barcodeDetector();
    if (!detector && navigator.onLine === false) { say('scan.offline'); return; }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { say('scan.nocamera'); return; }
    say('scan.starting');
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: false,
        video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } } });
    } catch (e) {
      say(e && e.name === 'NotAllowedError' ? 'scan.denied' : 'scan.nocamera');
      return;
    }
    const video = el('scan-video');
    video.srcObject = stream;
    el('scanner').hidden = false;
    el('scan-start').hidden = true;
    try { await video.play(); } catch (e) { /* muted inline video plays; a refusal shows a still frame */ }
    say('scan.looking');
    timer = setTimeout(tick, FRAME_MS);
  }

  /** Offline without BarcodeDetector nothing can read a picture: say so before the button is pressed. */
  async function note() {
    const d = detector || await barcodeDetector();
    if (!d && navigator.onLine === false && !stream) { say('scan.offline'); }
    else if (said === 'scan.offline' && navigator.onLine !== false) { say(null); }
  }

  window.addEventListener('DOMContentLoaded', function () {
    el('scan-video').setAttribute('aria-label', I18n.t('scan.video'));
    el('scan-start').addEventListener('click', start);
    el('scan-stop').addEventListener('click', function () { stop(); say(null); });
    window.addEventListener('online', note);
    window.addEventListener('offline', note);
    window.addEventListener('pagehide', stop);
    document.addEventListener('langchange', function () {
      el('scan-video').setAttribute('aria-label', I18n.t('scan.video'));
      if (said) { say(said); }
    });
    note();
  });
})();
