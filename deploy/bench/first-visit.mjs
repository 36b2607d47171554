// A citizen's first visit to /verify on a poor connection, in Debian's Chromium driven over the
// DevTools protocol (no npm packages: Node's WebSocket, node --experimental-websocket on Node 20).
//
//   node --experimental-websocket deploy/bench/first-visit.mjs <base URL> <token> [slow4g|none]
//
// Every target (the page and the service worker it installs) is throttled with
// Network.emulateNetworkConditions and its network bytes (Network.loadingFinished encodedDataLength:
// compressed body plus headers) are summed; a page request the worker answered is not counted twice.
// Printed: bytes of the first visit (until the worker is ready and the network idle), bytes of a
// second visit, and the time from pasting a token to the verdict, online and with the network off.
// Run by first-visit-bench.sh, which starts the demo node.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, token, profile = 'slow4g'] = process.argv.slice(2);
if (!base || !token) { console.error('usage: first-visit.mjs <base URL> <token> [slow4g|none]'); process.exit(2); }
// Chrome DevTools' "Slow 4G" preset: 150 ms RTT × 3.75, 1.6 Mbit/s down and 750 kbit/s up × 0.9.
const PROFILES = {
  slow4g: { offline: false, latency: 562.5, downloadThroughput: 1.6e6 / 8 * 0.9, uploadThroughput: 750e3 / 8 * 0.9 },
  none: { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }
};
const OFFLINE = { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
let conditions = PROFILES[profile];
if (!conditions) { console.error('profile must be slow4g or none'); process.exit(2); }

const dir = mkdtempSync(join(tmpdir(), 'binhyen-firstvisit-'));
const chromium = spawn(process.env.CHROMIUM || '/usr/bin/chromium', ['--headless=new', '--no-sandbox',
  '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--remote-debugging-port=0', '--user-data-dir=' + dir,
  '--window-size=390,844', 'about:blank'], { stdio: 'ignore' });

function within(ms, what, promise) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timed out: ' + what)), ms); })])
    .finally(() => clearTimeout(timer));
}

async function devtoolsUrl() {
  const file = join(dir, 'DevToolsActivePort');
  for (let i = 0; i < 200 && !existsSync(file); i++) { await new Promise((r) => setTimeout(r, 50)); }
  const [port, path] = readFileSync(file, 'utf8').trim().split('\n');
  return 'ws://127.0.0.1:' + port + path;
}

const ws = new WebSocket(await within(15000, 'Chromium start', devtoolsUrl()));
await within(10000, 'DevTools connection', new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; }));
let nextId = 1;
const pending = new Map();
const listeners = [];
ws.onmessage = (m) => {
  const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) {
    const { resolve, reject } = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) { reject(new Error(JSON.stringify(msg.error))); } else { resolve(msg.result); }
  } else if (msg.method) {
    listeners.forEach((l) => l(msg));
  }
};
function send(method, params = {}, sessionId) {
  const id = nextId++;
  ws.send(JSON.stringify({ id, method, params, sessionId }));
  return within(60000, method, new Promise((resolve, reject) => pending.set(id, { resolve, reject })));
}

// Per target: its type, and the bytes of requests that went to the network.
const sessions = new Map();
const seenTargets = new Set();
let counting = { page: 0, service_worker: 0, other: 0, requests: 0 };
const inflight = new Set();
const fromWorker = new Set();
let lastActivity = Date.now();

listeners.push(async (msg) => {
  const s = msg.sessionId;
  if (msg.method === 'Target.attachedToTarget') {
    const child = msg.params.sessionId;
    const info = msg.params.targetInfo;
    // A worker is attached both to the browser and to its page: count its requests once.
    if (!seenTargets.has(info.targetId) && (info.type === 'page' || info.type === 'service_worker')) {
      seenTargets.add(info.targetId);
      sessions.set(child, info.type);
      await send('Network.enable', {}, child).catch(() => null);
      await send('Network.emulateNetworkConditions', conditions, child).catch(() => null);
      if (info.type === 'page') {
        send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, child).catch(() => null);
      }
    }
    send('Runtime.runIfWaitingForDebugger', {}, child).catch(() => null);
  } else if (msg.method === 'Network.requestWillBeSent') {
    inflight.add(s + msg.params.requestId);
    lastActivity = Date.now();
  } else if (msg.method === 'Network.responseReceived' && msg.params.response.fromServiceWorker) {
    fromWorker.add(s + msg.params.requestId);
  } else if (msg.method === 'Network.loadingFinished' || msg.method === 'Network.loadingFailed') {
    const key = s + msg.params.requestId;
    inflight.delete(key);
    lastActivity = Date.now();
    if (msg.method === 'Network.loadingFinished' && !fromWorker.has(key)) {
      const type = sessions.get(s);
      counting[type === 'page' || type === 'service_worker' ? type : 'other'] += msg.params.encodedDataLength;
      counting.requests++;
    }
  }
});

