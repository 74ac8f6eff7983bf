"""What the unit pages show, computed from checked data, and rendered from templates in ``overrides/p2ham/``.

Every string from the data reaches HTML through Jinja's autoescaping; free-text notes are Markdown rendered and
then sanitised with nh3 (an allow-list of a few inline and list tags, links only to http, https and mailto).
"""

from __future__ import annotations

import csv
import functools
import html
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import markdown
import nh3

from p2ham.core.dates import long_date
from p2ham.core.render import render
from p2ham.core.source import front_matter_text
from p2ham.units.load import UnitData
from p2ham.units.schema import STATUSES, Text, Unit

UNIT_DIR = "unit-kerja"  # the overview is UNIT_DIR/index.md; each unit's page is UNIT_DIR/<id>/
UNIT_MARKER = "unit"  # where a unit's page gets its HTML
OVERVIEW_MARKER = "unit-overview"  # where the overview page gets the table of units
DATA_NOTICE_MARKER = "unit-data-notice"  # a sentence on whose data the site shows (the About page)
DATA_JSON = f"{UNIT_DIR}/data.json"
DATA_CSV = f"{UNIT_DIR}/data.csv"
NOTE_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "br"}
# Characters that make a spreadsheet treat a cell as a formula (CSV injection): such cells get a leading quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


_NOTES = markdown.Markdown()  # one parser for every note of every unit: making one costs more than a short note


