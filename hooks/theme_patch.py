"""Hook: apply :mod:`p2ham.publish.theme_patch` to Material's JavaScript bundle after each build."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from p2ham.publish.theme_patch import ThemePatchError, patch_bundle

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_post_build(*, config: MkDocsConfig) -> None:
    # static-i18n keeps site_dir at the top for every language (it prefixes pages instead), where the assets are.
    root = Path(config.site_dir)
    bundles = sorted((root / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise PluginError(f"{root}/assets/javascripts: Material's bundle.*.min.js not found")
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        try:
            patched = patch_bundle(text)
        except ThemePatchError as exc:
            raise PluginError(f"{bundle}: {exc}") from None
        if patched != text:
            bundle.write_text(patched, encoding="utf-8")