async function idle(quietMs) {
  const start = Date.now();
  while (Date.now() - start < 120000) {
    if (inflight.size === 0 && Date.now() - lastActivity > quietMs) { return; }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the network never went idle: ' + inflight.size + ' requests in flight');
}

async function setConditions(c) {
  conditions = c;
  for (const child of sessions.keys()) {
    await send('Network.emulateNetworkConditions', c, child).catch(() => null);
  }
}

await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
const sessionOf = new Map();
listeners.push((m) => { if (m.method === 'Target.attachedToTarget') { sessionOf.set(m.params.targetInfo.targetId, m.params.sessionId); } });
const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
await within(10000, 'page attached', (async () => { while (!sessions.has(sessionOf.get(targetId))) { await new Promise((r) => setTimeout(r, 20)); } })());
const page = sessionOf.get(targetId);
await send('Page.enable', {}, page);
await send('Runtime.enable', {}, page);

async function evaluate(expression) {
  const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, page);
  if (r.exceptionDetails) { throw new Error(JSON.stringify(r.exceptionDetails)); }
  return r.result.value;
}

async function visit(path) {
  const loaded = new Promise((resolve) => listeners.push((m) => { if (m.method === 'Page.loadEventFired' && m.sessionId === page) { resolve(); } }));
  const t0 = Date.now();
  await send('Page.navigate', { url: base + path }, page);
  await within(120000, 'load of ' + path, loaded);
  const loadMs = Date.now() - t0;
  if (process.env.DEBUG) { console.error('loaded ' + path + ' in ' + loadMs + ' ms; targets ' + JSON.stringify([...sessions.values()])); }
  await evaluate("navigator.serviceWorker ? navigator.serviceWorker.ready.then(() => true) : false");
  await idle(1500);
  return loadMs;
}

/** Pastes the token and waits for the verdict, timed in the page (performance.now). */
async function pasteToVerdict() {
  return evaluate(`new Promise((resolve, reject) => {
    const box = document.getElementById('result');
    delete box.dataset.verdict;
    const input = document.getElementById('q');
    input.value = ${JSON.stringify(token)};
    const t0 = performance.now();
    const seen = new MutationObserver(() => {
      if (box.dataset.verdict) { seen.disconnect(); resolve({ ms: Math.round(performance.now() - t0), verdict: box.dataset.verdict, offline: box.dataset.offline === 'true' }); }
    });
    seen.observe(box, { attributes: true });
    document.getElementById('verify-form').requestSubmit();
    setTimeout(() => reject(new Error('no verdict in 60 s')), 60000);
  })`);
}

function take() { const c = counting; counting = { page: 0, service_worker: 0, other: 0, requests: 0 }; return c; }

try {
  const firstLoadMs = await visit('/verify');
  const first = take();
  const online = await pasteToVerdict();
  take();
  const secondLoadMs = await visit('/verify');
  const second = take();
  await setConditions(OFFLINE);
  await visit('/verify');
  const offline = await pasteToVerdict();
  const result = { profile, conditions: PROFILES[profile], firstVisit: { bytes: first.page + first.service_worker + first.other,
    pageBytes: first.page, serviceWorkerBytes: first.service_worker, requests: first.requests, loadEventMs: firstLoadMs },
    secondVisit: { bytes: second.page + second.service_worker + second.other, requests: second.requests, loadEventMs: secondLoadMs },
    pasteToVerdictOnline: online, pasteToVerdictOffline: offline };
  console.log(JSON.stringify(result, null, 2));
} catch (e) {
  console.error('failed: ' + (e.stack || e));
  process.exitCode = 1;
} finally {
  await send('Target.closeTarget', { targetId }).catch(() => null);
  await send('Browser.close').catch(() => null);
  ws.close();
  const exited = new Promise((resolve) => chromium.once('exit', resolve));
  chromium.kill();
  await within(10000, 'Chromium exit', exited).catch(() => null);
  try { rmSync(dir, { recursive: true, force: true, maxRetries: 5 }); } catch (e) { console.error('left ' + dir + ': ' + e.code); }
}
