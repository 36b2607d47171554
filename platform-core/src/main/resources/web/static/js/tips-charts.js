// Small inline SVG charts built with DOM APIs (no library, no CDN, nothing through innerHTML).
(function () {
  const NS = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    const e = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = String(text); }
    return e;
  }
  function lang() { return window.I18n && I18n.lang() === 'en' ? 'en-GB' : 'vi-VN'; }
  function num(n) { return new Intl.NumberFormat(lang()).format(n); }
  // ISO days (2026-12-02) read as the language writes dates (02/12/2026).
  function day(label) {
    return /^\d{4}-\d{2}-\d{2}$/.test(label)
      ? new Intl.DateTimeFormat(lang(), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(label + 'T00:00:00Z'))
      : label;
  }
  function summary(items) { return items.map(function (i) { return day(i.label) + ': ' + num(i.value); }).join('; '); }
  window.Charts = {
    // Horizontal bars: items [{label, value}].
    bars: function (host, items) {
      const max = Math.max(1, ...items.map(function (i) { return i.value; }));
      const row = 22;
      const root = svg('svg', { viewBox: '0 0 600 ' + (items.length * row + 4), width: '100%', role: 'img', 'aria-label': summary(items) || '0' });
      items.forEach(function (i, n) {
        const y = n * row + 2;
        root.appendChild(svg('text', { x: 0, y: y + 15, 'font-size': 12 }, i.label));
        root.appendChild(svg('rect', { x: 260, y: y + 3, height: 14, width: Math.max(1, 290 * i.value / max), fill: '#1f6f8b' }));
        root.appendChild(svg('text', { x: 560, y: y + 15, 'font-size': 12, 'text-anchor': 'end' }, num(i.value)));
      });
      host.replaceChildren(root);
    },
    // A line over days: points [{label, value}].
    line: function (host, points) {
      const w = 600, h = 160, pad = 24;
      const max = Math.max(1, ...points.map(function (p) { return p.value; }));
      const step = points.length > 1 ? (w - 2 * pad) / (points.length - 1) : 0;
      const coords = points.map(function (p, n) {
        return (pad + n * step).toFixed(1) + ',' + (h - pad - (h - 2 * pad) * p.value / max).toFixed(1);
      });
      const root = svg('svg', { viewBox: '0 0 ' + w + ' ' + h, width: '100%', role: 'img', 'aria-label': summary(points) || '0' });
      root.appendChild(svg('line', { x1: pad, y1: h - pad, x2: w - pad, y2: h - pad, stroke: '#999' }));
      root.appendChild(svg('polyline', { points: coords.join(' '), fill: 'none', stroke: '#1f6f8b', 'stroke-width': 2 }));
      root.appendChild(svg('text', { x: pad, y: 14, 'font-size': 11 }, (lang() === 'en-GB' ? 'max ' : 'tối đa ') + num(max)));
      if (points.length) {
        root.appendChild(svg('text', { x: pad, y: h - 6, 'font-size': 11 }, day(points[0].label)));
        root.appendChild(svg('text', { x: w - pad, y: h - 6, 'font-size': 11, 'text-anchor': 'end' }, day(points[points.length - 1].label)));
      }
      host.replaceChildren(root);
    }
  };
})();
