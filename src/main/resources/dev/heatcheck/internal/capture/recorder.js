// heatcheck's in-page recorder, sent to pages as written: Recorder.java calls it with the capture options.
// Added with addInitScript, it runs in every document before the page's own scripts and streams to Java
// through the __heatcheck binding.
// Which documents record: the top document of an http(s) page, and each same-origin child frame of it,
// which hands its window to the top's recorder (one state, one view, top-document coordinates). Everything
// else (about:blank and srcdoc frames that pages and libraries make, data: URLs, cross-origin frames) is
// left alone, so no document ever starts a second recorder or makes a frame.
// It never puts what is typed into a field into an event, and drops typed text from URLs it reports.
((options) => {
  const W = window;
  const here = location;
  const KEY = '__heatcheckRecorder';
  if (W[KEY] || !/^https?:$/.test(here.protocol)) return;
  if (W != W.top) {
    // taken by the top's recorder if it is same-origin and recorded; anything else throws here
    try { W.frameElement && W.top[KEY].adopt(W); } catch { /* not ours to record */ }
    return;
  }
  const WATCH = options.watch || 5000; // ms after a click during which the page's reactions are reported
  const MASK_ALL = options.maskText;
  const later = setTimeout;
  const D = document;
  const rect = (el) => el.getBoundingClientRect();
  const px = parseFloat;
  // coordinates and times go as the page has them, fractions included: Java rounds them
  const clock = performance;
  const now = () => clock.timeOrigin + clock.now();
  const on = EventTarget.prototype.addEventListener;
  const listen = (target, type, fn, how = true) => on.call(target, type, fn, how);
  const PASSIVE = { capture: true, passive: true };
  // Each message to Java is a DevTools event through Playwright's driver, so events go in batches: at
  // once when nothing went for a while, else with the next batch 40 ms later, and always before the
  // document goes (beforeunload, pagehide: the message leaves the page synchronously, so it outlives it).
  let queue = [];
  let lastFlush = 0;
  let flushTimer;
  let stopped;
  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = 0;
    lastFlush = now();
    // a popup's binding comes just after it opens: until then the call throws, and the batch waits
    if (queue.length) try { W.__heatcheck(JSON.stringify(queue)); queue = []; } catch { flushTimer = later(flush, 40); }
  };
  const send = (event) => {
    if (stopped) return;
    queue.push(event);
    if (now() - lastFlush >= 40) flush();
    else flushTimer ||= later(flush, 40);
  };

  // ---- walking the composed tree: out of shadow roots to their hosts, out of frames to their elements ------
  const parentOf = (n) => n.parentElement || n.parentNode?.host || n.parentNode?.defaultView?.frameElement;
  const closest = (n, sel) => n && (n.matches(sel) ? n : closest(parentOf(n), sel));
  const holds = (outer, n) => !!n && (n == outer || holds(outer, parentOf(n)));
  // the frame elements from the top document down to the window's own document
  const frames = (win) => win == W ? [] : [...frames(win.parent), win.frameElement];
  const styleOf = (el) => el.ownerDocument.defaultView.getComputedStyle(el);
  // where the window's viewport starts in the top viewport
  const offset = (win) => frames(win).reduce(([x, y], f) => {
    const r = rect(f);
    const s = styleOf(f);
    return [x + r.left + f.clientLeft + px(s.paddingLeft), y + r.top + f.clientTop + px(s.paddingTop)];
  }, [0, 0]);
  const pageBox = (el, win) => {
    const r = rect(el);
    const o = offset(win);
    return [r.left + o[0] + scrollX, r.top + o[1] + scrollY, r.width, r.height];
  };

  // ---- selectors that survive reloads, unrelated insertions and generated names --------------------------
  // ids and classes that frameworks and bundlers make up, which change from build to build
  const GENERATED = /\d{3,}|(?=[0-9a-f]*\d)[0-9a-f]{6,}|:|^(ember\d|react-|mui-|radix-|headlessui-)|(?=\w*\d\w*\d)(?=\w*[a-z])\w{4,}/i;
  // a class without digits, not from a CSS-in-JS library, and not one that states come and go by
  const stableClass = (c) => /^(?!(css|sc|jsx|emotion|svelte|ng|is|has)-|(active|selected|current|open(ed)?|closed|expanded|collapsed|checked|disabled|hover|focus(ed)?|visible|hidden|shown?|in|fade)$)[a-z_-]+$/i.test(c);
  const attr = (el, name) => el.getAttribute(name) || '';
  const isRoot = (el) => /^(body|html)$/.test(el.localName);
  const unique = (root, sel) => {
    try { return root.querySelectorAll(sel).length == 1; } catch { }
  };
  // the first unique of: the id, the test and ARIA attributes (not a masked aria-label), a stable class
  const anchorOf = (el, root, masked) => {
    const tag = el.localName;
    const names = el.id && !GENERATED.test(el.id) ? ['#' + CSS.escape(el.id)] : [];
    for (const name of ['data-testid', 'data-test', 'data-qa', masked ? '' : 'aria-label', 'role']) {
      const value = name && attr(el, name);
      if (value) names.push(tag + '[' + name + '="' + value.replace(/["\\]/g, '\\$&') + '"]');
    }
    for (const c of el.classList) if (stableClass(c)) names.push(tag + '.' + c);
    return names.find((sel) => unique(root, sel));
  };
  const stepOf = (el) => {
    const tag = el.localName;
    const same = [...el.parentNode.children].filter((s) => s.localName == tag);
    if (same.length == 1) return tag;
    for (const c of el.classList) {
      if (stableClass(c) && same.filter((s) => s.classList.contains(c)).length == 1) return tag + '.' + c;
    }
    return tag + ':nth-of-type(' + (same.indexOf(el) + 1) + ')';
  };
  // CSS within the element's own document or shadow root: from the nearest element with a stable name
  // that is unique there (or from body), one step per level relative to its siblings only, so changes
  // elsewhere in the page leave it as it is; "host >> inner" continues inside an open shadow root, as
  // Playwright's selector chaining does
  const selectorOf = (el, masked) => {
    const root = el.getRootNode();
    let sel;
    let anchor;
    for (let n = el; n && !anchor; n = n.parentElement) {
      const part = (anchor = anchorOf(n, root, masked) || isRoot(n) && n.localName) || stepOf(n);
      sel = sel ? part + ' > ' + sel : part;
    }
    return root.host ? selectorOf(root.host, masked) + ' >> ' + sel : sel;
  };
  // "frame >>> inner" continues inside the document of an iframe
  const selectorIn = (el, win, masked) => frames(win).concat(el).map((n) => selectorOf(n, masked)).join(' >>> ');

  // ---- describing a target --------------------------------------------------------------------------
  const CONTROL = 'a[href],button,input,select,textarea,summary,label,details,[onclick],[tabindex]:not([tabindex="-1"]),'
    + 'button,link,checkbox,tab,menuitem,switch,option,radio'.split(',').map((r) => '[role=' + r + ']').join(',');
  const listened = new WeakSet(); // elements the page gave a click listener, so "interactive" can see them
  const listens = (el) => listened.has(el) || typeof el.onclick == 'function';
  const masks = (el) => MASK_ALL || !!closest(el, '[data-heatcheck-mask]');
  const collapse = (s) => s.replace(/\s+/g, ' ').trim().slice(0, 40);
  const labelledBy = (el) => attr(el, 'aria-labelledby').split(/\s+/).map((id) => el.getRootNode().getElementById(id)?.textContent).join(' ');
  // the accessible name, else: for a field, what names it (never what is in it); for an editor or a big
  // container, nothing (an editor's text is what was typed, a container's names nothing); else its text
  const textOf = (el, masked) => masked ? '***' : collapse(attr(el, 'aria-label') || labelledBy(el).trim()
    || (/^(input|textarea|select)$/.test(el.localName)
      ? el.labels?.[0]?.textContent || attr(el, 'placeholder') || /^(submit|button|reset)$/.test(el.type) && attr(el, 'value') || attr(el, 'name')
      : el.isContentEditable || el.childElementCount > 20 || el.querySelector('[contenteditable]') ? '' : el.innerText || el.textContent || attr(el, 'alt'))
    || attr(el, 'title'));
  const isInteractive = (el) => el.matches(CONTROL) || listens(el) || styleOf(el).cursor == 'pointer';
  // position: fixed, or sticky and stuck (an offset of auto parses as NaN, which is never within 1 px)
  const stuck = (el, s = styleOf(el), r = rect(el)) => s.position == 'fixed'
    || s.position == 'sticky' && (Math.abs(r.top - px(s.top)) < 1 || Math.abs(innerHeight - r.bottom - px(s.bottom)) < 1);
  // on the element or an ancestor, it stays put while the page scrolls; only positioned elements can be
  // either, and they are the chain of offset parents (SVG has none: its parents; html and body: null)
  const isFixed = (el) => !!el && (stuck(el) || isFixed(el.offsetParent ?? parentOf(el)));
  // What only the live page knows; the implicit role, "editable" and the click's place inside the box
  // follow from these (and the frame, from the selector), and Java works them out (TargetReader), which
  // keeps this script small. An array: [selector, tag, type, role, text, href, interactive, contentEditable,
  // box, fixed, ignored]
  const describe = (raw, path, win) => {
    // path holds shadow roots, the document and the window too; in SVG, the part the page listens on
    const el = path.find((n) => n.nodeType == 1 && n.matches(CONTROL) && !isRoot(n))
      || raw.ownerSVGElement !== undefined && path.find((n) => n.ownerSVGElement !== undefined && listens(n)) || raw;
    const masked = masks(el);
    const link = closest(el, 'a[href]');
    return [selectorIn(el, win, masked), el.localName, el.type, attr(el, 'role'), textOf(el, masked), link && String(link.href.baseVal || link.href),
      isInteractive(el), el.isContentEditable, pageBox(el, win), isFixed(frames(win)[0] || el), !!closest(raw, '[data-heatcheck-ignore]')];
  };

  // ---- URLs without what was typed ------------------------------------------------------------------
  // A search box that updates the URL or fetches as you type, or a GET form, puts typed text into URLs:
  // query values and parts of the path or fragment that hold a field's current text, and the parameters of
  // GET forms submitted in this tab, are replaced by ***. Field values are compared here and never sent.
  const REDACT = '__heatcheck_redact';
  let redacted = [];
  try { redacted = JSON.parse(sessionStorage[REDACT] || '[]'); } catch { /* no storage */ }
  const FIELDS = 'input:not([type=hidden],[type=checkbox],[type=radio],[type=submit],[type=button]),textarea';
  // '+' and ' ' compare as one, as a query writes a space as '+'
  const lower = (s) => s.replace(/\+/g, ' ').trim().toLowerCase();
  // a part with a stray % (100%) does not decode as a URI component: unescape still reads the rest
  const decode = (s) => { try { return decodeURIComponent(s); } catch { return unescape(s); } };
  // a URL part that is, or holds, what a field holds
  const typed = (part) => (part = lower(decode(part))) && [...D.querySelectorAll(FIELDS)].some((f) => {
    const t = lower(f.value);
    return t && (part == t || t.length > 2 && part.includes(t));
  });
  // the page's URL, its origin (matched first, at 0) as it is: each query value, and each part between / ? #
  // (a part may hold an &, as a path can, so "tom&jerry" is looked at whole)
  const cleanUrl = () => here.href.replace(/^\w+:\/\/[^/]*|([?&])([^=&#/?]*)=([^&#]*)|[^/?#]+/g,
    (part, sep, name, value, at) => !at ? part : sep ? sep + name + '=' + (redacted.includes(decode(name)) || typed(value) ? '***' : value) : typed(part) ? '***' : part);

  // ---- page views: the document, then each SPA route -------------------------------------------------
  let view;
  let href;
  let lastDocH = 0;
  const docH = () => D.documentElement?.scrollHeight | 0;
  const message = (type, fields) => ({ type, view, t: now(), ...fields });
  const newView = () => { view = Math.random().toString(36).slice(2); href = here.href; };
  const sendView = () => {
    send(message('view', { url: cleanUrl(), vw: innerWidth, vh: innerHeight, docW: D.documentElement.scrollWidth, docH: lastDocH = docH() }));
  };

  // ---- clicks and the page's reactions to them ----------------------------------------------------------
  let pending; // the last click (or the press it starts with), while its reactions are looked for
  const effect = (kind, detail) => {
    const p = pending;
    if (!p || p.seen[kind] || now() - p.t > WATCH) return;
    p.seen[kind] = 1;
    const event = message('effect', { kind, detail });
    p.early ? p.early.push(event) : send(event);
  };
  const route = () => {
    if (here.href == href) return;
    effect('navigation');
    moved(); // the view's last move, in its own view
    newView();
    sendView();
    const v = view;
    later(() => v == view && sendView(), 500); // the route has rendered: its full height
  };

  // ---- scrolling: the window, inner containers and frames, each sampled at most every 100 ms ------------
  const timers = new Map();
  const sample = (key, make) => timers.has(key) || timers.set(key, [later(() => { timers.delete(key); send(make()); }, 100), make]);
  // Java asks for this when it is done with the page: the samples still waiting, then the batch, now;
  // then the recorder stops, as Java may close the event log next
  const drain = () => {
    for (const [id, make] of timers.values()) { clearTimeout(id); send(make()); }
    timers.clear();
    moved();
    flush();
    stopped = 1;
  };

  // ---- pointer moves: at most one every 50 ms, the first of a burst at once and the last one seen in
  // a window when the window closes, so a path starts where the pointer started and ends where it stopped
  let lastMove = -Infinity; // when the newest move went
  let heldMove; // the newest move of the open window, not sent yet
  let moveTimer = 0;
  // the window closes: its held move goes (also when the view or the document ends, or Java drains)
  const moved = () => {
    clearTimeout(moveTimer);
    moveTimer = 0;
    if (!heldMove) return;
    lastMove = now();
    send(heldMove);
    heldMove = 0;
  };
  const onMove = (move) => {
    if (heldMove && move.t - lastMove >= 50) moved(); // its timer is late: the window closes now
    if (move.t - lastMove < 50) {
      heldMove = move;
      moveTimer ||= later(moved, lastMove + 50 - move.t);
      return;
    }
    lastMove = move.t;
    send(move);
  };

  const windowSample = () => message('scroll', { y: scrollY, docH: lastDocH = docH() });
  // el scrolled inside win: [selector, scrollTop, visible height, scrollable height, page box]; a frame's
  // own document scrolling (scroller) is sampled as its frame element
  const containerSample = (el, win, scroller = el) => ({ ...windowSample(),
    container: [selectorIn(el, win, masks(el)), scroller.scrollTop, scroller.clientHeight, scroller.scrollHeight, pageBox(el, win)] });

  // ---- one window: the top one, or a same-origin frame's -----------------------------------------------
  // obj[name] calls fn with what it returns, after it
  const after = (obj, name, fn) => {
    const original = obj[name];
    obj[name] = function () { const result = original.apply(this, arguments); fn(result); return result; };
  };
  // Reactions the page starts itself, timed here as they start: Java hears of them later, when it next
  // talks to the browser. Java records what they were (the request's method and URL, the dialog's kind).
  const wrap = (obj, name, kind) => {
    const original = obj[name];
    obj[name] = function () { effect(kind); return original.apply(this, arguments); };
  };
  const install = (win) => {
    const doc = win.document;
    const proto = win.EventTarget.prototype;
    const add = proto.addEventListener;
    proto.addEventListener = function (type, fn, how) {
      if (/^(click|(mouse|pointer)(down|up))$/.test(type)) listened.add(this); // this: always an object, as the script is sloppy
      return add.call(this, type, fn, how);
    };
    wrap(win, 'fetch', 'request');
    wrap(win, 'open', 'popup');
    for (const name of ['alert', 'confirm', 'prompt', 'print']) wrap(win, name, 'dialog');
    wrap(win.XMLHttpRequest.prototype, 'send', 'request');
    wrap(win.navigator, 'sendBeacon', 'request');
    listen(win, 'beforeunload', () => { effect('navigation', 'unload'); moved(); flush(); }, false);
    listen(win, 'pagehide', () => { moved(); flush(); }, false);
    listen(win, 'submit', (e) => {
      if (e.target.method != 'get') return;
      for (const field of e.target.querySelectorAll(FIELDS)) if (field.name && !redacted.includes(field.name)) redacted.push(field.name);
      try { sessionStorage[REDACT] = JSON.stringify(redacted); } catch { /* no storage */ }
    });

    const observer = new win.MutationObserver(() => effect('mutation'));
    const OBSERVED = { subtree: true, childList: true, attributes: true, characterData: true };
    observer.observe(doc, OBSERVED);
    const onScroll = (e) => {
      const t = e.target;
      const isWindow = t == doc || t == win;
      const isTop = isWindow && win == W;
      if (pending && !pending.scrolled && !(isTop && Math.abs(scrollY - pending.y) < 2)) effect('scroll');
      if (isTop) sample(W, windowSample);
      else if (isWindow) sample(win, () => containerSample(win.frameElement, win.parent, doc.scrollingElement || doc.documentElement));
      else if (t.nodeType == 1) sample(t, () => containerSample(t, win));
    };
    listen(win, 'scroll', onScroll, PASSIVE);
    // shadow roots keep their mutations and scrolls to themselves: watch each one the page makes
    after(win.Element.prototype, 'attachShadow', (root) => { observer.observe(root, OBSERVED); listen(root, 'scroll', onScroll, PASSIVE); });

    // A new press starts a new user action: what happens from here belongs to the click it ends in.
    listen(win, 'pointerdown', (e) => e.isTrusted && (pending = { t: now(), seen: {}, early: [], y: scrollY, target: e.composedPath()[0] }));
    const userScroll = () => pending && (pending.scrolled = 1);
    listen(win, 'wheel', userScroll, PASSIVE);
    listen(win, 'keydown', userScroll);
    listen(win, 'click', (e) => {
      const path = e.composedPath();
      const raw = path[0];
      // a script clicking a download link it made
      if (!e.isTrusted) return raw?.localName == 'a' && (raw.hasAttribute('download') || /^blob:/.test(raw.href)) && effect('download', raw.getAttribute('download'));
      const t = now();
      // a label passes its click on to its control: one click, not two
      if (raw?.nodeType != 1 || pending?.target?.control == raw && t - pending.t < 100) return;
      const p = pending?.early ? pending : { seen: {}, y: scrollY };
      const early = p.early || [];
      pending = Object.assign(p, { t, early: 0, target: raw });
      const o = offset(win);
      const vx = e.clientX + o[0];
      const vy = e.clientY + o[1];
      send(message('click', {
        t, x: vx + scrollX, y: vy + scrollY, vx, vy, key: !e.detail && !e.clientX && !e.clientY, // pressed with a key: Java puts it at the element
        modifier: e.ctrlKey || e.metaKey || e.shiftKey || e.altKey, target: describe(raw, path, win),
        count: e.detail || undefined, // 2 for the second click of a double click: one gesture, judged as one
      }));
      for (const event of early) { event.t = t; send(event); } // what the press did before the click
    });
    // the press itself focuses what was pressed; only a focus the page moves elsewhere is a reaction
    listen(win, 'focusin', (e) => pending && !holds(e.composedPath()[0], pending.target) && effect('focus'));
    listen(doc, 'selectionchange', () => win.getSelection()?.isCollapsed == false && effect('selection'));

    listen(win, 'pointermove', (e) => {
      const o = offset(win);
      onMove(message('move', { x: e.clientX + o[0] + scrollX, y: e.clientY + o[1] + scrollY }));
    }, PASSIVE);

    // an Error reads "TypeError: message"; Java keeps the first line
    const error = (thrown) => { try { send(message('error', { message: String(thrown) })); } catch { /* no text */ } };
    listen(win, 'error', (e) => e.target == win && 'message' in e && error(e.error || e.message));
    listen(win, 'unhandledrejection', (e) => error(e.reason));
  };

  // not enumerable: pages and test runners that look for new globals do not see it
  const mark = (win, value) => Object.defineProperty(win, KEY, { value });
  mark(W, { adopt: (win) => { mark(win, true); install(win); }, drain });
  install(W);
  newView();
  for (const name of ['pushState', 'replaceState']) after(history, name, route);
  listen(W, 'popstate', route);
  listen(W, 'hashchange', route);
  const start = () => {
    sendView();
    // content that loads while the visitor scrolls makes the page taller: tell the new height
    const observer = new ResizeObserver(() => docH() != lastDocH && sample(W, windowSample));
    observer.observe(D.documentElement);
    if (D.body) observer.observe(D.body);
  };
  if (D.readyState == 'loading') listen(D, 'DOMContentLoaded', start, { once: true });
  else start();
  listen(W, 'load', sendView, { once: true }); // the document has its final size now
})
