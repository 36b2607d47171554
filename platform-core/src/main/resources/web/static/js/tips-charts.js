// Small inline SVG charts built with DOM APIs (no library, no CDN, nothing through innerHTML).
(function () {
  const NS = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    const e = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = String(text); }
    return e;
  }
  window.Charts = {
    // Horizontal bars: items [{label, value}].
    bars: function (host, items) {
      const max = Math.max(1, ...items.map(function (i) { return i.value; }));
      const row = 22;
      const root = svg('svg', { viewBox: '0 0 600 ' + (items.length * row + 4), width: '100%', role: 'img' });
      items.forEach(function (i, n) {
        const y = n * row + 2;
        root.appendChild(svg('text', { x: 0, y: y + 15, 'font-size': 12 }, i.label));
        root.appendChild(svg('rect', { x: 260, y: y + 3, height: 14, width: Math.max(1, 290 * i.value / max), fill: '#1f6f8b' }));
        root.appendChild(svg('text', { x: 560, y: y + 15, 'font-size': 12, 'text-anchor': 'end' }, i.value));
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
      const root = svg('svg', { viewBox: '0 0 ' + w + ' ' + h, width: '100%', role: 'img' });
      root.appendChild(svg('line', { x1: pad, y1: h - pad, x2: w - pad, y2: h - pad, stroke: '#999' }));
      root.appendChild(svg('polyline', { points: coords.join(' '), fill: 'none', stroke: '#1f6f8b', 'stroke-width': 2 }));
      root.appendChild(svg('text', { x: pad, y: 14, 'font-size': 11 }, 'max ' + max));
      if (points.length) {
        root.appendChild(svg('text', { x: pad, y: h - 6, 'font-size': 11 }, points[0].label));
        root.appendChild(svg('text', { x: w - pad, y: h - 6, 'font-size': 11, 'text-anchor': 'end' }, points[points.length - 1].label));
      }
      host.replaceChildren(root);
    }
  };
})();
