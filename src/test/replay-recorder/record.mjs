// Records the replay fixtures with the real rrweb recorder: one scripted visit through the demo shop and the
// replay lab page, exported as a bare rrweb event array and as PostHog exports of the same session.
// Run it with ./record.sh (see README.md); it writes into src/test/resources/replay/.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const modules = process.env.RECORDER_MODULES || path.join(repo, 'target/replay-recorder');
const require = createRequire(path.join(modules, 'package.json'));
const { chromium } = require('playwright-core');
const { gzipSync, strToU8, strFromU8 } = require('fflate');
const RRWEB = fs.readFileSync(path.join(modules, 'node_modules/rrweb/dist/rrweb.umd.min.cjs'), 'utf8');
const RRWEB_VERSION = JSON.parse(fs.readFileSync(path.join(modules, 'node_modules/rrweb/package.json'), 'utf8')).version;
const LAB = path.join(repo, 'src/test/resources/replay/site/lab');
const OUT = process.env.REPLAY_FIXTURES || path.join(repo, 'src/test/resources/replay');

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// the demo shop, started the way a user starts it
async function startShop() {
  const port = await freePort();
  const shop = spawn(path.join(repo, 'heatcheck'), ['demo', '--serve', '--port', String(port)], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; i < 600; i++) {
    try {
      const ok = await new Promise((resolve) => http.get(`http://127.0.0.1:${port}/`, (r) => { r.resume(); resolve(r.statusCode == 200); }).on('error', () => resolve(false)));
      if (ok) return { shop, port };
    } catch { /* not yet */ }
    await sleep(500);
  }
  shop.kill();
  throw new Error('the demo shop did not start');
}

// one origin for both: /lab/ from the lab folder (any other /lab/ path is the single-page app), the rest from the shop
function startFront(shopPort) {
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/lab/')) {
      const name = path.basename(req.url.split('?')[0]);
      const file = path.join(LAB, /\.html$/.test(name) ? name : 'index.html');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(fs.readFileSync(file));
      return;
    }
    const upstream = http.request({ host: '127.0.0.1', port: shopPort, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// rrweb in the top document only: it records same-origin iframes itself. Email and password fields are masked
// (maskInputOptions), the rest of what is typed is recorded as typed. A pushState adds PostHog's $url_changed
// custom event, as posthog-js does for route changes.
const INIT = `${RRWEB}
;(() => {
  if (window !== window.top || !/^http/.test(location.protocol)) return;
  const record = rrweb.record;
  record({ emit: (e) => window.__rrwebEmit(JSON.stringify(e)), maskInputOptions: { password: true, email: true } });
  const push = history.pushState;
  history.pushState = function () {
    const r = push.apply(this, arguments);
    record.addCustomEvent('$url_changed', { href: location.href });
    return r;
  };
})();`;

async function main() {
  const { shop, port } = await startShop();
  const front = await startFront(port);
  const base = `http://127.0.0.1:${front.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const events = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.exposeBinding('__rrwebEmit', (_, json) => { events.push(JSON.parse(json)); });
    await context.addInitScript(INIT);
    const page = await context.newPage();
    const pause = (ms = 400) => page.waitForTimeout(ms);

    // the shop: products, a product with its two dead targets, checkout with the error and the rage burst
    await page.goto(`${base}/products`);
    await pause(600);
    await page.mouse.wheel(0, 300);
    await pause();
    await page.click('a.product-link[href="/product/2"]');
    await page.waitForURL('**/product/2');
    await pause(600);
    await page.click('#product-photo');
    await pause(800);
    await page.click('#wishlist');
    await pause(800);
    await page.click('#add-to-cart');
    await pause(800);
    await page.click('#go-checkout');
    await page.waitForURL('**/checkout');
    await pause(600);
    await page.click('#email');
    await page.keyboard.type('ada@example.com', { delay: 40 });
    await page.click('#name');
    await page.keyboard.type('Ada Lovelace', { delay: 40 });
    await page.click('#coupon');
    await page.keyboard.type('SPRING', { delay: 40 });
    await pause();
    await page.click('#apply-coupon');
    await pause(800);
    for (let i = 0; i < 4; i++) {
      await page.click('#place-order');
      await pause(250);
    }
    await pause(3500);

    // the lab: a route change, typed text plain and masked, a shadow root, an inner scroller, an iframe
    await page.goto(`${base}/lab/`);
    await pause(600);
    await page.click('#to-account');
    await pause(600);
    await page.click('#nickname');
    await page.keyboard.type('ada', { delay: 40 });
    await page.click('#password');
    await page.keyboard.type('s3cret!', { delay: 40 });
    await page.click('[data-testid=save-account]');
    await pause(600);
    await page.dblclick('#headline');
    await pause(600);
    await page.click('#subscribe');
    await pause(600);
    await page.hover('#reviews');
    await page.mouse.wheel(0, 400);
    await pause(600);
    await page.click('#more-reviews');
    await pause(600);
    await page.frameLocator('#pay-frame').locator('#pay-now').click();
    await pause(600);
    await page.click('#to-home');
    await pause(800);
    await context.close();
  } finally {
    await browser.close();
    front.close();
    shop.kill();
  }
  if (!events.length) throw new Error('rrweb recorded nothing');
  write(events);
}

// the origin the session was recorded on, fixed so that a new recording diffs only where the visit changed
const ORIGIN = 'http://shop.example';
function write(recorded) {
  const origin = new URL(recorded.find((e) => e.type == 4).data.href).origin;
  const events = JSON.parse(JSON.stringify(recorded).split(origin).join(ORIGIN));
  const windowId = '0190a1f2-replay-window-1';
  const save = (name, value) => {
    const file = path.join(OUT, name);
    fs.writeFileSync(file, JSON.stringify(value));
    console.log(`${name}: ${fs.statSync(file).size} bytes`);
  };
  save('rrweb/session.json', events);
  save('posthog/session-2023-04-28.json', {
    version: '2023-04-28',
    data: { id: 'replay-fixture', person: null, snapshots: events.map((e) => ({ windowId, ...e })) },
  });
  save('posthog/session-2022-12-02.json', {
    version: '2022-12-02',
    data: { person: null, snapshotsByWindowId: { [windowId]: events } },
  });
  save('posthog/session-2023-04-28-compressed.json', {
    version: '2023-04-28',
    data: { id: 'replay-fixture', person: null, snapshots: events.map((e) => ({ windowId, ...compress(e) })) },
  });
  console.log(`${events.length} events recorded with rrweb ${RRWEB_VERSION}`);
}

// as posthog-js compresses before sending (lazy-loaded-session-recorder.ts, compressEventSync): a full
// snapshot's data and a mutation's texts, attributes, removes and adds are gzipped JSON in latin1 strings, cv 2024-10
const gzipString = (value) => strFromU8(gzipSync(strToU8(JSON.stringify(value))), true);
function compress(e) {
  if (e.type == 2) return { ...e, data: gzipString(e.data), cv: '2024-10' };
  if (e.type == 3 && e.data.source == 0) {
    const { texts, attributes, removes, adds } = e.data;
    return { ...e, cv: '2024-10', data: { ...e.data, texts: gzipString(texts), attributes: gzipString(attributes), removes: gzipString(removes), adds: gzipString(adds) } };
  }
  return e;
}

main().catch((e) => { console.error(e); process.exit(1); });