@functools.lru_cache(maxsize=4096)  # the same note is rendered on the unit's page in each language
def note_html(text: str | None) -> str:
    """A little Markdown from the data, as safe HTML."""
    if not text:
        return ""
    rendered = _NOTES.reset().convert(text)
    return nh3.clean(rendered, tags=NOTE_TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer nofollow")


def t(text: Text, lang: str) -> str:
    return text.en if lang == "en" else text.id


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


@dataclass
class UnitPages:
    """The unit pages of the language being built: the data, and the address of every page and badge."""

    data: UnitData
    overview: str = ""  # the overview page's URL
    urls: dict[str, str] = field(default_factory=dict)  # unit id -> its page's URL
    badges: dict[str, str] = field(default_factory=dict)  # unit id -> its badge's URL
    pages: dict[str, Unit] = field(default_factory=dict)  # generated page's source path -> its unit


@dataclass(frozen=True)
class Links:
    """Addresses a unit page or the overview needs, relative to the page being rendered."""

    overview: str
    unit: dict[str, str]  # unit id -> address
    data_json: str
    data_csv: str
    badge: str = ""
    badge_absolute: str = ""
    page_absolute: str = ""


class Labels:
    """Framework labels by id, in one language."""

    def __init__(self, data: UnitData, lang: str) -> None:
        framework = data.framework
        self.stage = {s.id: t(s.label, lang) for s in framework.stages}
        self.stage_order = [s.id for s in framework.stages]
        self.result = {r.id: t(r.label, lang) for r in framework.results}
        self.type = {u.id: t(u.label, lang) for u in framework.unit_types}


def criteria_progress(unit: Unit, data: UnitData, lang: str) -> list[dict[str, Any]]:
    rows = []
    for criterion in data.framework.criteria:
        counts: Counter[str] = Counter()
        for indicator in criterion.indicators:
            state = unit.indicators.get(indicator.id)
            counts[state.status if state else "belum"] += 1
        total = len(criterion.indicators)
        row: dict[str, Any] = {"id": criterion.id, "label": t(criterion.label, lang), "total": total,
                               "percent": percent(counts["ada"], total),
                               "widths": {status: 100 * counts[status] / total for status in STATUSES}}
        row.update({status: counts[status] for status in STATUSES})
        rows.append(row)
    return rows


def indicator_rows(unit: Unit, data: UnitData, lang: str) -> list[dict[str, Any]]:
    rows = []
    for criterion in data.framework.criteria:
        for indicator in criterion.indicators:
            state = unit.indicators.get(indicator.id)
            rows.append({"criterion": t(criterion.label, lang), "label": t(indicator.label, lang),
                         "status": state.status if state else "belum",
                         "note": note_html(state.note if state else None),
                         "date": long_date(state.date, lang) if state and state.date else "",
                         "iso_date": state.date.isoformat() if state and state.date else ""})
    return rows


def ready_share(unit: Unit, data: UnitData) -> tuple[int, int]:
    total = sum(len(c.indicators) for c in data.framework.criteria)
    ready = sum(1 for state in unit.indicators.values() if state.status == "ada")
    return ready, total


def render_unit(unit: Unit, data: UnitData, lang: str, strings: dict[str, str], links: Links) -> str:
    labels = Labels(data, lang)
    parent = data.unit(unit.parent) if unit.parent else None
    history = [{"year": h.year, "stage": labels.stage[h.stage], "result": labels.result.get(h.result or "", ""),
                "decree": h.decree or ""} for h in sorted(unit.history, key=lambda h: h.year, reverse=True)]
    return render(
        "unit.html", unit=unit, lang=lang, s=strings, links=links, sample=data.dataset.sample,
        name=t(unit.name, lang), type_label=labels.type[unit.type],
        parent={"name": t(parent.name, lang), "url": links.unit[parent.id]} if parent else None,
        stages=[{"id": sid, "label": labels.stage[sid], "current": sid == unit.stage} for sid in labels.stage_order],
        criteria=criteria_progress(unit, data, lang), indicators=indicator_rows(unit, data, lang),
        history=history, actions=[t(a, lang) for a in unit.next_actions],
        as_of=long_date(data.dataset.as_of, lang), as_of_iso=data.dataset.as_of.isoformat(),
        office=t(data.dataset.office, lang), regulation=t(data.framework.regulation, lang),
        badge_snippet=badge_snippet(unit, data, lang, links, strings),
    )


def badge_text(unit: Unit, data: UnitData, lang: str, strings: dict[str, str]) -> tuple[str, str]:
    """(left, right) text of a unit's badge."""
    labels = Labels(data, lang)
    value = (strings["unit_badge_predicate"].format(year=unit.predicate.year) if unit.predicate
             else labels.stage[unit.stage])
    if data.dataset.sample:
        value = f"{value} ({strings['unit_badge_sample']})"
    return strings["unit_badge_label"], value


def text_width(text: str) -> int:
    """Approximate width in pixels of text at 11 px in a sans-serif font (for the badge layout)."""
    return round(sum(4 if c in "il.,:;|!()' " else 9 if c.isupper() or c in "mw" else 6.5 for c in text)) + 12


def render_badge(unit: Unit, data: UnitData, lang: str, strings: dict[str, str]) -> str:
    left, right = badge_text(unit, data, lang, strings)
    left_width, right_width = text_width(left), text_width(right)
    return render("badge.svg.html", left=left, right=right, left_width=left_width, right_width=right_width,
                  width=left_width + right_width, name=t(unit.name, lang), holds=unit.predicate is not None,
                  lang=lang)


def badge_snippet(unit: Unit, data: UnitData, lang: str, links: Links, strings: dict[str, str]) -> str:
    left, right = badge_text(unit, data, lang, strings)
    return render("badge-snippet.html", page=links.page_absolute, badge=links.badge_absolute,
                  alt=f"{left}: {right}. {t(unit.name, lang)}").strip()


def overview(data: UnitData, lang: str, strings: dict[str, str], links: Links) -> str:
    labels = Labels(data, lang)
    units = data.units
    holding = [u for u in units if u.predicate]
    target = data.dataset.target.units_with_predicate
    by_stage = Counter(u.stage for u in units)
    by_type = Counter(u.type for u in units)
    by_region = Counter(u.region for u in units)
    holding_by_type = Counter(u.type for u in holding)
    holding_by_region = Counter(u.region for u in holding)
    rows = []
    for unit in sorted(units, key=lambda u: t(u.name, lang).casefold()):
        ready, total = ready_share(unit, data)
        rows.append({"id": unit.id, "name": t(unit.name, lang), "url": links.unit[unit.id],
                     "type": labels.type[unit.type], "region": unit.region, "stage": labels.stage[unit.stage],
                     "stage_rank": labels.stage_order.index(unit.stage), "predicate": unit.predicate is not None,
                     "ready": percent(ready, total)})
    return render(
        "units-overview.html", s=strings, lang=lang, links=links, sample=data.dataset.sample,
        office=t(data.dataset.office, lang), as_of=long_date(data.dataset.as_of, lang),
        as_of_iso=data.dataset.as_of.isoformat(), total=len(units), holding=len(holding), target=target,
        target_text=t(data.dataset.target.description, lang),
        target_date=long_date(data.dataset.target.date, lang),
        target_percent=percent(len(holding), target), regulation=t(data.framework.regulation, lang),
        stages=[{"label": labels.stage[sid], "count": by_stage[sid],
                 "width": 100 * by_stage[sid] / max(len(units), 1)} for sid in labels.stage_order],
        types=[{"label": labels.type[tid], "count": count, "holding": holding_by_type[tid]}
               for tid, count in sorted(by_type.items(), key=lambda kv: (-kv[1], labels.type[kv[0]]))],
        regions=[{"label": region, "count": count, "holding": holding_by_region[region]}
                 for region, count in sorted(by_region.items(), key=lambda kv: (-kv[1], kv[0]))],
        rows=rows,
    )


def open_data(data: UnitData) -> dict[str, Any]:
    """The whole dataset, as published: framework labels in both languages, every unit."""
    return {
        "sample": data.dataset.sample,
        "dataset": data.dataset.model_dump(mode="json"),
        "framework": data.framework.model_dump(mode="json"),
        "units": [unit.model_dump(mode="json", exclude_none=True) for unit in data.units],
    }


def open_data_json(data: UnitData) -> str:
    return json.dumps(open_data(data), ensure_ascii=False, indent=1) + "\n"


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def open_data_csv(data: UnitData) -> str:
    """One row per unit, one column per indicator (its status), for spreadsheets."""
    indicators = [i.id for c in data.framework.criteria for i in c.indicators]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "name_id", "name_en", "type", "parent", "region", "stage", "predicate_year",
                     "predicate_decree", "sample", "as_of", *indicators])
    for unit in data.units:
        writer.writerow([_cell(v) for v in (
            unit.id, unit.name.id, unit.name.en, unit.type, unit.parent, unit.region, unit.stage,
            unit.predicate.year if unit.predicate else "", unit.predicate.decree if unit.predicate else "",
            "true" if data.dataset.sample else "false", data.dataset.as_of.isoformat(),
            *[unit.indicators[i].status if i in unit.indicators else "" for i in indicators])])
    return out.getvalue()


