// Calls the API with the session cookie; state-changing calls echo the CSRF cookie in a header.
// The access token stays in an HttpOnly cookie: scripts never see or store it. Every call asks
// for the page's language (Accept-Language), so server errors come back in that language only.
(function () {
  function language() {
    return window.I18n ? I18n.lang() : (document.documentElement.lang === 'en' ? 'en' : 'vi');
  }
  function cookie(name) {
    const m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return m ? decodeURIComponent(m[1]) : '';
  }
  let inflight = 0;
  async function call(method, path, body, retried) {
    inflight++;
    try { return await send(method, path, body, retried); } finally { inflight--; }
  }
  async function send(method, path, body, retried) {
    const headers = { 'Accept': 'application/json', 'Accept-Language': language() };
    if (body !== undefined && !(body instanceof FormData)) { headers['Content-Type'] = 'application/json'; }
    if (method !== 'GET') { headers['X-CSRF-Token'] = cookie('by_csrf'); }
    const res = await fetch(path, {
      method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : (body instanceof FormData ? body : JSON.stringify(body))
    });
    if (res.status === 401 && !retried && !path.startsWith('/api/auth/')) {
      const r = await fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': language() }, body: '{}' });
      if (r.ok) { return call(method, path, body, true); }
    }
    const type = res.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await res.json() : await res.text();
    if (!res.ok) { const e = new Error((data && data.detail) || res.statusText); e.status = res.status; e.problem = data; throw e; }
    return data;
  }
  window.Api = {
    get: function (p) { return call('GET', p); },
    post: function (p, b) { return call('POST', p, b === undefined ? {} : b); },
    patch: function (p, b) { return call('PATCH', p, b); },
    put: function (p, b) { return call('PUT', p, b); },
    del: function (p) { return call('DELETE', p); },
    me: async function () {
      try { return await call('GET', '/api/auth/me'); } catch (e) {
        if (e.status === 401) { window.location.assign('/login'); }
        throw e;
      }
    },
    cookie: cookie,
    // Calls not answered yet (browser tests wait for 0 before reading the page).
    pending: function () { return inflight; },
    language: language
  };
})();
