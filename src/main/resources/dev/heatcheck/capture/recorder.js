// heatcheck's in-page recorder. Added with addInitScript, so it runs in every document before the page's
// own scripts; it streams to Java through the __heatcheck binding. It never reads the value of a field.
(() => {
  // child frames are not recorded yet; about:blank and data: documents are not pages of the site
  if (window !== window.top || window.__heatcheckRecorder || !/^https?:$/.test(location.protocol)) return;
  window.__heatcheckRecorder = true;

  const send = (event) => {
    try { window.__heatcheck(JSON.stringify(event)); } catch (e) { /* binding gone while unloading */ }
  };
  const now = () => Math.round(performance.timeOrigin + performance.now());
  const MAX_WINDOW = 3000; // ms after a click during which the page's reactions are reported

  // Elements that got a click listener from the page, so "interactive" can see them.
  const listened = new WeakSet();
  const addListener = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (type === 'click' || type === 'mousedown' || type === 'pointerdown' || type === 'pointerup') {
      try { listened.add(this); } catch (e) { /* not an object we can hold */ }
    }
    return addListener.call(this, type, listener, options);
  };

  // ---- describing a target ----------------------------------------------------------------------
  const CONTROL = 'a[href],button,input,select,textarea,summary,label,details,[role=button],[role=link],'
    + '[role=checkbox],[role=tab],[role=menuitem],[role=switch],[role=option],[role=radio],[onclick],[tabindex]';
  // ids that frameworks and bundlers make up, which change from build to build
  const GENERATED = /\d{3,}|(?=[0-9a-f]*\d)[0-9a-f]{6,}|:|^(ember\d|react-|mui-|css-|sc-|jsx-)/i;
  const cssEscape = (s) => (window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/[^\w-]/g, '\\$&'));
  const collapse = (s) => (s || '').replace(/\s+/g, ' ').trim().slice(0, 40);
  const unique = (sel) => { try { return document.querySelectorAll(sel).length === 1; } catch (e) { return false; } };

  const stableAttribute = (el) => {
    if (el.id && !GENERATED.test(el.id) && unique('#' + cssEscape(el.id))) return '#' + cssEscape(el.id);
    for (const name of ['data-testid', 'data-test', 'data-qa', 'aria-label']) {
      const value = el.getAttribute(name);
      if (value) {
        const sel = el.localName + '[' + name + '="' + value.replace(/"/g, '\\"') + '"]';
        if (unique(sel)) return sel;
      }
    }
    return null;
  };

  const selectorOf = (el) => {
    const parts = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const anchor = stableAttribute(node);
      if (anchor) { parts.unshift(anchor); break; }
      if (node === document.body || node === document.documentElement) { parts.unshift(node.localName); break; }
      let index = 1;
      for (let s = node.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === node.localName) index++;
      let only = index === 1;
      for (let s = node.nextElementSibling; only && s; s = s.nextElementSibling) if (s.localName === node.localName) only = false;
      parts.unshift(only ? node.localName : node.localName + ':nth-of-type(' + index + ')');
    }
    return parts.join(' > ');
  };

  const ROLES = { a: 'link', button: 'button', select: 'combobox', textarea: 'textbox', img: 'img', summary: 'button' };
  const roleOf = (el) => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit;
    if (el.localName === 'input') {
      const type = (el.getAttribute('type') || 'text').toLowerCase();
      return { checkbox: 'checkbox', radio: 'radio', button: 'button', submit: 'button', reset: 'button', range: 'slider' }[type] || 'textbox';
    }
    if (el.localName === 'a' && !el.hasAttribute('href')) return null;
    return ROLES[el.localName] || null;
  };

  const TEXT_INPUTS = /^(text|email|password|search|tel|url|number|date|datetime-local|month|time|week)$/;
  const isEditable = (el) => el.isContentEditable || el.localName === 'textarea' || el.localName === 'select'
    || el.localName === 'canvas' || (el.localName === 'input' && TEXT_INPUTS.test((el.getAttribute('type') || 'text').toLowerCase()));

  const textOf = (el) => {
    if (el.closest('[data-heatcheck-mask]')) return '***';
    if (el.localName === 'input' || el.localName === 'textarea' || el.localName === 'select') {
      // never the value: only what labels the field
      return collapse(el.getAttribute('aria-label') || el.getAttribute('placeholder') || el.getAttribute('name') || '');
    }
    return collapse(el.getAttribute('aria-label') || el.innerText || el.getAttribute('alt') || el.getAttribute('title') || '');
  };

  const isInteractive = (el) => el.matches(CONTROL) || listened.has(el) || typeof el.onclick === 'function'
    || getComputedStyle(el).cursor === 'pointer';

  const describe = (raw, x, y) => {
    const el = raw.closest(CONTROL) || raw;
    const r = el.getBoundingClientRect();
    const box = [r.left + scrollX, r.top + scrollY, r.width, r.height].map((v) => Math.round(v * 10) / 10);
    const fraction = (v, from, size) => (size > 0 ? Math.min(1, Math.max(0, (v - from) / size)) : 0.5);
    const link = el.closest('a[href]');
    return {
      selector: selectorOf(el), tag: el.localName, text: textOf(el), role: roleOf(el),
      href: link ? link.href : null, interactive: isInteractive(el), editable: isEditable(el),
      box, rx: Math.round(fraction(x, box[0], box[2]) * 1000) / 1000, ry: Math.round(fraction(y, box[1], box[3]) * 1000) / 1000,
    };
  };

  // ---- page views -------------------------------------------------------------------------------
  const viewKey = Math.random().toString(36).slice(2, 10);
  const sendView = () => send({
    type: 'view', view: viewKey, t: now(), url: location.href, path: location.pathname,
    vw: innerWidth, vh: innerHeight,
    docW: document.documentElement.scrollWidth, docH: document.documentElement.scrollHeight,
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', sendView, { once: true });
  else sendView();
  addListener.call(window, 'load', sendView, { once: true }); // the document has its final size now

  // ---- clicks and the page's reactions to them ----------------------------------------------------
  let pending = null; // the last click, while its reactions are still being looked for
  const effect = (kind, detail) => {
    if (!pending || pending.seen[kind] || now() - pending.t > MAX_WINDOW) return;
    pending.seen[kind] = true;
    send({ type: 'effect', view: viewKey, t: now(), kind, detail: detail || null });
  };

  // A new press starts a new user action: what happens from here belongs to the click it ends in.
  addListener.call(window, 'pointerdown', () => { pending = null; }, true);
  addListener.call(window, 'wheel', () => { if (pending) pending.userScrolled = true; }, { capture: true, passive: true });
  addListener.call(window, 'keydown', () => { if (pending) pending.userScrolled = true; }, true);

  addListener.call(window, 'click', (e) => {
    const target = e.composedPath()[0];
    if (!(target instanceof Element)) return;
    const t = now();
    pending = { t, seen: {}, scrollY, focus: document.activeElement, target };
    send({
      type: 'click', view: viewKey, t, x: Math.round(e.pageX), y: Math.round(e.pageY),
      modifier: e.ctrlKey || e.metaKey || e.shiftKey || e.altKey, target: describe(target, e.pageX, e.pageY),
    });
  }, true);

  new MutationObserver(() => effect('mutation')).observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
  addListener.call(document, 'focusin', (e) => {
    // the press itself focuses what was pressed; only a focus the page moves elsewhere is a reaction
    if (pending && e.target !== pending.focus && !(e.target instanceof Node && e.target.contains(pending.target))) effect('focus');
  }, true);
  addListener.call(document, 'selectionchange', () => {
    const selection = getSelection();
    if (selection && !selection.isCollapsed) effect('selection');
  });

  // ---- scrolling and pointer movement -------------------------------------------------------------
  let lastScroll = 0;
  let scrollTimer = null;
  const sendScroll = () => {
    scrollTimer = null;
    lastScroll = now();
    send({ type: 'scroll', view: viewKey, t: lastScroll, y: Math.round(scrollY), docH: document.documentElement.scrollHeight });
  };
  addListener.call(window, 'scroll', (e) => {
    if (e.target !== document) return; // inner scroll containers: not recorded yet
    if (pending && !pending.userScrolled && Math.abs(scrollY - pending.scrollY) > 1) effect('scroll');
    if (scrollTimer) return;
    scrollTimer = setTimeout(sendScroll, Math.max(0, 100 - (now() - lastScroll)));
  }, { capture: true, passive: true });

  let lastMove = 0;
  addListener.call(window, 'pointermove', (e) => {
    const t = now();
    if (t - lastMove < 50) return;
    lastMove = t;
    send({ type: 'move', view: viewKey, t, x: Math.round(e.pageX), y: Math.round(e.pageY) });
  }, { capture: true, passive: true });
})();
