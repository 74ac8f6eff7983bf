"""Dates written out in the site's languages (no locale database needed on the build machine)."""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def long_date(date: dt.date, lang: str) -> str:
    """``28 November 2026`` in Indonesian and in (British-style) English."""
    return f"{date.day} {MONTHS[lang][date.month - 1]} {date.year}"
