"""A layout that grows with the content: the fixture site with twelve modules whose titles are about a hundred
characters long, a wide table in every view, and a last module that has grown to two dozen sections, checked on every
kind of page (`layout_paths`).

The left navigation then no longer fits a desktop screen: Material scrolls it to the active link when a page opens
(and the table of contents, to the section read). axe must find 0 violations at a phone's width (360x740), on a
desktop (1280x800) and on a laptop's screen (1280x720), nothing may cover a link or a control, and no page may be
wider than the screen at 360 and at 320 px. The site is built once for the module; each page is loaded once per
viewport, in tabs that are reused (tests/browsing.py: `site_report`)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from browsing import (
    NARROW,
    VIEWPORTS,
    Report,
    axe_violations,
    covered_controls,
    describe_violations,
    horizontal_overflow,
    origin,
    site_report,
)
from conftest import figure
from helpers import SITE_FIXTURE, BuiltSite, PendingBuild, built, make_project, read_config, serve, write_config

from p2ham.trainer.views import DECKS, PRINT_ALL, VIEW_PARTS

# The fixture's two modules (the agenda names them) and ten copies of the first: twelve in all.
SLUGS = ["alfa", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "omega"]
COPIED = "alfa"  # the module the copies are made from (quiz, trainer's notes, checklist, a table)
LOADED = "omega"  # the module whose page and views are loaded: the last, its link at the end of the list
TITLES = {  # about a hundred characters each, so that every title wraps over several lines of the navigation
    "id": "Modul {n}: Pelayanan publik berbasis hak asasi manusia bagi kelompok rentan di unit layanan terpadu",
    "en": "Module {n}: Human-rights-based public service for vulnerable groups at an integrated service unit desk",
}
# A comparison table wider than the desktop's content column, placed under each module's title: in both handouts
# and, twelve times, in the print-all page (not in the one-page summary, nor in the presentation's two windows,
# which show slides only).
# Long words and legal references keep its columns from shrinking.
WIDE_TABLE = {
    "id": ("| Unit | Layanan | Persyaratan | Waktu | Biaya | Pengaduan | Sarana | Dasar hukum | Kewarganegaraan |\n"
           "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
           "| Lapas Uji | Kunjungan keluarga | Kartu identitas pengunjung | 15 menit | Tanpa biaya | Kotak dan "
           "telepon | Ruang tunggu ramah anak | Permenkumham-2/2022-Pasal-14 | Warga negara Indonesia |\n"
           "| Kanim Uji | Paspor | Kartu identitas dan kartu keluarga | 4 hari kerja | Sesuai tarif | Loket "
           "pengaduan | Loket prioritas dan kursi roda | Permenkumham-8/2014-Pasal-3 | Warga negara asing |\n"),
    "en": ("| Unit | Service | Requirements | Time | Cost | Complaints | Facilities | Legal basis | Citizenship |\n"
           "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
           "| Test prison | Family visit | Visitor's identity card | 15 minutes | Free of charge | Box and "
           "telephone | Child-friendly waiting room | Ministerial-Regulation-2/2022-Article-14 | Indonesian citizen |\n"
           "| Test immigration office | Passport | Identity card and family card | 4 working days | As per tariff | "
           "Complaints counter | Priority counter and wheelchair | Ministerial-Regulation-8/2014-Article-3 | Foreign "
           "national |\n"),
}
WIDE_HEADER = {"id": "Kewarganegaraan", "en": "Citizenship"}
# The last module has grown: twenty more sections, so that its table of contents is longer than the screen too.
EXTRA_SECTIONS = 20
SECTION = {"id": "## Contoh {i}: layanan di loket unit layanan terpadu\n\nContoh {i} dari loket uji.\n",
           "en": "## Example {i}: service at the integrated service unit desk\n\nExample {i} from the test desk.\n"}
LAST_SECTION = {"id": f"contoh-{EXTRA_SECTIONS}-layanan-di-loket-unit-layanan-terpadu",
                "en": f"example-{EXTRA_SECTIONS}-service-at-the-integrated-service-unit-desk"}
PREVIEWS_HOOK = "hooks/previews.py"
# A phone, a desktop, and a laptop's 720 px high screen, where the navigation overflows most.
VIEWPORTS_CHECKED = {**VIEWPORTS, "desktop 720": {"width": 1280, "height": 720}}
LANGS = (("", "id"), ("en/", "en"))  # address prefix, language


def module_page(text: str, slug: str, number: int, lang: str) -> str:
    """A module's page made from the fixture's text: its number, a long title, quiz ids of its own, a wide table
    under its title; the last module also gets its extra sections."""
    title = TITLES[lang].format(n=number)
    text = re.sub(r"^title: .*$", lambda _: f"title: {json.dumps(title)}", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^module: \d+$", f"module: {number}", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^(\s+id: )[a-z]+-", rf"\g<1>{slug}-", text, flags=re.MULTILINE)
    text = re.sub(r"^# .*$", lambda _: f"# {title}", text, count=1, flags=re.MULTILINE)
    intro = re.search(r"^# .*\n\n.+\n", text, flags=re.MULTILINE)  # the title and the paragraph under it
    assert intro, f"no paragraph under the title of the fixture's module {slug}"
    text = f"{text[: intro.end()]}\n{WIDE_TABLE[lang]}{text[intro.end():]}"
    if slug == LOADED:
        text += "".join("\n" + SECTION[lang].format(i=i) for i in range(1, EXTRA_SECTIONS + 1))
    return text


def twelve_module_project(folder: Path) -> Path:
    """The fixture site with twelve modules (the fixture's two and ten copies of its first), all in the
    navigation; returns its mkdocs.yml."""
    modules = SITE_FIXTURE / "docs" / "modul"
    pages: dict[str, str | None] = {}
    for number, slug in enumerate(SLUGS, start=1):
        source = slug if slug in ("alfa", "beta") else COPIED
        for prefix, lang in LANGS:
            suffix = f".{prefix.rstrip('/')}" if prefix else ""
            text = (modules / f"{source}{suffix}.md").read_text(encoding="utf-8")
            pages[f"modul/{slug}{suffix}.md"] = module_page(text, slug, number, lang)
    nav = yaml.safe_load((SITE_FIXTURE / "site.yml").read_text(encoding="utf-8"))["nav"]
    section = next(entry for entry in nav if "Modul" in entry)
    section["Modul"] = [f"modul/{slug}.md" for slug in SLUGS]
    # The new modules' pages are published: listed beside the fixture's, as an office adding modules does.
    listed = (SITE_FIXTURE / "published-addresses.txt").read_text(encoding="utf-8").splitlines()
    listed += [line.replace(f"/modul/{COPIED}/", f"/modul/{slug}/") for line in listed if f"/modul/{COPIED}/" in line
               for slug in SLUGS if slug not in ("alfa", "beta")]
    files = {"published-addresses.txt": "\n".join(sorted(listed)) + "\n"}
    config_file = make_project(folder, pages, files=files, settings={"nav": nav})
    # Without link-preview cards: drawn at build time for each of the ~130 pages, they took two thirds of the
    # build, and no reader sees them on the page (a page without its card only lacks the og:image tags).
    config = read_config(config_file)
    config["hooks"] = [hook for hook in config["hooks"] if hook != PREVIEWS_HOOK]
    # The fixture's morning agenda still teaches its two modules: the ten copies are in no agenda.
    config["extra"]["content_rules"]["agendas_teach_every_module"] = []
    write_config(config_file, config)
    return config_file


def layout_paths() -> list[str]:
    """Every kind of page in Indonesian: home, start page (learning path), a module page and its five views, the
    print-all page, the trainer hub, the agenda, the progress page, the unit overview and a unit page. In English,
    the pages where the other language's text changes the layout (the module, its handout and the print-all page,
    with the wide table, and its presentation); the other kinds share their layout with the Indonesian pages."""
    paths = ["", "mulai/", f"modul/{LOADED}/", *(f"modul/{LOADED}/{part}/" for part in VIEW_PARTS.values()),
             f"{PRINT_ALL}/", "pemandu/", "agenda/", "kemajuan/", "unit-kerja/", "unit-kerja/lapas-uji/"]
    english = [f"modul/{LOADED}/", f"modul/{LOADED}/{VIEW_PARTS['presentation']}/",
               f"modul/{LOADED}/{VIEW_PARTS['handout']}/", f"{PRINT_ALL}/"]
    return paths + [f"en/{path}" for path in english]


@pytest.fixture(scope="module")
def twelve_modules(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The twelve-module site, built once and strictly."""
    start = time.monotonic()
    config = twelve_module_project(tmp_path_factory.mktemp("twelve-modules"))
    site = built(PendingBuild(config), config)
    figure("layout test: build of the twelve-module site", f"{time.monotonic() - start:.1f} s")
    return site


