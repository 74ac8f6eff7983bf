"""Stable addresses: every published address still answers, as a page or a redirect; redirects are checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite, build_site, small_site
from sitecheck import is_redirect, load_site

from p2ham.errors import ContentError
from p2ham.redirects import load_redirects

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "published-addresses.txt"


def published() -> list[str]:
    lines = PUBLISHED.read_text("utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def answers(site: Path, address: str) -> str | None:
    """'page', 'redirect' or None for an address on the built site."""
    file = site / address.strip("/") / "index.html"
    if not file.exists():
        return None
    return "redirect" if is_redirect(BeautifulSoup(file.read_text("utf-8"), "html.parser")) else "page"


def gone(site: Path, addresses: list[str]) -> list[str]:
    return [address for address in addresses if answers(site, address) is None]


def test_every_published_address_still_answers(built_site: BuiltSite) -> None:
    missing = gone(built_site.path, published())
    assert missing == [], f"published addresses gone: {missing}; add a redirect in content/redirects.yml"


def test_every_page_is_on_the_published_list(built_site: BuiltSite) -> None:
    listed = set(published())
    pages = [p.url for p in load_site(built_site.path, built_site.base_path)
             if not ("/unit-kerja/" in p.url and p.url.rstrip("/").split("/")[-1] != "unit-kerja")]
    assert [url for url in pages if url not in listed] == [], "new pages: add them to published-addresses.txt"


def test_redirects_lead_to_the_page_in_the_same_language(built_site: BuiltSite) -> None:
    for redirect in load_redirects(ROOT / "content" / "redirects.yml"):
        for prefix in ("", "en/"):
            soup = BeautifulSoup((built_site.path / prefix / redirect.old / "index.html").read_text("utf-8"),
                                 "html.parser")
            target = soup.find("meta", attrs={"http-equiv": "refresh"})["content"].split("url=", 1)[1]
            landing = (built_site.path / prefix / redirect.old / target).resolve()
            assert landing == (built_site.path / prefix / redirect.new).resolve()
            assert soup.find("link", rel="canonical")["href"].endswith(f"/{prefix}{redirect.new}")
            assert not soup.find("script")


def test_a_removed_page_without_redirect_fails(tmp_path: Path) -> None:
    """The check above, on a site where a published page was deleted: it names the address."""
    config = small_site(tmp_path, {"index.md": "# Beranda\n", "index.en.md": "# Home\n"},
                        drop_keys=("nav",))
    (tmp_path / "content" / "redirects.yml").write_text("{}\n", "utf-8")
    result = build_site(tmp_path / "site", config)
    assert result.returncode == 0, result.stdout + result.stderr
    assert gone(tmp_path / "site", ["/", "/en/", "/tentang/", "/en/tentang/"]) == ["/tentang/", "/en/tentang/"]
    # With a redirect to a page that exists, the address answers again.
    (tmp_path / "content" / "redirects.yml").write_text("tentang/: baru/\n", "utf-8")
    (tmp_path / "docs" / "baru.md").write_text("# Baru\n", "utf-8")
    (tmp_path / "docs" / "baru.en.md").write_text("# New\n", "utf-8")
    result = build_site(tmp_path / "site", config)
    assert result.returncode == 0, result.stdout + result.stderr
    assert gone(tmp_path / "site", ["/tentang/", "/en/tentang/"]) == []
    assert answers(tmp_path / "site", "/en/tentang/") == "redirect"


def test_redirect_problems_fail_the_build(tmp_path: Path) -> None:
    pages = {"index.md": "# Beranda\n", "index.en.md": "# Home\n", "baru.md": "# Baru\n", "baru.en.md": "# New\n"}
    config = small_site(tmp_path, pages)
    (tmp_path / "content" / "redirects.yml").write_text("lama/: hilang/\n", "utf-8")
    result = build_site(tmp_path / "site", config)
    assert result.returncode != 0
    assert ("content/redirects.yml:1: lama/: the new address /hilang/ is not a page of the site"
            in result.stdout + result.stderr)
    (tmp_path / "content" / "redirects.yml").write_text("baru/: baru/\n/Lama: baru/\n", "utf-8")
    with pytest.raises(ContentError) as caught:
        load_redirects(tmp_path / "content" / "redirects.yml")
    assert [p.line for p in caught.value.problems] == [1, 2]
