"""Hook: class sessions with a pre-test and a post-test, and no server. For the language being built it adds three
pages, filled at the marker ``class-session``: the trainer's session page (``sesi/``: start a session, its QR code
and address), the participants' page (``ikut/``: join, take the tests, hand in by QR code or short code) and the
trainer's collection page (``sesi/kumpul/``: scan or type codes, the class results). It keeps each quiz question's
block as its module page shows it, checks ``content/sessions.yml`` once every quiz is known (before anything is
written: every problem as ``file:line: field: problem``) and copies the QR libraries from the npm packages into
the site. Thin adapter over :mod:`p2ham.quiz.sessions` and :mod:`p2ham.quiz.handin`; HTML comes from
``overrides/p2ham/session-*.html``, the pages' script is ``docs/assets/javascripts/session.js``.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from engine import add_to_sitemap, context, fail, generated_page, page_language, project_path
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from p2ham.core.addresses import public_address
from p2ham.core.errors import ContentError
from p2ham.core.markers import Phase
from p2ham.core.render import render
from p2ham.core.source import front_matter_text
from p2ham.core.strings import script_strings
from p2ham.course.agendas import AGENDAS_FILE, load_agendas
from p2ham.course.modules import module_of
from p2ham.quiz.handin import ALPHABET
from p2ham.quiz.sessions import (
    SESSION_PAGES,
    SESSIONS_FILE,
    load_sessions,
    numbered,
    question_blocks,
    rebased,
    relative_url,
    session_data,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

MARKER = "class-session"
META = "p2ham_session"  # the page's kind: start, join or collect (overrides/p2ham-session.html reads it)
# The QR libraries the pages use, from the npm packages (package.json) to where the site serves them.
LIBRARIES = {"qrcode-generator/dist/qrcode.js": "assets/javascripts/vendor/qrcode-generator.js",
             "jsqr/dist/jsQR.js": "assets/javascripts/vendor/jsqr.js"}


def _enabled(config: MkDocsConfig) -> bool:
    return project_path(config, SESSIONS_FILE).is_file()


def on_config(config: MkDocsConfig) -> None:
    ctx = context(config)
    ctx.markers.register(MARKER, Phase.LATE, lambda page: _fill(page, config))
    if not _enabled(config):
        return
    for source in LIBRARIES:
        if not (project_path(config, "node_modules") / source).is_file():
            raise PluginError(f"node_modules/{source} not found: the class-session pages serve it from the site. "
                              "Run ./dev setup (it installs the npm packages; needs npm).")


@event_priority(-110)  # after static-i18n (-100) has made this language's file list
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if not _enabled(config):
        return files
    ctx = context(config)
    pages = []
    for kind, path in SESSION_PAGES.items():
        meta = {"title": ctx.t[f"session_{kind}_title"], "description": ctx.t[f"session_{kind}_description"],
                "template": "p2ham-session.html", META: kind, "search": {"exclude": True}}
        content = front_matter_text(meta) + f"# {meta['title']}\n\n<!-- p2ham:{MARKER} -->\n"
        page = generated_page(config, f"{path}.md", path, ctx.lang, content)
        ctx.sessions.pages[kind] = page.url
        if kind == "collect":
            ctx.run.camera_pages.add(page.url)  # the security headers let this page use the camera
        pages.append(page)
        files.append(page)
    add_to_sitemap(config, ctx.lang, pages)
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Keep each question's block as its module's own page shows it, in this language."""
    if _enabled(config) and module_of(page.file.src_uri) and not page.meta.get("p2ham_view"):
        context(config).sessions.blocks.update(
            {qid: (page.url, block) for qid, block in question_blocks(html).items()})
    return None


@event_priority(-50)  # every page is made (the quizzes and the sections are known) and none is written yet
def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    if not _enabled(config):
        return env
    ctx = context(config)
    durations = {module.slug: module.duration for module in ctx.modules}
    try:
        agendas = load_agendas(project_path(config, AGENDAS_FILE), durations, ctx.languages)
        sections = {slug: [section.title for section in found]
                    for slug, found in ctx.run.sections.get(ctx.default, {}).items()}
        ctx.sessions.formats = load_sessions(
            project_path(config, SESSIONS_FILE),
            {agenda.id: [item.module for item in agenda.items if item.module] for agenda in agendas},
            ctx.run.question_ids[ctx.lang], sections)
    except ContentError as error:
        fail("The class sessions' tests have problems (content/sessions.yml)", error)
    ctx.sessions.titles = {agenda.id: agenda.title[ctx.lang] for agenda in agendas}
    return env


def _fill(page: Page, config: MkDocsConfig) -> str:
    ctx = context(config)
    kind = str(page.meta.get(META, ""))
    lang = page_language(page, config)
    state = ctx.sessions
    modules = {module.slug: (module.title, module.number) for module in ctx.modules}

    def section_link(slug: str, index: int) -> tuple[str, str]:
        section = ctx.run.sections[ctx.lang][slug][index]
        target = ctx.module_pages[slug].url + (f"#{section.anchor}" if section.anchor else "")
        return section.title, relative_url(target, page.url)

    data = session_data(state.formats, state.titles, ctx.run.question_ids[ctx.lang], modules, section_link,
                        lambda index: ALPHABET[index])
    links = {other: relative_url(url, page.url) for other, url in state.pages.items()}
    blocks = {}
    if kind == "join":
        blocks = {qid: numbered(rebased(state.blocks[qid][1], state.blocks[qid][0], page.url), "")
                  for qid in data["questions"]}
    strings = ctx.strings[lang]
    return render(f"session-{kind}.html", data=data, blocks=blocks, links=links,
                  join_address=public_address(config.site_url, state.pages["join"]), offline=ctx.offline,
                  t=strings, strings=script_strings(strings, "session_", "quiz_"))


def on_post_build(*, config: MkDocsConfig) -> None:
    if not _enabled(config) or not context(config).last:
        return
    for source, target in LIBRARIES.items():  # static-i18n keeps site_dir at the top for every language
        destination = Path(config.site_dir) / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(project_path(config, "node_modules") / source, destination)
