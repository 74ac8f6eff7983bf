"""Dates, durations and clock times written out in the site's languages (no locale database needed)."""

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


def format_duration(minutes: int, hour_word: str, minute_word: str) -> str:
    """``1 jam 15 menit``, ``45 minutes``, ``2 hours``: the words come from the interface strings."""
    hours, rest = divmod(minutes, 60)
    parts = ([f"{hours} {hour_word}"] if hours else []) + ([f"{rest} {minute_word}"] if rest or not hours else [])
    return " ".join(parts)


def clock_text(minutes: int) -> str:
    """Minutes after midnight as a time of day, HH:MM (08:05)."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def elapsed(minutes: int) -> str:
    """Minutes from a session's start as H:MM (0:00, 1:05)."""
    return f"{minutes // 60}:{minutes % 60:02d}"
