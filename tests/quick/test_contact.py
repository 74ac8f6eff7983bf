"""Whom to contact, from the configuration: every missing or bad setting named, and an example address marked as
one (the project never invents a real office's address)."""

from __future__ import annotations

import pytest

from p2ham.course.contact import ContactError, contact_from_config

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
