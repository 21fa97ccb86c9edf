// heatcheck's in-page recorder. This readable file is the source: Recorder.java strips its comments and
// indentation and calls it with the capture options. Added with addInitScript, it runs in every document
// before the page's own scripts and streams to Java through the __heatcheck binding.
// Which documents record: the top document of an http(s) page, and each same-origin child frame of it,
// which hands its window to the top's recorder (one state, one view, top-document coordinates). Everything
// else (about:blank and srcdoc frames that pages and libraries make, data: URLs, cross-origin frames) is
// left alone, so no document ever starts a second recorder or makes a frame.
// It never puts what is typed into a field into an event, and drops typed text from URLs it reports.
((options) => {
  const W = window;
  const KEY = '__heatcheckRecorder';
  if (W[KEY] || !/^https?:$/.test(location.protocol)) return;
  if (W !== W.top) {
    try {
      const top = W.frameElement && W.top[KEY];
      if (top) top.adopt(W);
    } catch (e) { /* a cross-origin frame: not ours to record */ }
    return;
  }
  const opt = options || {};
  const WATCH = opt.watch || 5000; // ms after a click during which the page's reactions are reported
  const later = setTimeout;
  const D = document;
  const round = Math.round;
  const rect = (el) => el.getBoundingClientRect();
  const now = () => round(performance.timeOrigin + performance.now());
  const on = EventTarget.prototype.addEventListener;
  const listen = (target, type, fn, how = true) => on.call(target, type, fn, how);
  const PASSIVE = { capture: true, passive: true };
  // Each message to Java is a DevTools event through Playwright's driver, so events go in batches: at
  // once when nothing went for a while, else with the next batch 40 ms later, and always before the
  // document goes (beforeunload, pagehide: the message leaves the page synchronously, so it outlives it).
  let queue = [];
  let lastFlush = 0;
  let flushTimer = null;
  let stopped = false;
  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = null;
    lastFlush = now();
    if (!queue.length) return;
    if (!W.__heatcheck) { flushTimer = later(flush, 40); return; } // a popup's binding comes just after it opens
    const batch = queue;
    queue = [];
    try { W.__heatcheck(JSON.stringify(batch.length === 1 ? batch[0] : batch)); } catch (e) { /* binding gone */ }
  };
  const send = (event) => {
    if (stopped) return;
    queue.push(event);
    if (now() - lastFlush >= 40) flush();
    else if (!flushTimer) flushTimer = later(flush, 40);
  };

  // ---- walking the composed tree: out of shadow roots to their hosts, out of frames to their elements ------
  const parentOf = (n) => n.parentElement || (n.parentNode && (n.parentNode.host
    || (n.parentNode.defaultView && n.parentNode.defaultView.frameElement))) || null;
  const closest = (el, sel) => {
    for (let n = el; n; n = parentOf(n)) if (n.matches(sel)) return n;
    return null;
  };
  const holds = (outer, inner) => {
    for (let n = inner; n; n = parentOf(n)) if (n === outer) return true;
    return false;
  };
  // the frame elements from the top document down to the window's own document
  const frames = (win) => {
    const chain = [];
    for (let w = win; w !== W; w = w.parent) chain.unshift(w.frameElement);
    return chain;
  };
  const styleOf = (el) => el.ownerDocument.defaultView.getComputedStyle(el);
  // where the window's viewport starts in the top viewport
  const offset = (win) => {
    let x = 0;
    let y = 0;
    for (const f of frames(win)) {
      const r = rect(f);
      const s = styleOf(f);
      x += r.left + f.clientLeft + parseFloat(s.paddingLeft);
      y += r.top + f.clientTop + parseFloat(s.paddingTop);
    }
    return [x, y];
  };
  const pageBox = (el, win) => {
    const r = rect(el);
    const o = offset(win);
    return [r.left + o[0] + scrollX, r.top + o[1] + scrollY, r.width, r.height].map((v) => round(v * 10) / 10);
  };

  // ---- selectors that survive reloads, unrelated insertions and generated names --------------------------
  // ids and classes that frameworks and bundlers make up, which change from build to build
  const GENERATED = /\d{3,}|(?=[0-9a-f]*\d)[0-9a-f]{6,}|:|^(ember\d|react-|mui-|radix-|headlessui-)|(?=\w*\d\w*\d)(?=\w*[a-z])\w{4,}/i;
  const STATE = /^(is-|has-)|^(active|selected|current|open|opened|closed|expanded|collapsed|checked|disabled|hover|focus|focused|visible|hidden|show|shown|in|fade)$/;
  const stableClass = (c) => /^[a-z_-][\w-]*$/i.test(c) && !/\d|^(css|sc|jsx|emotion|svelte|ng)-/i.test(c) && !STATE.test(c);
  const unique = (root, sel) => {
    try { return root.querySelectorAll(sel).length === 1; } catch (e) { return false; }
  };
  // the first unique of: the id, the test and ARIA attributes (not a masked aria-label), a stable class
  const anchorOf = (el, root, masked) => {
    const tag = el.localName;
    const names = el.id && !GENERATED.test(el.id) ? ['#' + CSS.escape(el.id)] : [];
    for (const name of ['data-testid', 'data-test', 'data-qa', masked ? '' : 'aria-label', 'role']) {
      const value = name && el.getAttribute(name);
      if (value) names.push(tag + '[' + name + '="' + value.replace(/["\\]/g, '\\$&') + '"]');
    }
    for (const c of el.classList) if (stableClass(c)) names.push(tag + '.' + c);
    return names.find((sel) => unique(root, sel));
  };
  const stepOf = (el) => {
    const tag = el.localName;
    const same = [];
    for (let s = el.parentNode.firstElementChild; s; s = s.nextElementSibling) if (s.localName === tag) same.push(s);
    if (same.length === 1) return tag;
    for (const c of el.classList) {
      if (stableClass(c) && same.filter((s) => s.classList.contains(c)).length === 1) return tag + '.' + c;
    }
    return tag + ':nth-of-type(' + (same.indexOf(el) + 1) + ')';
  };
  // CSS within the element's own document or shadow root: from the nearest element with a stable name
  // that is unique there (or from body), one step per level relative to its siblings only, so changes
  // elsewhere in the page leave it as it is; "host >> inner" continues inside an open shadow root, as
  // Playwright's selector chaining does
  const selectorOf = (el, masked) => {
    const root = el.getRootNode();
    const parts = [];
    for (let n = el; n; n = n.parentElement) {
      const anchor = anchorOf(n, root, masked);
      if (anchor) { parts.unshift(anchor); break; }
      if (/^(body|html)$/.test(n.localName)) { parts.unshift(n.localName); break; }
      parts.unshift(stepOf(n));
    }
    const sel = parts.join(' > ');
    return root.host ? selectorOf(root.host, masked) + ' >> ' + sel : sel;
  };
  // "frame >>> inner" continues inside the document of an iframe
  const selectors = (el, win, masked) => frames(win).concat(el).map((n) => selectorOf(n, masked));

  // ---- describing a target --------------------------------------------------------------------------
  const CONTROL = 'a[href],button,input,select,textarea,summary,label,details,[onclick],[tabindex]:not([tabindex="-1"]),'
    + 'button,link,checkbox,tab,menuitem,switch,option,radio'.split(',').map((r) => '[role=' + r + ']').join(',');
  const MASK = '[data-heatcheck-mask]';
  const IGNORE = '[data-heatcheck-ignore]';
  const listened = new WeakSet(); // elements the page gave a click listener, so "interactive" can see them
  const attr = (el, name) => el.getAttribute(name) || '';
  const collapse = (s) => (s || '').replace(/\s+/g, ' ').trim().slice(0, 40);
  const labelledBy = (el) => attr(el, 'aria-labelledby').split(/\s+/)
    .map((id) => { const n = id && el.getRootNode().getElementById(id); return n ? n.textContent : ''; }).join(' ');
  const textOf = (el, masked) => {
    if (masked) return '***';
    const named = attr(el, 'aria-label') || labelledBy(el).trim();
    if (named) return collapse(named);
    if (/^(input|textarea|select)$/.test(el.localName)) {
      // what names the field, never what is in it
      return collapse((el.labels && el.labels[0] && el.labels[0].textContent) || attr(el, 'placeholder')
        || (/^(submit|button|reset)$/.test(el.type) ? attr(el, 'value') : '') || attr(el, 'name') || attr(el, 'title'));
    }
    // an editor's text is what was typed into it; a big container's text names nothing
    if (el.isContentEditable || el.childElementCount > 20 || el.querySelector('[contenteditable]')) return collapse(attr(el, 'title'));
    return collapse(el.innerText || el.textContent || attr(el, 'alt') || attr(el, 'title'));
  };
  const isInteractive = (el) => el.matches(CONTROL) || listened.has(el) || typeof el.onclick === 'function'
    || styleOf(el).cursor === 'pointer';
  // position: fixed, or sticky and stuck, on the element or an ancestor: it stays put while the page scrolls;
  // only positioned elements can be either, and they are the chain of offset parents
  const isFixed = (el) => {
    for (let n = el; n; n = n.offsetParent === undefined ? parentOf(n) : n.offsetParent) {
      const s = styleOf(n);
      if (s.position === 'fixed') return true;
      if (s.position === 'sticky') {
        // an offset of auto parses as NaN, which is never within 1 px
        const r = rect(n);
        if (Math.abs(r.top - parseFloat(s.top)) < 1 || Math.abs(innerHeight - r.bottom - parseFloat(s.bottom)) < 1) return true;
      }
    }
    return false;
  };
  // the part of an SVG drawing that the page listens on, else the shape itself
  const svgPart = (raw) => {
    for (let n = raw; n && n.ownerSVGElement !== undefined; n = n.parentElement) {
      if (listened.has(n) || typeof n.onclick === 'function') return n;
    }
    return null;
  };
  // What only the live page knows; the implicit role, "editable" and the click's place inside the box
  // follow from these, and Java works them out (TargetReader), which keeps this script small.
  const describe = (raw, path, win) => {
    const el = path.find((n) => n.nodeType === 1 && n.matches(CONTROL) && !/^(body|html)$/.test(n.localName))
      || svgPart(raw) || raw;
    const chain = frames(win);
    const masked = !!opt.maskText || !!closest(el, MASK);
    const link = closest(el, 'a[href]');
    const names = selectors(el, win, masked);
    return {
      selector: names.join(' >>> '), tag: el.localName, type: el.type, role: el.getAttribute('role'), text: textOf(el, masked),
      href: link && String(link.href.baseVal || link.href), interactive: isInteractive(el), contentEditable: el.isContentEditable,
      box: pageBox(el, win), fixed: isFixed(chain[0] || el), ignored: !!closest(raw, IGNORE), frame: chain.length ? names[0] : null,
    };
  };

  // ---- URLs without what was typed ------------------------------------------------------------------
  // A search box that updates the URL or fetches as you type, or a GET form, puts typed text into URLs:
  // parameters and path segments that hold a field's current text, and the parameters of GET forms
  // submitted in this tab, are replaced by ***. Field values are compared here and never sent.
  const REDACT = '__heatcheck_redact';
  let redacted = [];
  try { redacted = JSON.parse(sessionStorage.getItem(REDACT) || '[]'); } catch (e) { /* no storage */ }
  const FIELDS = 'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]):not([type=button]),textarea';
  const typed = (value) => {
    const v = value.trim().toLowerCase();
    if (!v) return false;
    for (const f of D.querySelectorAll(FIELDS)) {
      const t = (f.value || '').trim().toLowerCase();
      if (t && (v === t || (t.length > 2 && v.includes(t)))) return true;
    }
    return false;
  };
  const clean = (url) => {
    try {
      const u = new URL(url, location.href);
      for (const [k, v] of [...u.searchParams]) if (redacted.includes(k) || typed(v)) u.searchParams.set(k, '***');
      u.pathname = u.pathname.split('/').map((s) => { try { return typed(decodeURIComponent(s)) ? '***' : s; } catch (e) { return s; } }).join('/');
      return u.href;
    } catch (e) {
      return String(url).replace(/[?#].*/, '');
    }
  };

  // ---- page views: the document, then each SPA route -------------------------------------------------
  let view = null;
  let href = null;
  let lastDocH = 0;
  const docH = () => (D.documentElement ? D.documentElement.scrollHeight : 0);
  const message = (type, fields) => Object.assign({ type, view, t: now() }, fields);
  const newView = () => { view = Math.random().toString(36).slice(2, 10); href = location.href; };
  const sendView = () => {
    const url = clean(location.href);
    lastDocH = docH();
    send(message('view', { url, vw: innerWidth, vh: innerHeight, docW: D.documentElement.scrollWidth, docH: lastDocH }));
  };

  // ---- clicks and the page's reactions to them ----------------------------------------------------------
  let pending = null; // the last click (or the press it starts with), while its reactions are looked for
  const effect = (kind, detail) => {
    const p = pending;
    if (!p || p.seen[kind] || now() - p.t > WATCH) return;
    p.seen[kind] = 1;
    const event = message('effect', { kind, detail });
    if (p.early) p.early.push(event); else send(event);
  };
  const route = () => {
    if (location.href === href) return;
    effect('navigation');
    newView();
    sendView();
    const v = view;
    later(() => { if (v === view) sendView(); }, 500); // the route has rendered: its full height
  };

  // ---- scrolling: the window, inner containers and frames, each sampled at most every 100 ms ------------
  const timers = new Map();
  const sample = (key, make) => {
    if (!timers.has(key)) timers.set(key, [later(() => { timers.delete(key); send(make()); }, 100), make]);
  };
  // Java asks for this when it is done with the page: the samples still waiting, then the batch, now;
  // then the recorder stops, as Java may close the event log next
  const drain = () => {
    for (const [id, make] of timers.values()) { clearTimeout(id); send(make()); }
    timers.clear();
    flush();
    stopped = true;
  };

  const windowSample = () => {
    lastDocH = docH();
    return message('scroll', { y: round(scrollY), docH: lastDocH });
  };
  // el scrolled inside win; a frame's own window scrolling is sampled as its frame element (inner)
  const containerSample = (el, win, inner) => {
    const sample = windowSample();
    sample.container = selectors(el, win, !!opt.maskText || !!closest(el, MASK)).join(' >>> ');
    sample.containerY = round(inner ? inner.scrollY : el.scrollTop);
    sample.containerVh = inner ? inner.innerHeight : el.clientHeight;
    sample.containerH = inner ? inner.document.documentElement.scrollHeight : el.scrollHeight;
    sample.containerBox = pageBox(el, win);
    return sample;
  };

  // ---- one window: the top one, or a same-origin frame's -----------------------------------------------
  const install = (win) => {
    const doc = win.document;
    const proto = win.EventTarget.prototype;
    const add = proto.addEventListener;
    proto.addEventListener = function (type, fn, how) {
      if (/^(click|mousedown|mouseup|pointerdown|pointerup)$/.test(type)) {
        try { listened.add(this); } catch (e) { /* not an object we can hold */ }
      }
      return add.call(this, type, fn, how);
    };
    // Reactions the page starts itself, timed here: Java hears of them later, when it next talks to the
    // browser. Java records what they were (the request's method and URL, the dialog's kind).
    const wrap = (obj, name, kind) => {
      const original = obj[name];
      obj[name] = function () { effect(kind); return original.apply(this, arguments); };
    };
    for (const name of ['fetch', 'open', 'alert', 'confirm', 'prompt', 'print']) wrap(win, name, name === 'fetch' ? 'request' : name === 'open' ? 'popup' : 'dialog');
    wrap(win.XMLHttpRequest.prototype, 'send', 'request');
    wrap(win.navigator, 'sendBeacon', 'request');
    listen(win, 'beforeunload', () => { effect('navigation', 'unload'); flush(); }, false);
    listen(win, 'pagehide', flush, false);
    listen(win, 'submit', (e) => {
      const form = e.target;
      if (form.method !== 'get') return;
      for (const field of form.querySelectorAll(FIELDS)) if (field.name && !redacted.includes(field.name)) redacted.push(field.name);
      try { sessionStorage.setItem(REDACT, JSON.stringify(redacted)); } catch (x) { /* no storage */ }
    });

    const observer = new win.MutationObserver(() => effect('mutation'));
    const OBSERVED = { subtree: true, childList: true, attributes: true, characterData: true };
    observer.observe(doc, OBSERVED);
    const onScroll = (e) => {
      const t = e.target;
      const isWindow = t === doc || t === win;
      if (pending && !pending.scrolled && !(win === W && isWindow && Math.abs(scrollY - pending.y) < 2)) effect('scroll');
      if (win === W && isWindow) sample(W, windowSample);
      else if (isWindow) sample(win, () => containerSample(win.frameElement, win.parent, win));
      else if (t.nodeType === 1) sample(t, () => containerSample(t, win));
    };
    listen(win, 'scroll', onScroll, PASSIVE);
    // shadow roots keep their mutations and scrolls to themselves: watch each one the page makes
    const attach = win.Element.prototype.attachShadow;
    if (attach) {
      win.Element.prototype.attachShadow = function () {
        const root = attach.apply(this, arguments);
        observer.observe(root, OBSERVED);
        listen(root, 'scroll', onScroll, PASSIVE);
        return root;
      };
    }

    // A new press starts a new user action: what happens from here belongs to the click it ends in.
    listen(win, 'pointerdown', (e) => {
      if (e.isTrusted) pending = { t: now(), seen: {}, early: [], y: scrollY, target: e.composedPath()[0] };
    });
    const userScroll = () => { if (pending) pending.scrolled = true; };
    listen(win, 'wheel', userScroll, PASSIVE);
    listen(win, 'keydown', userScroll);
    listen(win, 'click', (e) => {
      const raw = e.composedPath()[0];
      if (!e.isTrusted) {
        // a script clicking a download link it made
        if (raw && raw.localName === 'a' && (raw.hasAttribute('download') || /^blob:/.test(raw.href))) effect('download', raw.getAttribute('download'));
        return;
      }
      if (!raw || raw.nodeType !== 1) return;
      const t = now();
      // a label passes its click on to its control: one click, not two
      if (pending && pending.target && pending.target.control === raw && t - pending.t < 100) return;
      const p = pending && pending.early ? pending : { seen: {}, y: scrollY };
      const early = p.early || [];
      p.t = t;
      p.early = null;
      p.target = raw;
      pending = p;
      const o = offset(win);
      let vx = e.clientX + o[0];
      let vy = e.clientY + o[1];
      if (e.detail === 0 && !e.clientX && !e.clientY) { // pressed with a key: at the element
        const r = rect(raw);
        vx = o[0] + r.left + r.width / 2;
        vy = o[1] + r.top + r.height / 2;
      }
      send(message('click', {
        t, x: round(vx + scrollX), y: round(vy + scrollY), vx: round(vx), vy: round(vy),
        modifier: e.ctrlKey || e.metaKey || e.shiftKey || e.altKey, target: describe(raw, e.composedPath(), win),
      }));
      for (const event of early) { event.t = t; send(event); } // what the press did before the click
    });
    listen(win, 'focusin', (e) => {
      // the press itself focuses what was pressed; only a focus the page moves elsewhere is a reaction
      if (pending && !(pending.target && holds(e.composedPath()[0], pending.target))) effect('focus');
    });
    listen(doc, 'selectionchange', () => {
      const selection = win.getSelection();
      if (selection && !selection.isCollapsed) effect('selection');
    });

    let lastMove = 0;
    listen(win, 'pointermove', (e) => {
      const t = now();
      if (t - lastMove < 50) return;
      lastMove = t;
      const o = offset(win);
      send(message('move', { t, x: round(e.clientX + o[0] + scrollX), y: round(e.clientY + o[1] + scrollY) }));
    }, PASSIVE);

    // an Error reads "TypeError: message"; Java keeps the first line
    const error = (thrown) => { try { send(message('error', { message: String(thrown) })); } catch (e) { /* no text */ } };
    listen(win, 'error', (e) => { if (e.target === win && 'message' in e) error(e.error || e.message); });
    listen(win, 'unhandledrejection', (e) => error(e.reason));
  };

  Object.defineProperty(W, KEY, { value: { adopt: (win) => { Object.defineProperty(win, KEY, { value: true }); install(win); }, drain } });
  install(W);
  newView();
  for (const name of ['pushState', 'replaceState']) {
    const original = history[name];
    history[name] = function () { const result = original.apply(this, arguments); route(); return result; };
  }
  listen(W, 'popstate', route);
  listen(W, 'hashchange', route);
  const start = () => {
    sendView();
    // content that loads while the visitor scrolls makes the page taller: tell the new height
    const grew = () => { if (docH() !== lastDocH) sample(W, windowSample); };
    const observer = new ResizeObserver(grew);
    observer.observe(D.documentElement);
    if (D.body) observer.observe(D.body);
  };
  if (D.readyState === 'loading') listen(D, 'DOMContentLoaded', start, { once: true });
  else start();
  listen(W, 'load', sendView, { once: true }); // the D has its final size now
})
