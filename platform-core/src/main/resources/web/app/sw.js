// The citizen web app's service worker (scope /). It keeps the citizen pages, their scripts and
// styles, and the offline verification material (the root-signed trust list and the published
// keys), so that /verify opens and checks a poster's token with no network. Everything is
// "network first": online, the page, the script and the list are always the server's current ones;
// the copy is used only when the network fails. No other answer (verdicts, tips, staff pages,
// anything under /api/ but the trust list) is ever stored.
'use strict';

const VERSION = 'binhyen-citizen-v2';
const PAGES = ['/', '/verify', '/check', '/report', '/impostors', '/units', '/tips/new', '/tips/follow'];
const ASSETS = [
  '/static/css/app.css', '/static/css/citizen.css', '/static/css/verifier.css',
  '/static/js/i18n.js', '/static/js/citizen-nav.js', '/static/js/api.js', '/static/js/file-picker.js',
  '/static/js/verifier-common.js', '/static/js/verifier-offline.js', '/static/js/verifier-verify.js',
  '/static/js/verifier-scan.js',
  '/static/js/verifier-unit.js', '/static/js/impostor-common.js', '/static/js/impostor-check.js',
  '/static/js/impostor-list.js', '/static/js/impostor-report.js',
  '/static/js/tips-i18n.js', '/static/js/tips-new.js', '/static/js/tips-follow.js',
  '/vendor/tweetnacl/nacl.min.js',
  '/manifest.webmanifest', '/static/icons/icon-192.png', '/static/icons/icon-512.png', '/favicon.ico'
];
// The offline verification material: refreshed on every visit while online.
const MATERIAL = ['/api/public/trust-list', '/.well-known/jwks.json', '/.well-known/binhyen-keys.json'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(VERSION).then(function (cache) {
    // One missing file (a module not deployed) must not stop the rest from being kept.
    return Promise.all(PAGES.concat(ASSETS, MATERIAL).map(function (url) {
      return cache.add(new Request(url, { cache: 'no-cache' })).catch(function () { return null; });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n !== VERSION; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

function kept(url) {
  if (url.origin !== self.location.origin) { return false; }
  const p = url.pathname;
  return PAGES.indexOf(p) >= 0 || ASSETS.indexOf(p) >= 0 || MATERIAL.indexOf(p) >= 0
    || /^\/units\/[0-9A-Za-z]{1,10}\/channels$/.test(p);
}

// The cache key of a page ignores its query (/verify?t=... opens the kept /verify); of anything
// else it is the path.
function key(request, url) {
  if (request.mode === 'navigate' && PAGES.indexOf(url.pathname) >= 0) { return url.pathname; }
  if (/^\/units\/[^/]+\/channels$/.test(url.pathname)) { return '/units'; }
  return url.pathname;
}

self.addEventListener('fetch', function (event) {
  const request = event.request;
  if (request.method !== 'GET') { return; }
  const url = new URL(request.url);
  if (!kept(url)) { return; }
  const cacheKey = key(request, url);
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && cacheKey === url.pathname) {
      const copy = response.clone();
      caches.open(VERSION).then(function (cache) { return cache.put(cacheKey, copy); });
    }
    return response;
  }).catch(function (failure) {
    return caches.open(VERSION)
      .then(function (cache) { return cache.match(cacheKey); })
      .then(function (hit) {
        if (hit) { return hit; }
        throw failure;
      });
  }));
});
