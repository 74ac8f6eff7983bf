"""Whom to contact, from the configuration: checked at the build's start, shown in the accessibility statement in
each language, and marked as an example when it is one (the project never invents a real office's address)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BuiltSite, build_site, small_site

from p2ham.contact import ContactError, contact_from_config

GOOD = {"contact": {"name": {"id": "Tim situs", "en": "Site team"}, "email": "situs@kanwil.go.id"}}


def test_a_real_address_is_not_marked_as_example() -> None:
    contact = contact_from_config(GOOD, "en")
    assert (contact.name, contact.email, contact.placeholder) == ("Site team", "situs@kanwil.go.id", False)


@pytest.mark.parametrize("email", ["p2ham@example.org", "a@example.com", "a@sub.example.net", "a@x.invalid"])
def test_example_domains_are_marked(email: str) -> None:
    assert contact_from_config({"contact": {**GOOD["contact"], "email": email}}, "id").placeholder


@pytest.mark.parametrize(("extra", "message"), [
    ({}, "extra.contact: missing"),
    ({"contact": {"email": "a@b.id"}}, "extra.contact.name.en: missing"),
    ({"contact": {"name": {"id": "x"}, "email": "a@b.id"}}, "extra.contact.name.en: missing"),
    ({"contact": {"name": {"en": "x"}, "email": "not an address"}}, "extra.contact.email: must be an email"),
    ({"contact": {"name": {"en": "x"}, "email": "a@b.id", "url": "http://x"}}, "extra.contact.url: must be"),
])
def test_bad_contact_is_named(extra: dict[str, object], message: str) -> None:
    with pytest.raises(ContactError, match=message.replace(".", r"\.")):
        contact_from_config(extra, "en")


def test_statement_shows_the_contact_in_each_language(built_site: BuiltSite) -> None:
    for prefix, name in (("", "Pengelola situs P2HAM"), ("en/", "P2HAM site team")):
        page = BeautifulSoup((built_site.path / prefix / "aksesibilitas" / "index.html").read_text("utf-8"),
                             "html.parser")
        contact = page.select_one("[data-p2ham-contact]")
        assert contact is not None and name in contact.get_text()
        assert contact.select_one("a[href='mailto:p2ham@example.org']") is not None
        assert page.select_one("[data-p2ham-contact-placeholder]") is not None  # the sample's address is an example


def test_missing_contact_stops_the_build(tmp_path: Path) -> None:
    config = small_site(tmp_path / "project", {"index.md": "# Beranda\n", "index.en.md": "# Home\n"})
    text = config.read_text("utf-8")
    start = text.index("  contact:\n")
    end = text.index("    email: p2ham@example.org\n") + len("    email: p2ham@example.org\n")
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    result = build_site(tmp_path / "site", config)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "extra.contact: missing" in log and "Traceback" not in log
