"""Hook: the trainer's toolkit built from the modules' own Markdown. For the language being built it adds, per
module, a presentation (the projected window) and its speaker view, a trainer's handout, a participant's handout
and a one-page summary (stopping the build, every module named at its line, when a module lacks a section the
summary is made of), and one "print everything" page; it tells the trainer-notes extension
(:mod:`p2ham.mdext.trainer`) which view each page is, checks every module's section minutes against its duration and
its slide blocks against the content rules, both against its default-language page, puts the title slide and the
quiz's QR code in each deck, and fills the markers ``module-qr``, ``trainer-kit`` and ``offline-archive``. Thin
adapter over :mod:`p2ham.trainer`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine import (
    SOURCE_LANG,
    add_to_sitemap,
    configure_extension,
    content_rules,
    context,
    fail,
    generated_page,
    page_language,
)
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from p2ham.core.addresses import public_address, short_address
from p2ham.core.dates import elapsed
from p2ham.core.errors import ContentError, Problem
from p2ham.core.markers import Phase
from p2ham.core.render import render
from p2ham.course.modules import MODULE_DIR, module_of, source_name, title_line
from p2ham.mdext.slides import QUIZ_QR
from p2ham.mdext.trainer import TrainerExtension
from p2ham.mdext.view import DECK_VIEWS
from p2ham.publish.offline import ARCHIVE_PATH
from p2ham.publish.share import cached_qr_svg, qr_path
from p2ham.trainer.printall import PRINT_ALL_MARKER, Part, rebase_part
from p2ham.trainer.slides import compare_slides, slide_limits, slide_problems
from p2ham.trainer.summary import SUMMARY, summary_markdown
from p2ham.trainer.timing import compare_timing, insert_before_first_h2, timing_problems, timing_rows
from p2ham.trainer.views import PRINT_ALL, QR_MARKER, VIEW_PARTS, print_all_markdown, view_markdown, view_title

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

EXTENSION = "p2ham.mdext.trainer"
TEMPLATES = {"presentation": "p2ham-presentation.html", "speaker": "p2ham-speaker.html",
             "summary": "p2ham-summary.html"}
PARTNERS = {"presentation": "speaker", "speaker": "presentation"}  # the deck in the other window
QUIZ_QR_PART = "kuis"  # the quiz's QR code, beside the module page's: modul/x/index.kuis.qr.svg
QUIZ_QR_PLACE = re.compile(rf'<div class="p2ham-slide__quiz" {QUIZ_QR}="([^"]*)"></div>')


def on_config(config: MkDocsConfig) -> None:
    ctx = context(config)
    configure_extension(config, EXTENSION, TrainerExtension.OPTION, ctx.view, "hooks/trainer.py")
    ctx.run.sections[ctx.lang], ctx.run.slides[ctx.lang] = {}, {}
    ctx.markers.register(QR_MARKER, Phase.MARKDOWN, lambda page: _module_qr(page, config))
    ctx.markers.register("trainer-kit", Phase.MARKDOWN, lambda page: _trainer_kit(page, config))
    ctx.markers.register("offline-archive", Phase.MARKDOWN, lambda page: _offline_archive(page, config))
    ctx.markers.register(PRINT_ALL_MARKER, Phase.LATE, lambda page: _print_all(page, config))


@event_priority(-110)  # after static-i18n (-100) has made this language's file list
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    ctx = context(config)
    rules = content_rules(config)
    pages: list[File] = []
    problems: list[Problem] = []
    for module in ctx.modules:
        text = (ctx.docs / module.source).read_text(encoding="utf-8")
        ctx.module_views[module.slug] = {}
        # An untranslated module's views are in its default language: they say so, as its page does.
        written = ctx.lang if module.source == source_name(module.slug, ctx.lang, ctx.default) else ctx.default
        for view, part in VIEW_PARTS.items():
            title = view_title(view, module.title, ctx.t)
            extra: dict[str, str] = {"template": TEMPLATES[view]} if view in TEMPLATES else {}
            if written != ctx.lang:
                extra[SOURCE_LANG] = written
            if view == SUMMARY:
                # An untranslated module's summary: its default language's text, with that language's headings.
                try:
                    content = summary_markdown(text, module.source, written, module.slug, title, rules, extra)
                except ContentError as error:
                    problems += error.problems
                    continue
            else:
                content = view_markdown(text, view, module.slug, title, extra)
            page = generated_page(config, f"{MODULE_DIR}/{module.slug}.{part}.md", f"{MODULE_DIR}/{module.slug}/{part}",
                                  ctx.lang, content)
            ctx.module_views[module.slug][view] = page.url
            if view == "handout":
                ctx.handouts[module.slug] = page
            pages.append(page)
    if problems:
        fail("A module lacks a section of its one-page summary", ContentError(problems))
    if ctx.modules:
        t = ctx.t
        content = print_all_markdown(t["print_all_title"], t["print_all_description"], t["print_all_intro"])
        page = generated_page(config, f"{MODULE_DIR}/{PRINT_ALL}.md", PRINT_ALL, ctx.lang, content)
        ctx.print_all_url = page.url
        pages.append(page)
    for page in pages:
        files.append(page)
    add_to_sitemap(config, ctx.lang, pages)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    ctx = context(config)
    ctx.view.start(str(page.meta.get("p2ham_view") or "participant"), ctx.strings[page_language(page, config)])
    return None


def _module_qr(page: Page, config: MkDocsConfig) -> str:
    ctx = context(config)
    target = ctx.module_pages[str(page.meta.get("p2ham_module", ""))]
    return render("module-qr.html", src=get_relative_url(qr_path(target.dest), page.file.url),
                  address=public_address(config.site_url, target.url), t=ctx.strings[page_language(page, config)],
                  view=str(page.meta.get("p2ham_view") or "participant"))


def _print_all(page: Page, config: MkDocsConfig) -> str:
    """Every module's participant's handout as rendered, rebased to this page."""
    ctx = context(config)
    parts = []
    for module in ctx.modules:
        handout = ctx.handouts[module.slug].page
        html = ctx.markers.fill(handout.content or "", Phase.LATE, handout)
        prefix = f"{module.slug}--"
        parts.append(Part(module.slug, rebase_part(html, prefix, handout.url, page.url),
                          str(handout.meta.get(SOURCE_LANG) or ctx.lang)))
    return render("print-all.html", parts=parts, lang=ctx.lang)


def _trainer_kit(page: Page, config: MkDocsConfig) -> str:
    ctx = context(config)
    lang = page_language(page, config)

    def link(url: str) -> str:
        return get_relative_url(url, page.file.url)

    rows = [{"module": module, "page": link(ctx.module_pages[module.slug].url),
             "links": {view: link(url) for view, url in ctx.module_views[module.slug].items()},
             "duration": ctx.duration(module.duration, lang)} for module in ctx.modules]
    print_all = link(ctx.print_all_url) if ctx.print_all_url else ""
    return render("trainer-kit.html", rows=rows, print_all=print_all, t=ctx.strings[lang])


def _offline_archive(page: Page, config: MkDocsConfig) -> str:
    """The link to the offline archive, made by ``./dev build`` (p2ham-offline), never inside the archive itself."""
    ctx = context(config)
    return render("offline-archive.html", offline=ctx.offline, href=get_relative_url(ARCHIVE_PATH, page.file.url),
                  t=ctx.strings[page_language(page, config)])


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    ctx = context(config)
    view = page.meta.get("p2ham_view")
    slug = str(page.meta.get("p2ham_module") or "") if view else module_of(page.file.src_uri)
    if not view and slug and ctx.module(slug):
        _check_module(slug, page, config)
    elif view in DECK_VIEWS and slug:
        return _deck(html, page, config)
    elif view == "trainer":
        rows = timing_rows(ctx.view.sections)
        table = render("timing.html", rows=[{"row": row, "start": elapsed(row.start), "end": elapsed(row.end)}
                                            for row in rows], total=elapsed(rows[-1].end) if rows else "",
                       t=ctx.strings[page_language(page, config)])
        return insert_before_first_h2(html, table)
    return None


def _check_module(slug: str, page: Page, config: MkDocsConfig) -> None:
    ctx = context(config)
    module = ctx.module(slug)
    assert module is not None
    source = page.file.src_uri
    text = page.file.content_string
    problems = timing_problems(source, text, ctx.view.sections, ctx.view.problems, module.duration,
                               module.duration_line)
    problems += slide_problems(source, text, ctx.view.slides, ctx.view.sections, slide_limits(content_rules(config)),
                               title_line(text))
    reference = ctx.run.sections.get(ctx.default, {}).get(slug)
    if ctx.lang != ctx.default and reference is not None:
        problems += compare_timing(reference, ctx.view.sections, f"{MODULE_DIR}/{slug}.md", source, text)
        problems += compare_slides(ctx.run.slides[ctx.default][slug], len(reference), ctx.view.slides,
                                   len(ctx.view.sections), f"{MODULE_DIR}/{slug}.md", source, text)
    ctx.page_problems += problems  # every page's, reported together before any page is written (hooks/context.py)
    ctx.run.sections[ctx.lang][slug] = list(ctx.view.sections)
    ctx.run.slides[ctx.lang][slug] = list(ctx.view.slides)


def _deck(html: str, page: Page, config: MkDocsConfig) -> str:
    """A deck's page: its title slide (the module's title, number, duration and the QR code of its page), then the
    slides the extension made, the closing one with the QR code of the quiz on the module's page."""
    ctx = context(config)
    module = ctx.module(str(page.meta["p2ham_module"]))
    assert module is not None
    target = ctx.module_pages[module.slug]
    lang = page_language(page, config)
    t = ctx.strings[lang]
    address = public_address(config.site_url, target.url)

    def src(part: str) -> str:
        return get_relative_url(qr_path(target.dest, part), page.file.url)

    title = render("slide-title.html", module=module, duration=ctx.duration(module.duration, lang), t=t,
                   last=ctx.view.deck.last, src=src(""), address=address, shown=short_address(address),
                   hint=t["module_qr_hint"], view="slide")

    def quiz(match: re.Match[str]) -> str:
        quiz_address = f"{address}#{match.group(1)}"
        page.meta["p2ham_quiz_qr"] = {"path": qr_path(target.dest, QUIZ_QR_PART), "address": quiz_address}
        return render("module-qr.html", src=src(QUIZ_QR_PART), address=quiz_address, shown=short_address(quiz_address),
                      hint=t["present_quiz_hint"], t=t, view="quiz")

    return title + QUIZ_QR_PLACE.sub(quiz, html)


def on_page_context(context_: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
    view = page.meta.get("p2ham_view")
    if view:
        ctx = context(config)
        slug = str(page.meta.get("p2ham_module", ""))
        target = ctx.module_pages.get(slug)
        lang = page_language(page, config)
        partner = ctx.module_views.get(slug, {}).get(PARTNERS.get(str(view), ""), "")
        context_["p2ham_view"] = {
            "view": view,
            "module_url": get_relative_url(target.url, page.file.url) if target else "",
            "strings": ctx.strings[lang],
            # A deck's other window (the projected one's speaker view, and back), and what names the pair.
            "partner_url": get_relative_url(partner, page.file.url) if partner else "",
            "deck": f"{ctx.lang}/{slug}",
            # The language of its text: an untranslated module's views are in the default language, and say so.
            "lang": ctx.lang,
            "content_lang": lang,
            "untranslated": bool(page.meta.get(SOURCE_LANG)) and page.meta.get("translation") == "pending",
        }
        quiz_qr = page.meta.get("p2ham_quiz_qr")
        if quiz_qr:
            out = Path(config.site_dir) / quiz_qr["path"]
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(cached_qr_svg(ctx.cache, quiz_qr["address"]), encoding="utf-8")
    return context_
