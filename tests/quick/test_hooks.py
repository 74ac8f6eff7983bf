"""The hooks called directly, on the fixture project's loaded configuration (no site is built): the build context,
the page markers, the module box, the untranslated-page warning, the contact and address checks, the quiz's source
lines and the error page per language."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import engine
import pytest
from helpers import SITE_FIXTURE, make_project, read_config, write_config
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from p2ham.core.markers import Phase


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("hooks-project"))


@pytest.fixture
def config(project: Path) -> Iterator[Any]:
    """The project's configuration, loaded and started as `mkdocs build` starts the default language's build (every
    plugin's and hook's on_config ran: the context is made, every marker registered)."""
    loaded = load_config(str(project))
    yield loaded.plugins.on_config(loaded)


def set_language(config: Any, lang: str) -> None:
    config.plugins["i18n"].current_language = lang


def page(config: Any, src_uri: str, content: str | None = None) -> Page:
    """A page of the project as the engine makes it: from its file, or generated with `content`."""
    if content is None:
        file = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    else:
        config.plugins._current_plugin = None  # as while a plugin's event runs
        file = File.generated(config, src_uri, content=content)
    made = Page(None, file, config)
    made.read_source(config)
    return made


def test_the_context_holds_what_every_page_needs_once(config: Any) -> None:
    ctx = engine.context(config)
    assert (ctx.lang, ctx.default, ctx.languages, ctx.last) == ("id", "id", ("id", "en"), False)
    assert [m.slug for m in ctx.modules] == ["alfa", "beta"] and ctx.modules[0].title == "Modul Alfa"
    assert [e.term for e in ctx.glossary] == ["maklumat pelayanan", "ULT"]
    assert ctx.t["module"] == "Modul" and ctx.strings["en"]["module"] == "Module"
    assert ctx.site_url == "https://uji.example.org/p2ham/" and not ctx.offline


def test_each_language_gets_a_new_context_and_the_run_outlives_it(config: Any) -> None:
    first = engine.context(config)
    first.run.error_page = b"id"
    set_language(config, "en")
    with pytest.raises(PluginError, match=r"hooks/context\.py must be the first hook"):
        engine.context(config)  # the English build has not started
    english = engine.start_build(config)
    assert english is not first and english.lang == "en" and english.last
    assert [m.title for m in english.modules] == ["Module Alpha", "Module Beta"]
    assert english.run is first.run and english.markers is not first.markers
    set_language(config, "id")
    assert engine.start_build(config).run.error_page is None  # a new run starts with the default language


def test_a_content_problem_stops_the_build_at_its_start(project: Path, tmp_path: Path) -> None:
    broken = make_project(tmp_path / "p", {"modul/beta.md": (SITE_FIXTURE / "docs/modul/beta.md").read_text(
        "utf-8").replace("module: 2", "module: 1")})
    with pytest.raises(PluginError, match=r"(?s)nothing was built.*modul/beta.md:1: module: number 1 is also used by "
                                          r"modul/alfa.md"):
        engine.start_build(load_config(str(broken)))


def test_markers_are_filled_and_an_unknown_one_named_at_its_line_in_the_file(config: Any) -> None:
    import markers as markers_hook

    ctx = engine.context(config)
    ctx.markers.register("x", Phase.MARKDOWN, lambda page: "<p>filled</p>")
    known = page(config, "lain.md", "---\ntitle: Lain\n---\n\n# Lain\n\n<!-- p2ham:x -->\n")
    out = markers_hook.on_page_markdown(known.markdown or "", page=known, config=config, files=None)  # type: ignore[arg-type]
    assert out is not None and "<p>filled</p>" in out and "p2ham:x" not in out
    unknown = page(config, "lain.md", "---\ntitle: Lain\n---\n\n# Lain\n\n<!-- p2ham:learningpath -->\n")
    with pytest.raises(PluginError, match=r"lain\.md:7: <!-- p2ham:learningpath -->: unknown marker \(known: .*"
                                          r"learning-path"):
        markers_hook.on_page_markdown(unknown.markdown or "", page=unknown, config=config, files=None)  # type: ignore[arg-type]


def test_the_module_box_goes_on_the_module_page_with_its_text_escaped(project: Path, tmp_path: Path) -> None:
    import modules as modules_hook

    text = (SITE_FIXTURE / "docs/modul/alfa.md").read_text("utf-8").replace(
        "  - Menjelaskan isi modul uji", "  - <b>Menjelaskan</b> isi modul uji")
    loaded = load_config(str(make_project(tmp_path / "p", {"modul/alfa.md": text})))
    engine.start_build(loaded)
    alfa = page(loaded, "modul/alfa.md")
    out = modules_hook.on_page_markdown(alfa.markdown or "", page=alfa, config=loaded, files=None)  # type: ignore[arg-type]
    assert out is not None
    assert "Modul 1 · Durasi: 30 menit" in out
    assert "&lt;b&gt;Menjelaskan&lt;/b&gt;" in out  # text from front matter is escaped
    assert out.index("p2ham-module-info") < out.index("## Poin kunci")
    other = page(loaded, "tentang.md")
    assert modules_hook.on_page_markdown(other.markdown or "", page=other, config=loaded, files=None) is None  # type: ignore[arg-type]


def test_an_untranslated_page_is_a_warning_unless_declared_pending(config: Any,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    import languages

    set_language(config, "en")
    engine.start_build(config)
    fallback = page(config, "tentang.md")
    fallback.file.locale = "id"  # type: ignore[attr-defined]  # as static-i18n marks a page shown untranslated
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.languages"):
        languages.on_page_markdown("# x", page=fallback, config=config, files=None)  # type: ignore[arg-type]
    assert "tentang.md: no 'en' translation" in caplog.text
    caplog.clear()
    fallback.meta["translation"] = "pending"
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.languages"):
        languages.on_page_markdown("# x", page=fallback, config=config, files=None)  # type: ignore[arg-type]
    assert caplog.text == ""


def test_a_missing_contact_or_address_stops_the_build_with_what_to_set(project: Path, tmp_path: Path) -> None:
    import contact
    import share

    settings = read_config(project)
    del settings["extra"]["contact"]
    del settings["site_url"]
    copy = tmp_path / "mkdocs.yml"
    for name in ("hooks", "docs", "content", "overrides", "data"):
        (tmp_path / name).symlink_to(project.parent / name)
    write_config(copy, settings)
    loaded = load_config(str(copy))
    engine.start_build(loaded)
    with pytest.raises(PluginError, match=r"extra\.contact: missing"):
        contact.on_config(loaded)
    with pytest.raises(PluginError, match=r"site_url is not set in mkdocs\.yml"):
        share.on_config(loaded)


def test_the_quiz_hook_records_block_lines_of_the_source_file(config: Any) -> None:
    import quiz

    alfa = page(config, "modul/alfa.md")
    out = quiz.on_page_markdown(alfa.markdown or "", page=alfa, config=config, files=None)  # type: ignore[arg-type]
    assert out is not None
    source = (Path(config.docs_dir) / "modul" / "alfa.md").read_text("utf-8").split("\n")
    header = source.index("//// question | Kewajiban mana yang dijalankan?") + 1
    lines = out.split("\n")
    at = lines.index("//// question | Kewajiban mana yang dijalankan?")
    assert lines[at + 1] == f"    p2ham-line: {header}"


def test_the_error_page_of_each_language_is_kept(config: Any, tmp_path: Path) -> None:
    import languages

    config.site_dir = str(tmp_path)
    (tmp_path / "404.html").write_text("id", "utf-8")
    languages.on_post_build(config=config)
    set_language(config, "en")
    engine.start_build(config)
    (tmp_path / "404.html").write_text("en", "utf-8")  # the English build writes over it
    languages.on_post_build(config=config)
    assert (tmp_path / "404.html").read_text("utf-8") == "id"
    assert (tmp_path / "en" / "404.html").read_text("utf-8") == "en"


def test_under_serve_a_view_unchanged_is_taken_from_the_rebuild_before_with_all_its_rendering_left(
        config: Any, caplog: pytest.LogCaptureFixture) -> None:
    """hooks/serve.py: the second rendering of the same view is the first one's, warnings logged again; a change
    in its Markdown or in the interface strings renders it anew; a page that is no view is always rendered."""
    from mkdocs.structure.files import Files

    from p2ham.serve import MEMO

    text = ("---\ntitle: 'Lembar pemandu: Alfa'\np2ham_view: trainer\np2ham_module: alfa\n---\n\n# Alfa\n\n"
            "## Bagian satu\n\n/// trainer | 5\n- Catatan.\n///\n\n"
            "Lihat [bagian](#bagian-satu) dan [x](tidak-ada.md).\n")

    def rendered(content: str, *, strings: dict[str, str] | None = None, view: str = "trainer") -> Page:
        made = page(config, "modul/alfa.pemandu.md", content)
        files = Files([made.file])
        made = config.plugins.on_pre_page(made, config=config, files=files)
        ctx = engine.context(config)
        ctx.view.start(view, strings or ctx.strings["id"])
        made.markdown = made.markdown or ""
        made.render(config, files)
        return made

    MEMO.enabled = True
    MEMO.clear()
    try:
        caplog.set_level(logging.WARNING)
        first = rendered(text)
        sections = list(engine.context(config).view.sections)
        assert (MEMO.hits, MEMO.misses) == (0, 1) and "Catatan." in (first.content or "")
        assert [s.minutes for s in sections] == [5]
        warned = [r.getMessage() for r in caplog.records if "tidak-ada.md" in r.getMessage()]
        assert len(warned) == 1
        engine.context(config).view.start("trainer")  # what rendering records is cleared, as for the next page
        second = rendered(text)
        assert (MEMO.hits, MEMO.misses) == (1, 1)
        assert second.content == first.content and second.toc is not first.toc
        assert [item.title for item in second.toc] == [item.title for item in first.toc]
        assert second.present_anchor_ids == first.present_anchor_ids and "bagian-satu" in second.present_anchor_ids
        assert engine.context(config).view.sections == sections  # the timing table's rows, as rendered
        assert len([r for r in caplog.records if "tidak-ada.md" in r.getMessage()]) == 2  # logged again
        changed = rendered(text.replace("Catatan.", "Catatan baru."))
        assert MEMO.misses == 2 and "Catatan baru." in (changed.content or "")
        strings = dict(engine.context(config).strings["id"], trainer_notes="Catatan pelatih")
        assert "Catatan pelatih" in (rendered(text, strings=strings).content or "") and MEMO.misses == 3
        plain = rendered(text.replace("p2ham_view: trainer\n", ""), view="participant")
        assert MEMO.misses == 3 and MEMO.hits == 1 and "Catatan." not in (plain.content or "")  # no view: rendered
        MEMO.enabled = False
        assert rendered(text).content == first.content and MEMO.hits == 1  # off (mkdocs build): nothing taken
    finally:
        MEMO.enabled = False
        MEMO.clear()