@pytest.fixture(scope="module")
def server(twelve_modules: BuiltSite) -> Any:
    with serve(twelve_modules.path, twelve_modules.base_path) as root:
        yield root


@pytest.fixture(scope="module")
def report(twelve_modules: BuiltSite, server: str, browser: Any) -> Report:
    start = time.monotonic()
    server_root = server[: -len(twelve_modules.base_path)]
    urls = [twelve_modules.base_path + path for path in layout_paths()]
    found = site_report(browser, server_root, urls, VIEWPORTS_CHECKED)
    figure("layout test: pages checked", f"{len(found.axe)} page loads with axe in {time.monotonic() - start:.1f} s")
    return found


def test_the_site_has_twelve_long_modules_and_a_wide_table_in_every_view(twelve_modules: BuiltSite) -> None:
    for prefix, lang in LANGS:
        page = twelve_modules.page(f"{prefix}modul/{LOADED}/")
        titles = [TITLES[lang].format(n=number) for number in range(1, len(SLUGS) + 1)]
        links = [link.get_text(" ", strip=True) for link in page.select(".md-sidebar--primary .md-nav__link")]
        assert [title for title in titles if title in links] == titles
        assert min(len(title) for title in titles) >= 95
        # The one-page summary carries the key points only, the presentation's windows slides only: the other
        # views carry the table under the title.
        views = [twelve_modules.page(f"{prefix}modul/{LOADED}/{part}/") for view, part in VIEW_PARTS.items()
                 if view != "summary" and view not in DECKS]
        print_all = twelve_modules.page(f"{prefix}{PRINT_ALL}/")
        for view in [page, *views]:
            assert [th for th in view.select(".md-content table th") if th.get_text() == WIDE_HEADER[lang]]
        assert len([th for th in print_all.select(".md-content table th")
                    if th.get_text() == WIDE_HEADER[lang]]) == len(SLUGS)
        assert page.find(id=LAST_SECTION[lang]) is not None


