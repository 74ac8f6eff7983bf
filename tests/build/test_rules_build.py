"""The office's content rules in a build of the fixture site: the rules set in mkdocs.yml alone decide, every problem
is listed at once with its file and line, nothing is written, and a moved page keeps its published address through
a redirect. (Each rule on its own: tests/quick/test_rules.py.)"""

from __future__ import annotations

from pathlib import Path

from helpers import SITE_FIXTURE, build, make_project, read_config

RULES = read_config(SITE_FIXTURE / "site.yml")["extra"]["content_rules"]


def settings(**rules: object) -> dict[str, object]:
    """The fixture's settings with some content rules changed."""
    extra = read_config(SITE_FIXTURE / "site.yml")["extra"]
    extra["content_rules"] = {**RULES, **rules}
    return {"extra": extra}


def test_broken_rules_stop_the_build_listing_every_problem_before_anything_is_written(tmp_path: Path) -> None:
    glossary = (SITE_FIXTURE / "content" / "glossary.yml").read_text("utf-8")
    config = make_project(tmp_path, {"tentang.md": None, "tentang.en.md": None},
                          settings={**settings(trainer_blocks=3, quiz_questions=3, glossary_terms=["ULT", "SKM"]),
                                    "nav": None},
                          files={"content/redirects.yml": "{}\n", "content/glossary.yml": glossary})
    result = build(config)
    assert not result.ok and "Traceback" not in result.log
    assert "The content does not follow the office's content rules (extra.content_rules in mkdocs.yml):" in result.log
    published = (SITE_FIXTURE / "published-addresses.txt").read_text("utf-8").splitlines()
    expected = [
        "modul/beta.md:5: trainer: 2 timed sections: at least 3 (content rule trainer_blocks)",
        "modul/beta.en.md:5: trainer: 2 timed sections: at least 3 (content rule trainer_blocks)",
        "quiz: 2 questions: at least 3 (content rule quiz_questions)",
        "content/glossary.yml:1: SKM: missing: the glossary explains this term (content rule glossary_terms)",
        f"published-addresses.txt:{published.index('/p2ham/tentang/') + 1}: /p2ham/tentang/: no page or redirect "
        "answers here",
        f"published-addresses.txt:{published.index('/p2ham/en/profil/') + 1}: /p2ham/en/profil/: no page or "
        "redirect answers here",
    ]
    missing = [line for line in expected if line not in result.log]
    assert missing == [], result.log
    assert not (result.site / "index.html").exists()


def test_the_configuration_alone_decides_and_a_redirect_keeps_an_address(tmp_path: Path) -> None:
    """The same content passes once the office relaxes the rules in mkdocs.yml; a removed page's address answers
    again through a redirect."""
    config = make_project(tmp_path, {"tentang.md": None, "tentang.en.md": None, "baru.md": "# Baru\n\nIsi.\n",
                                     "baru.en.md": "# New\n\nText.\n"},
                          settings={**settings(trainer_blocks=2), "nav": None},
                          files={"content/redirects.yml": "tentang/: baru/\nprofil/: baru/\n"})
    published = tmp_path / "published-addresses.txt"
    published.write_text(published.read_text("utf-8") + "/p2ham/baru/\n/p2ham/en/baru/\n", "utf-8")
    result = build(config)
    assert result.ok, result.log
    assert (result.site / "tentang" / "index.html").read_text("utf-8").count("baru/") >= 1
