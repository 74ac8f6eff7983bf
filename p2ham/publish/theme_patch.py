"""Changes to Material's built JavaScript bundle that no configuration option offers.

Material's language-selector integration reads every ``<link rel="alternate">`` of a page and downloads
``sitemap.xml`` relative to each, on every page view, to redirect a language switch to the same page. The i18n
plugin already writes a per-page switcher link, so on this site that download is pure waste: two 404s per page view
(``/tentang/sitemap.xml``), or, with language-root alternates, the whole sitemap (1.5 MB at 2,000 units) on a phone.
The integration is switched off by narrowing its selector so that it matches no element.
"""

from __future__ import annotations

ALTERNATE_SELECTOR = '"link[rel=alternate]"'
DISABLED_SELECTOR = '"link[rel=alternate][data-p2ham-never]"'


class ThemePatchError(Exception):
    """The bundle no longer contains what the patch expects: Material changed, and the patch must be revisited."""


def disable_alternate_sitemap_fetch(bundle: str) -> str:
    """Return the bundle with the alternate-link sitemap lookup disabled; idempotent."""
    if DISABLED_SELECTOR in bundle:
        return bundle
    count = bundle.count(ALTERNATE_SELECTOR)
    if count != 1:
        raise ThemePatchError(f"expected the selector {ALTERNATE_SELECTOR} once in Material's bundle, found {count}")
    return bundle.replace(ALTERNATE_SELECTOR, DISABLED_SELECTOR)