@pytest.mark.parametrize("check", ["axe violations", "covered controls", "wider than the screen",
                                   "failed requests and script errors"])
def test_every_kind_of_page_passes(report: Report, server: str, twelve_modules: BuiltSite, check: str) -> None:
    assert {url for url, _ in report.axe} == {twelve_modules.base_path + path for path in layout_paths()}
    assert {viewport for _, viewport in report.axe} == set(VIEWPORTS_CHECKED)
    assert {viewport for _, viewport in report.overflow} >= {"phone", "narrow"}
    problems = report.problems(origin(server))[check]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(("prefix", "lang"), LANGS)
def test_a_page_opened_at_its_last_section_keeps_both_sidebars_uncovered(browser: Any, server: str, prefix: str,
                                                                        lang: str) -> None:
    """A link to a section near the end of a long module (the trainer hub's timing table links to sections): the
    page opens scrolled, and Material scrolls the table of contents to that section."""
    context = browser.new_context(viewport=VIEWPORTS_CHECKED["desktop 720"], service_workers="block")
    page = context.new_page()
    url = f"{server}{prefix}modul/{LOADED}/#{LAST_SECTION[lang]}"
    page.goto(url, wait_until="load")
    horizontal_overflow(page)  # settles the page: the table of contents has followed
    scrolled = page.evaluate("document.querySelector('.md-sidebar--secondary .md-sidebar__scrollwrap').scrollTop")
    covered = covered_controls(page, ".md-sidebar")
    violations = describe_violations(url, "desktop 720", axe_violations(page, settle=False))
    context.close()
    assert scrolled > 0, "the table of contents fits the screen: this test needs a longer one"
    assert covered == [], "\n".join(covered)
    assert violations == [], "\n".join(violations)


def test_pages_fit_the_phone_before_their_scripts_ran(browser: Any, server: str) -> None:
    """Material's script puts each table in its scroll box once the page has loaded: on a long page and a slow
    phone, the reader sees it before that (and without scripts, always). It must not be wider than the screen."""
    context = browser.new_context(viewport=NARROW, java_script_enabled=False)
    page = context.new_page()
    wider = {}
    for path in [f"{prefix}{view}" for prefix, _ in LANGS for view in (f"modul/{LOADED}/", f"{PRINT_ALL}/")]:
        page.goto(server + path, wait_until="load")
        # Measured at once: nothing changes a page without scripts once it has loaded (and the frames that
        # horizontal_overflow waits for are script callbacks, which never run here).
        wider[path] = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert wider == dict.fromkeys(wider, 0)

