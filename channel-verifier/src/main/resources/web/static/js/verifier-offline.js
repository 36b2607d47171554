// Offline verification of an attestation token in the browser, with the root-signed trust list
// (GET /api/public/trust-list) kept from the last online visit. The algorithm is the one of
// docs/verification.md, "Offline verification"; Ed25519 through WebCrypto. A token whose signature
// or chain fails yields no claims at all: callers cannot show what it says.
(function () {
  const LIST_KEY = 'binhyen.trustList';
  const ROOT_KEY = 'binhyen.trustRoot';
  const FORMAT = 'binhyen-trust-list/1';
  const LIST_TYP = 'binhyen-trustlist+jwt';
  const TOKEN_TYP = 'bya+jwt';
  const SKEW = 300;
  const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

  function b64url(s) {
    if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) { throw new Error('not base64url'); }
    const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
    return out;
  }

  function json(bytes) {
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (!value || typeof value !== 'object' || Array.isArray(value)) { throw new Error('not a JSON object'); }
    return value;
  }

  function ascii(s) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) { out[i] = s.charCodeAt(i); }
    return out;
  }

  // Ed25519 comes from WebCrypto or from TweetNaCl.js; what is needed besides is TextDecoder and Promise.
  function supported() {
    return typeof Promise === 'function' && typeof TextDecoder === 'function' && typeof Uint8Array === 'function';
  }

  // WebCrypto's Ed25519 where the browser has it; else TweetNaCl.js (audited; its WebJar is served
  // at /vendor/tweetnacl/ and kept by the service worker), loaded once, on first need.
  let nacl = null;
  function loadNacl() {
    if (!nacl) {
      nacl = new Promise(function (resolve, reject) {
        const s = document.createElement('script');
        s.src = '/vendor/tweetnacl/nacl.min.js';
        s.onload = function () { return window.nacl && window.nacl.sign ? resolve(window.nacl) : reject(new Error('nacl')); };
        s.onerror = function () { nacl = null; reject(new Error('nacl')); };
        document.head.appendChild(s);
      });
    }
    return nacl;
  }
  let webCrypto = !!(window.crypto && window.crypto.subtle);
  async function ed25519(xB64, signature, message) {
    const raw = b64url(xB64);
    if (raw.length !== 32 || signature.length !== 64) { return false; }
    if (webCrypto) {
      try {
        const key = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
        return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
      } catch (e) {
        if (e && e.name !== 'NotSupportedError') { throw e; }
        webCrypto = false;
      }
    }
    const lib = await loadNacl();
    return lib.sign.detached.verify(message, signature, raw);
  }

  // Splits a compact JWS and checks its header: EdDSA, the expected typ, a kid, no crit.
  function split(token, typ) {
    if (typeof token !== 'string' || token.length > 8192 || !TOKEN.test(token)) { return null; }
    const parts = token.split('.');
    let header;
    try { header = json(b64url(parts[0])); } catch (e) { return null; }
    if (header.alg !== 'EdDSA' || header.typ !== typ || typeof header.kid !== 'string' || 'crit' in header) { return null; }
    let signature;
    try { signature = b64url(parts[2]); } catch (e) { return null; }
    return { header: header, payloadPart: parts[1], signature: signature, input: ascii(parts[0] + '.' + parts[1]) };
  }

  // Verifies a trust list token against a root {kid, x}; its payload on success, else null.
  async function openList(token, root) {
    const jws = split(token, LIST_TYP);
    if (!jws || jws.header.kid !== root.kid) { return null; }
    if (!(await ed25519(root.x, jws.signature, jws.input))) { return null; }
    const list = json(b64url(jws.payloadPart));
    if (list.v !== 1 || !list.root || list.root.kid !== root.kid || list.root.x !== root.x
        || !Array.isArray(list.keys) || !Array.isArray(list.revokedKeys) || !Array.isArray(list.revokedAttestations)
        || typeof list.iat !== 'number' || typeof list.exp !== 'number') { return null; }
    return list;
  }

  function stored(name) {
    try { return JSON.parse(localStorage.getItem(name) || 'null'); } catch (e) { return null; }
  }

  // The root is pinned the first time a list is seen (trust on first use from this site); every
  // later list must be signed by that same root, or it is ignored.
  async function accept(answer) {
    if (!answer || answer.format !== FORMAT || typeof answer.token !== 'string') { return null; }
    const jws = split(answer.token, LIST_TYP);
    if (!jws) { return null; }
    let root = stored(ROOT_KEY);
    if (!root) {
      const claimed = json(b64url(jws.payloadPart)).root;
      if (!claimed || typeof claimed.kid !== 'string' || typeof claimed.x !== 'string') { return null; }
      root = { kid: claimed.kid, x: claimed.x };
    }
    const list = await openList(answer.token, root);
    if (!list) { return null; }
    const previous = stored(LIST_KEY);
    if (previous && previous.iat > list.iat) { return null; }
    localStorage.setItem(ROOT_KEY, JSON.stringify(root));
    const signedList = answer.token;
    // The public, root-signed list (no credential of anyone) is kept for checks without a network.
    localStorage.setItem(LIST_KEY, JSON.stringify({ jws: signedList, iat: list.iat }));
    return list;
  }

  // Fetches the current list (the service worker answers from its copy when offline).
  async function refresh() {
    try {
      const res = await fetch('/api/public/trust-list', { headers: { 'Accept': 'application/json' }, cache: 'no-cache' });
      if (res.ok) { await accept(await res.json()); }
    } catch (e) {
      // Offline and nothing kept yet: the stored list (if any) stays in use.
    }
    return current();
  }

  // The last accepted list, checked again against the pinned root.
  async function current() {
    const kept = stored(LIST_KEY);
    const root = stored(ROOT_KEY);
    if (!kept || !root || !supported()) { return null; }
    try { return await openList(kept.jws || kept.token, root); } catch (e) { return null; }
  }

  function covers(list, certified, unitCode) {
    if (certified === unitCode) { return true; }
    const path = list.units && list.units[unitCode];
    return typeof path === 'string' && path.split('/').indexOf(certified) >= 0;
  }

  function claimsValid(c) {
    return c.v === 1 && typeof c.jti === 'string' && typeof c.tc === 'string' && typeof c.tn === 'string'
      && typeof c.n === 'string' && typeof c.id === 'string' && typeof c.p === 'string'
      && Number.isInteger(c.iat) && Number.isInteger(c.exp);
  }

  // outcome: VALID, NO_LIST, STALE_LIST, MALFORMED, UNKNOWN_KEY, KEY_REVOKED, BAD_SIGNATURE,
  // CERTIFICATE_INVALID, ATTESTATION_REVOKED, NOT_YET_VALID, EXPIRED, UNSUPPORTED.
  // claims only for VALID, ATTESTATION_REVOKED, NOT_YET_VALID and EXPIRED (signature held).
  async function verify(token, nowSeconds) {
    if (!supported()) { return { outcome: 'UNSUPPORTED' }; }
    const list = await current();
    if (!list) { return { outcome: 'NO_LIST' }; }
    const asOf = list.iat;
    // A phone's clock may be behind; it is at least the list's date.
    const now = Math.max(Math.floor(nowSeconds === undefined ? Date.now() / 1000 : nowSeconds), list.iat);
    const jws = split(token, TOKEN_TYP);
    if (!jws) { return { outcome: 'MALFORMED', asOf: asOf }; }
    const kid = jws.header.kid;
    if (list.revokedKeys.some(function (k) { return k.kid === kid; })) { return { outcome: 'KEY_REVOKED', asOf: asOf }; }
    const key = list.keys.find(function (k) { return k.kid === kid; });
    if (!key) { return { outcome: 'UNKNOWN_KEY', asOf: asOf }; }
    let good = false;
    try { good = await ed25519(key.x, jws.signature, jws.input); } catch (e) { return { outcome: 'UNSUPPORTED', asOf: asOf }; }
    if (!good) { return { outcome: 'BAD_SIGNATURE', asOf: asOf }; }
    let claims;
    try { claims = json(b64url(jws.payloadPart)); } catch (e) { return { outcome: 'MALFORMED', asOf: asOf }; }
    if (!claimsValid(claims)) { return { outcome: 'MALFORMED', asOf: asOf }; }
    const chain = key.purpose === 'root' ? [kid] : [kid, list.root.kid];
    if (key.purpose !== 'root') {
      if (key.purpose !== 'issuing' || !(key.nbf <= claims.iat && claims.iat < key.exp) || !covers(list, key.tc, claims.tc)) {
        return { outcome: 'CERTIFICATE_INVALID', asOf: asOf };
      }
    }
    const base = { asOf: asOf, claims: claims, chain: chain };
    if (list.revokedAttestations.some(function (r) { return r.jti === claims.jti; })) { return Object.assign({ outcome: 'ATTESTATION_REVOKED' }, base); }
    if (now + SKEW < claims.iat) { return Object.assign({ outcome: 'NOT_YET_VALID' }, base); }
    if (now >= claims.exp) { return Object.assign({ outcome: 'EXPIRED' }, base); }
    if (now >= list.exp) { return Object.assign({ outcome: 'STALE_LIST' }, { asOf: asOf }); }
    return Object.assign({ outcome: 'VALID' }, base);
  }

  // The token inside what a citizen pasted or scanned: a bare token or a /verify?t= link.
  function tokenIn(text) {
    const s = String(text || '').trim();
    if (TOKEN.test(s)) { return s; }
    try {
      const t = new URL(s).searchParams.get('t');
      if (t && TOKEN.test(t)) { return t; }
    } catch (e) { /* not a link */ }
    return null;
  }

  window.OfflineVerifier = { refresh: refresh, current: current, verify: verify, tokenIn: tokenIn };
})();
