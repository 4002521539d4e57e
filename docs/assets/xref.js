/*
 * xref.js: progressive enhancements for the generated explainer pages.
 *
 *  a. Term popups for a.xref-term (definition + "Read more in the glossary").
 *  b. Citation cards for a.xref-cite-link (title, meta, locator, a link to the source
 *     itself + "Go to reference N").
 *     Both use one shared, hoverable, dismissable popup (WCAG 1.4.13). It holds links,
 *     so it is a non-modal dialog, not a tooltip (ARIA Authoring Practices): hover, focus
 *     or a first tap opens it; from the trigger, Tab moves into it and through its links,
 *     Shift+Tab back; Tab past its last link goes on to what follows the trigger; Escape
 *     closes it and returns focus to the trigger. The trigger is described by the popup's
 *     text, so a screen reader hears the definition or source on focus.
 *  c. Timeline category filter ([data-xref-filter]).
 *  d. Open a closed <details> when the URL hash targets something inside it, and keep
 *     a jump's target below the sticky header while off-screen entries are laid out.
 *
 * Plain ES2019, no libraries, no network. Works with Material's instant navigation:
 * document-level listeners are installed once (event delegation), per-page work runs
 * on every emission of Material's document$ observable.
 */
(function () {
  "use strict";

  var TIP_ID = "xref-tip";
  var TEXT_ID = "xref-tip-text"; // the popup's text without its link: the trigger's description
  var TRIGGERS = "a.xref-term, a.xref-cite-link";
  var SHOW_DELAY = 120; // ms before a hover opens the tooltip (avoids flicker)
  var HIDE_DELAY = 300; // ms grace to move the pointer onto the tooltip
  var GAP = 8; // px between trigger and tooltip, and from the viewport edges

  var tip = null; // the shared tooltip element
  var current = null; // the trigger the tooltip belongs to, while open
  var showTimer = 0;
  var hideTimer = 0;
  var touchArmed = null; // trigger opened by a first touch tap
  var dismissed = null; // trigger whose tooltip Escape closed: stays closed until left
  var lastPointerType = "";
  var pointer = null; // last pointer position, to pick the right line of a wrapped link
  var listening = false;

  /* ---------------------------------------------------------------------------- */
  /* Shared tooltip                                                               */
  /* ---------------------------------------------------------------------------- */

  function getTip() {
    if (tip && tip.isConnected) return tip;
    tip = document.getElementById(TIP_ID);
    if (!tip) {
      tip = document.createElement("div");
      tip.id = TIP_ID;
      tip.className = "xref-tip";
      tip.setAttribute("role", "dialog");
      tip.hidden = true;
      document.body.appendChild(tip);
    }
    return tip;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /**
   * Fill the popup for a term link or a citation link (text only, never HTML): a text part
   * (the trigger's description), then the link. The dialog is named after what it shows.
   */
  function fill(box, trigger) {
    var href = trigger.getAttribute("href") || "#";
    var text = el("div", "xref-tip__text");
    var title = el("p", "xref-tip__title");
    var label;
    var name;
    var source = null;
    text.id = TEXT_ID;
    text.appendChild(title);
    if (trigger.classList.contains("xref-cite-link")) {
      box.setAttribute("data-kind", "cite");
      // Title and meta sit once on the reference the marker points to (li#ref-N).
      var ref = document.getElementById(decodeURIComponent((trigger.hash || "").slice(1)));
      var card = function (attr) { return ref ? ref.getAttribute(attr) : null; };
      title.appendChild(el("strong", "", card("data-card-title") || trigger.textContent));
      var meta = card("data-card-meta");
      if (meta) text.appendChild(el("p", "xref-tip__meta", meta));
      var locator = trigger.getAttribute("data-card-locator");
      if (locator) text.appendChild(el("p", "xref-tip__locator", locator));
      // The source itself: its own page, or the copy it was verified through.
      var url = card("data-card-url");
      if (url && /^https?:\/\//.test(url)) {
        var out = el("a", "", card("data-card-link") || "Read the source");
        out.setAttribute("href", url);
        out.setAttribute("rel", "noopener");
        source = el("p", "xref-tip__source");
        source.appendChild(out);
      }
      var match = /ref-(\d+)/.exec(href);
      label = match ? "Go to reference " + match[1] : "Go to the reference";
      name = match ? "Source " + match[1] : "Source";
    } else {
      box.setAttribute("data-kind", "term");
      var term = trigger.getAttribute("data-term") || trigger.textContent;
      title.appendChild(el("strong", "", term));
      var def = trigger.getAttribute("data-tip");
      if (def) text.appendChild(el("p", "xref-tip__body", def));
      label = "Read more in the glossary";
      name = "Definition: " + term;
    }
    var more = el("a", "", label);
    more.setAttribute("href", href);
    var p = el("p", "xref-tip__more");
    p.appendChild(more);
    box.textContent = "";
    box.setAttribute("aria-label", name);
    box.appendChild(text);
    if (source) box.appendChild(source);
    box.appendChild(p);
  }

  /** The client rect of the trigger to anchor to (the line under the pointer if wrapped). */
  function anchorRect(trigger) {
    var rects = trigger.getClientRects();
    if (!rects.length) return trigger.getBoundingClientRect();
    if (pointer && rects.length > 1) {
      for (var i = 0; i < rects.length; i++) {
        var r = rects[i];
        if (pointer.y >= r.top - 2 && pointer.y <= r.bottom + 2 &&
            pointer.x >= r.left - 2 && pointer.x <= r.right + 2) return r;
      }
    }
    return rects[0];
  }

  function position() {
    if (!current || !tip || tip.hidden) return;
    var box = tip;
    var rect = anchorRect(current);
    var vw = document.documentElement.clientWidth || window.innerWidth;
    var vh = window.innerHeight;
    box.style.left = "0px";
    box.style.top = "0px";
    var width = box.offsetWidth;
    var height = box.offsetHeight;
    // Below the trigger, or above it when there is no room below but there is above.
    var top = rect.bottom + GAP;
    var placement = "below";
    if (top + height > vh - GAP && rect.top - GAP - height >= GAP) {
      top = rect.top - GAP - height;
      placement = "above";
    }
    // Horizontally aligned with the trigger, clamped to the viewport.
    var left = rect.left;
    if (left + width > vw - GAP) left = vw - GAP - width;
    if (left < GAP) left = GAP;
    // Convert viewport coordinates to the tooltip's containing block.
    var base = { left: -window.pageXOffset, top: -window.pageYOffset };
    var parent = box.offsetParent;
    if (parent && (parent !== document.body ||
        window.getComputedStyle(parent).position !== "static")) {
      var pr = parent.getBoundingClientRect();
      base = { left: pr.left + parent.clientLeft, top: pr.top + parent.clientTop };
    }
    box.style.left = Math.round(left - base.left) + "px";
    box.style.top = Math.round(top - base.top) + "px";
    box.setAttribute("data-placement", placement);
  }

  /** Link the trigger to the open popup: described by its text, expanded, controlling it. */
  function setDescribedBy(trigger, on) {
    var ids = (trigger.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    ids = ids.filter(function (id) { return id !== TEXT_ID; });
    if (on) ids.push(TEXT_ID);
    if (ids.length) trigger.setAttribute("aria-describedby", ids.join(" "));
    else trigger.removeAttribute("aria-describedby");
    trigger.setAttribute("aria-expanded", on ? "true" : "false");
    if (on) trigger.setAttribute("aria-controls", TIP_ID);
    else trigger.removeAttribute("aria-controls");
  }

  function clearTimers() {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
    showTimer = 0;
    hideTimer = 0;
  }

  function show(trigger) {
    clearTimers();
    var box = getTip();
    if (current && current !== trigger) setDescribedBy(current, false);
    if (current !== trigger || box.hidden) {
      fill(box, trigger);
      current = trigger;
    }
    box.hidden = false;
    setDescribedBy(trigger, true);
    position();
  }

  function hide() {
    clearTimers();
    if (current) setDescribedBy(current, false);
    current = null;
    touchArmed = null;
    if (tip) {
      tip.hidden = true;
      tip.removeAttribute("data-placement");
    }
  }

  function scheduleShow(trigger) {
    if (trigger === dismissed) return;
    window.clearTimeout(hideTimer);
    hideTimer = 0;
    if (current === trigger && tip && !tip.hidden) return;
    window.clearTimeout(showTimer);
    showTimer = window.setTimeout(function () { show(trigger); }, SHOW_DELAY);
  }

  function scheduleHide() {
    window.clearTimeout(showTimer);
    showTimer = 0;
    if (!current) return;
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY);
  }

  function focusVisible(node) {
    try {
      return node.matches(":focus-visible");
    } catch (e) {
      return false; // older browsers without :focus-visible
    }
  }

  function isOpen() {
    return !!(current && tip && !tip.hidden);
  }

  function triggerOf(node) {
    return node && node.closest ? node.closest(TRIGGERS) : null;
  }

  function inTip(node) {
    return !!(tip && node && tip.contains(node));
  }

  /* ---------------------------------------------------------------------------- */
  /* Document-level listeners (installed once, survive instant navigation)        */
  /* ---------------------------------------------------------------------------- */

  function onPointerOver(event) {
    lastPointerType = event.pointerType || "mouse";
    if (event.pointerType === "touch") return; // taps are handled on click
    pointer = { x: event.clientX, y: event.clientY };
    var trigger = triggerOf(event.target);
    if (trigger) {
      scheduleShow(trigger);
    } else if (inTip(event.target)) {
      window.clearTimeout(hideTimer); // hoverable: keep open while over the tooltip
      hideTimer = 0;
    }
  }

  function onPointerOut(event) {
    if (event.pointerType === "touch") return;
    var from = triggerOf(event.target) || (inTip(event.target) ? tip : null);
    if (!from) return;
    var to = event.relatedTarget;
    if (from === dismissed && !(to && from.contains(to))) dismissed = null;
    if (to && (from.contains(to) || inTip(to) || (current && current.contains(to)))) return;
    if (from !== tip && from !== current) {
      window.clearTimeout(showTimer); // left before the show delay ran out
      showTimer = 0;
      return;
    }
    // Keep it open while the trigger still has keyboard focus.
    if (current && document.activeElement === current && focusVisible(current)) return;
    scheduleHide();
  }

  function onPointerDown(event) {
    lastPointerType = event.pointerType || "mouse";
    pointer = { x: event.clientX, y: event.clientY };
    if (!isOpen()) return;
    if (inTip(event.target) || triggerOf(event.target) === current) return;
    hide(); // tapping or clicking elsewhere closes it
  }

  function onFocusIn(event) {
    var trigger = triggerOf(event.target);
    if (trigger) {
      if (lastPointerType === "touch") return; // a tap: the click handler decides
      if (trigger === dismissed) return; // Escape closed it; focus came back (see onKeyDown)
      pointer = null;
      show(trigger);
    } else if (inTip(event.target)) {
      window.clearTimeout(hideTimer);
      hideTimer = 0;
    }
  }

  function onFocusOut(event) {
    if (dismissed && event.target === dismissed) dismissed = null;
    if (!isOpen()) return;
    var from = triggerOf(event.target) || (inTip(event.target) ? tip : null);
    if (!from) return;
    var to = event.relatedTarget;
    if (to && (inTip(to) || to === current)) return;
    scheduleHide();
  }

  /** Tab from the trigger into the popup and through its links, Shift+Tab back, Tab past
   *  its last link to what follows the trigger. */
  function onTab(event) {
    var active = document.activeElement;
    var links = Array.prototype.slice.call(tip.querySelectorAll("a[href]"));
    if (!links.length) return;
    var at = links.indexOf(active);
    if (active === current && !event.shiftKey) {
      event.preventDefault();
      links[0].focus();
    } else if (at >= 0 && event.shiftKey) {
      event.preventDefault();
      (at > 0 ? links[at - 1] : current).focus();
    } else if (at >= 0 && at < links.length - 1) {
      event.preventDefault();
      links[at + 1].focus();
    } else if (inTip(active)) {
      // Back on the trigger without reopening; the browser's own Tab then moves on from it.
      var owner = current;
      hide();
      dismissed = owner;
      owner.focus();
    }
  }

  function onKeyDown(event) {
    lastPointerType = "";
    if (event.key === "Tab" && !event.altKey && !event.ctrlKey && !event.metaKey && isOpen()) {
      onTab(event);
      return;
    }
    if ((event.key === "Escape" || event.key === "Esc") && isOpen()) {
      var owner = current;
      var focusInTip = inTip(document.activeElement);
      hide();
      dismissed = owner; // not reopened by the focus moving back to it
      if (focusInTip && owner) owner.focus();
      event.stopPropagation();
    }
  }

  function onClick(event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var trigger = triggerOf(event.target);
    var touch = lastPointerType === "touch" || event.pointerType === "touch";
    if (trigger && touch) {
      if (touchArmed === trigger && isOpen() && current === trigger) {
        hide(); // second tap: follow the link
      } else {
        // First tap: show the definition or source card instead of following the link.
        // stopPropagation keeps Material's instant navigation (on body) from acting on it.
        event.preventDefault();
        event.stopPropagation();
        pointer = null;
        dismissed = null;
        show(trigger);
        touchArmed = trigger;
        return;
      }
    } else if (trigger || inTip(event.target)) {
      if (event.target.closest("a")) hide(); // following the link: close
    }
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (link) revealLinkTarget(link);
  }

  var frame = 0;

  function onViewportChange() {
    if (!isOpen() || frame) return;
    frame = window.requestAnimationFrame(function () {
      frame = 0;
      if (!isOpen()) return;
      if (!current.isConnected) hide();
      else position();
    });
  }

  function listen() {
    if (listening) return;
    listening = true;
    document.addEventListener("pointerover", onPointerOver);
    document.addEventListener("pointerout", onPointerOut);
    document.addEventListener("pointerdown", onPointerDown, true);
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("focusout", onFocusOut);
    document.addEventListener("keydown", onKeyDown, true);
    document.addEventListener("click", onClick, true);
    window.addEventListener("resize", onViewportChange);
    window.addEventListener("scroll", onViewportChange, { passive: true });
    window.addEventListener("hashchange", function () { revealHash(true); });
    ["wheel", "touchstart", "keydown", "pointerdown"].forEach(function (name) {
      window.addEventListener(name, stopSettling, { passive: true, capture: true });
    });
    window.addEventListener("beforeprint", openAllDetails);
    window.addEventListener("afterprint", restoreDetails);
  }

  /* ---------------------------------------------------------------------------- */
  /* Timeline filter                                                              */
  /* ---------------------------------------------------------------------------- */

  function precedingHeading(list) {
    for (var node = list.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) return node.tagName === "H2" ? node : null;
      if (node.classList.contains("xref-timeline")) return null;
    }
    return null;
  }

  function applyFilter(box) {
    var pressed = {};
    var buttons = box.querySelectorAll(".xref-filter__button[data-category]");
    buttons.forEach(function (b) {
      if (b.getAttribute("aria-pressed") === "true") pressed[b.getAttribute("data-category")] = true;
    });
    var scope = box.closest("article") || document;
    var events = scope.querySelectorAll("li.xref-event[data-category]");
    var shown = 0;
    events.forEach(function (li) {
      var on = !!pressed[li.getAttribute("data-category")];
      li.hidden = !on;
      if (on) shown += 1;
    });
    scope.querySelectorAll("ol.xref-timeline").forEach(function (list) {
      var any = !!list.querySelector("li.xref-event:not([hidden])");
      list.hidden = !any;
      var heading = precedingHeading(list);
      if (heading && /^year-\d+$/.test(heading.id)) {
        heading.hidden = !any;
        // Year links (jump bar, table of contents) to a hidden year are hidden too.
        // (Material rewrites hrefs to absolute URLs, so match on the end.)
        document.querySelectorAll('a[href$="#' + heading.id + '"]').forEach(function (a) {
          if (a.classList.contains("headerlink") || a.pathname !== window.location.pathname) return;
          var item = a.closest("li");
          if (item) item.hidden = !any;
        });
      }
    });
    showStatus(box, shown, events.length);
  }

  function showStatus(box, shown, total) {
    var status = box.querySelector(".xref-filter__status");
    if (!status) return;
    var text = "Showing " + shown + " of " + total + " event" + (total === 1 ? "" : "s");
    if (shown === 0) text += ". Choose a category to show events.";
    status.textContent = text;
  }

  function initFilter(root) {
    root.querySelectorAll("[data-xref-filter]").forEach(function (box) {
      if (box.getAttribute("data-xref-ready") === "true") return;
      box.setAttribute("data-xref-ready", "true");
      box.hidden = false;
      box.querySelectorAll(".xref-filter__button[data-category]").forEach(function (button) {
        if (!button.hasAttribute("aria-pressed")) button.setAttribute("aria-pressed", "true");
        button.addEventListener("click", function () {
          var on = button.getAttribute("aria-pressed") === "true";
          button.setAttribute("aria-pressed", on ? "false" : "true");
          applyFilter(box);
        });
      });
      // Every category starts switched on: nothing to hide, so only the count is written
      // (a full pass would touch every event and cost a style recalculation on load).
      var scope = box.closest("article") || document;
      var total = scope.querySelectorAll("li.xref-event[data-category]").length;
      if (box.querySelector('.xref-filter__button[aria-pressed="false"]')) applyFilter(box);
      else showStatus(box, total, total);
    });
  }

  /** If a target sits in a filtered-out timeline event, switch its category back on. */
  function revealFilteredEvent(target) {
    var event = target.closest("li.xref-event[hidden]");
    if (!event) return false;
    var category = event.getAttribute("data-category");
    var changed = false;
    document.querySelectorAll("[data-xref-filter]").forEach(function (box) {
      box.querySelectorAll(".xref-filter__button[data-category]").forEach(function (button) {
        if (button.getAttribute("data-category") === category &&
            button.getAttribute("aria-pressed") !== "true") {
          button.setAttribute("aria-pressed", "true");
          applyFilter(box);
          changed = true;
        }
      });
    });
    return changed;
  }

  /* ---------------------------------------------------------------------------- */
  /* Hash targets inside closed <details>                                        */
  /* ---------------------------------------------------------------------------- */

  function targetFor(hash) {
    if (!hash || hash.length < 2) return null;
    var id = hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch (e) {
      /* keep the raw id */
    }
    return document.getElementById(id);
  }

  /** Open every closed <details> around the target; true if anything changed. */
  function reveal(target) {
    var changed = revealFilteredEvent(target);
    for (var node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) {
        // The target inside <summary> is visible already; anything else needs opening.
        node.open = true;
        changed = true;
      }
    }
    return changed;
  }

  function scrollToTarget(target) {
    target.scrollIntoView({ block: "start", behavior: "auto" });
  }

  /*
   * Long pages skip the layout of off-screen entries (content-visibility: auto), so the
   * browser first scrolls to where a target would be with placeholder heights; as the
   * entries near it are laid out, the page above it shrinks and the target moves up,
   * under the header or off screen. Follow it for a few frames until it stays put below
   * the header, and stop as soon as the reader scrolls, types or touches.
   */
  var settling = 0;

  function stopSettling() { settling += 1; }

  function settle(target) {
    var run = ++settling;
    var frames = 0;
    var still = 0;
    function step() {
      if (run !== settling || !target.isConnected) return;
      var margin = parseFloat(window.getComputedStyle(target).scrollMarginTop) || 0;
      if (Math.abs(target.getBoundingClientRect().top - margin) > 1) {
        scrollToTarget(target);
        still = 0;
      } else {
        still += 1;
      }
      frames += 1;
      if (frames < 120 && still < 10) window.requestAnimationFrame(step);
    }
    window.requestAnimationFrame(step);
  }

  function revealHash(scroll) {
    var target = targetFor(window.location.hash);
    if (!target) return;
    reveal(target);
    if (scroll) settle(target);
  }

  /** Called on clicks: an in-page link opens the target's details before the jump. */
  function revealLinkTarget(link) {
    var href = link.getAttribute("href") || "";
    if (href.charAt(0) !== "#") {
      // Same-page absolute/relative URLs with a hash.
      if (!link.hash || link.pathname !== window.location.pathname ||
          link.host !== window.location.host) return;
      href = link.hash;
    }
    var target = targetFor(href);
    if (!target) return;
    reveal(target);
    // After the browser's own jump (the default action), follow the target until it rests
    // below the header; the same hash again fires no hashchange, so this covers it too.
    settle(target);
  }

  /* Print: open all <details> so their content prints, then put them back. */
  var openedForPrint = [];

  function openAllDetails() {
    openedForPrint = [];
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      openedForPrint.push(d);
    });
  }

  function restoreDetails() {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  }

  /* ---------------------------------------------------------------------------- */
  /* Init                                                                         */
  /* ---------------------------------------------------------------------------- */

  function init() {
    listen();
    hide(); // a new page (instant navigation): drop any tooltip of the old one
    // The tooltip element is created on first use, not here: adding it at load would
    // cost a style pass over the whole page before the reader has touched anything.
    initFilter(document);
    revealHash(true);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { init(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/* A reference page split into pages (macros/render/split.py) keeps its old links:
 * /glossary/#term lands on the index, on an empty element with the id "term" right after
 * the link to the page that holds it (without JavaScript, a reader follows that link).
 * Go to the entry itself at once, also after instant navigation and when the hash changes. */
(function () {
  "use strict";
  function follow() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var mark = document.getElementById(id);
    var item = mark && mark.closest("[data-xref-split] li");
    var link = item && item.querySelector("a[href]");
    if (link && mark !== link) {
      window.location.replace(link.href.split("#")[0] + "#" + encodeURIComponent(id));
    }
  }
  follow();
  window.addEventListener("hashchange", follow);
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(follow);
})();
