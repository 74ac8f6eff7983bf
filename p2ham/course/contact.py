"""Whom readers contact about the site (the accessibility statement shows it), from the site configuration.

The project does not invent a real office's address: the bundled configuration uses a reserved example domain
(RFC 2606), and the page then says plainly that the address is a placeholder to be set when the site is
published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

EXAMPLE_DOMAINS = re.compile(r"(^|\.)example(\.(com|net|org))?$|\.(example|invalid|test)$", re.IGNORECASE)
EMAIL = re.compile(r"^[^@\s<>\"]+@([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)$")


class ContactError(Exception):
    """The contact configuration is missing or incomplete."""


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    url: str | None
    placeholder: bool  # an example address, not a real one


def contact_from_config(extra: Any, lang: str) -> Contact:
    """The contact in `lang` from `extra.contact` of mkdocs.yml: ``name`` (per language), ``email``, ``url``."""
    where = "mkdocs.yml: extra.contact"
    contact = extra.get("contact") if hasattr(extra, "get") else None
    if not isinstance(contact, dict):
        raise ContactError(f"{where}: missing; the accessibility statement needs whom to contact "
                           "(name per language and email)")
    names = contact.get("name")
    name = names.get(lang) if isinstance(names, dict) else None
    if not isinstance(name, str) or not name.strip():
        raise ContactError(f"{where}.name.{lang}: missing; give the name in every language")
    email = contact.get("email")
    match = EMAIL.match(email) if isinstance(email, str) else None
    if match is None:
        raise ContactError(f"{where}.email: must be an email address, got {email!r}")
    url = contact.get("url")
    if url is not None and (not isinstance(url, str) or not url.startswith("https://")):
        raise ContactError(f"{where}.url: must be an https:// address")
    return Contact(name=name.strip(), email=str(email), url=url,
                   placeholder=bool(EXAMPLE_DOMAINS.search(match.group(1))))
