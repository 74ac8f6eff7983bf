"""Changes to Material's built JavaScript bundle that no configuration option offers.

Each patch replaces one exact piece of the pinned bundle and fails (:class:`ThemePatchError`) when that piece is
not there exactly once: a new Material release must be looked at, never patched blindly. Each is idempotent.

1. **No sitemap download per page view.** Material's language-selector integration reads every
   ``<link rel="alternate">`` of a page and downloads ``sitemap.xml`` relative to each, on every page view, to
   redirect a language switch to the same page. The i18n plugin already writes a per-page switcher link, so on this
   site that download is pure waste: two 404s per page view (``/tentang/sitemap.xml``), or, with language-root
   alternates, the whole sitemap (1.5 MB at 2,000 units) on a phone. The integration is switched off by narrowing
   its selector so that it matches no element.
2. **The search index is fetched when a reader starts to search**, not on page load. Material subscribes to the
   index at start-up (``ks()``: ``search/search_index.json``, or ``search_index.js`` from a folder). The patch waits
   for the first focus or key press inside the search form (the search shortcut keys focus its input too), then
   fetches the index once and shares it, with the bundle's own stream helpers (merge, fromEvent, take, switchMap,
   shareReplay, as minified in the pinned release).
3. **The search worker starts with the first search** too. Material makes the worker (``search.*.min.js``, 12 KB
   gzip) when the page starts; the patch hands it a stand-in with the worker's three methods, which records the
   listeners and makes the real worker (the offline build's shim, from a folder) at the first message, which is
   the index, sent once the reader starts to search.
"""

from __future__ import annotations

ALTERNATE_SELECTOR = '"link[rel=alternate]"'
DISABLED_SELECTOR = '"link[rel=alternate][data-p2ham-never]"'

EAGER_INDEX = 'zi=document.forms.namedItem("search")?ks():tt'
LAZY_INDEX = ('zi=document.forms.namedItem("search")?L(h(document.forms.namedItem("search"),"focusin"),'
              'h(document.forms.namedItem("search"),"keydown")).pipe(Ee(1),b(()=>ks()),Z(1)):tt')
# The helpers LAZY_INDEX uses, as the pinned bundle defines them (checked before patching).
INDEX_HELPERS = ('function ks(){return location.protocol==="file:"?_t(',
                 'L(h(t,"load"),h(t,"error").pipe(b(()=>', 'Ee(1))))}', 'm(r=>JSON.parse(r)),Z(1))}')

EAGER_WORKER = "function Ei(e,t){let r=Mn(e);"
LAZY_WORKER = ("function Ei(e,t){let r=Mn(e,((u,l,w)=>({"
               "addEventListener:(...a)=>w?w.addEventListener(...a):l.push(a),"
               "removeEventListener:(...a)=>w?w.removeEventListener(...a):(l=l.filter(x=>x[1]!==a[1])),"
               "postMessage:d=>{if(!w){w=new Worker(u);l.forEach(a=>w.addEventListener(...a))}w.postMessage(d)}"
               "}))(e,[],null));")
WORKER_HELPER = "function Mn(e,t=new Worker(e)){let r=Wa(t),o=Da(t)"  # Mn(url, worker = new Worker(url))


class ThemePatchError(Exception):
    """The bundle no longer contains what the patch expects: Material changed, and the patch must be revisited."""


def _replace_once(bundle: str, old: str, new: str, what: str) -> str:
    if new in bundle:
        return bundle
    count = bundle.count(old)
    if count != 1:
        raise ThemePatchError(f"expected {what} ({old[:60]}…) once in Material's bundle, found {count}")
    return bundle.replace(old, new)


def disable_alternate_sitemap_fetch(bundle: str) -> str:
    """Return the bundle with the alternate-link sitemap lookup disabled; idempotent."""
    return _replace_once(bundle, ALTERNATE_SELECTOR, DISABLED_SELECTOR, f"the selector {ALTERNATE_SELECTOR}")


def defer_search_index(bundle: str) -> str:
    """Return the bundle with the search index fetched on the first focus or key in the search form; idempotent."""
    if LAZY_INDEX in bundle:
        return bundle
    for helper in INDEX_HELPERS:
        if helper not in bundle:
            raise ThemePatchError(f"expected the stream helper {helper!r} in Material's bundle: the minified names "
                                  "the search-index patch uses have changed")
    return _replace_once(bundle, EAGER_INDEX, LAZY_INDEX, "the search index subscription at start-up")


def defer_search_worker(bundle: str) -> str:
    """Return the bundle with the search worker made at its first message; idempotent."""
    if LAZY_WORKER in bundle:
        return bundle
    if WORKER_HELPER not in bundle:
        raise ThemePatchError(f"expected the worker helper {WORKER_HELPER!r} in Material's bundle: the search-worker "
                              "patch must be revisited")
    return _replace_once(bundle, EAGER_WORKER, LAZY_WORKER, "the search worker made at start-up")


PATCHES = (disable_alternate_sitemap_fetch, defer_search_index, defer_search_worker)


def patch_bundle(bundle: str) -> str:
    """Every patch, in order."""
    for patch in PATCHES:
        bundle = patch(bundle)
    return bundle
