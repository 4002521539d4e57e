/* A reference page split into pages keeps its old links: /glossary/#term lands on the index,
 * on an empty element with the id "term" right after the link to the page that holds it
 * (without JavaScript, a reader follows that link). This script goes to the entry itself at
 * once, also after Material's instant navigation, and when the hash changes. */
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