def unit_markdown(title: str, description: str) -> str:
    """A unit's generated page: front matter written by the YAML library (so data cannot break it) and a marker
    where the unit's HTML goes after Markdown (nothing in the data is read as Markdown, and the parser never walks
    a large HTML block).

    The theme prints a page's title and description without escaping (MkDocs templates do not autoescape), so
    text from the data is escaped here. Unit pages stay out of the search index: the overview, with every unit's
    name, is indexed instead.
    """
    meta = {"title": html.escape(title), "description": html.escape(description), "search": {"exclude": True},
            "hide": ["toc"]}
    return front_matter_text(meta) + f"<!-- p2ham:{UNIT_MARKER} -->\n"


def unit_description(unit: Unit, data: UnitData, lang: str, strings: dict[str, str]) -> str:
    """The one-line description of a unit's page (search results, link previews)."""
    return f"{t(unit.name, lang)}: P2HAM. {strings['unit_as_of']} {data.dataset.as_of.isoformat()}."


def data_notice(data: UnitData, lang: str, strings: dict[str, str]) -> str:
    """A paragraph on whose unit data the site shows: an illustrative sample, or an office's data as of a date.
    Markdown (the strings may emphasise); the office's name comes from the data and is escaped."""
    office = html.escape(t(data.dataset.office, lang))
    if data.dataset.sample:
        return strings["unit_data_sample"]
    return strings["unit_data_real"].format(office=office, as_of=long_date(data.dataset.as_of, lang))
