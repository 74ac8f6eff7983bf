"""Class sessions in the fixture site's build: the three pages in both languages, each question in the page's
language from its module, the QR libraries served by the site, the camera allowed on the collection page only (in
`_headers` and the nginx snippet), and a bad sessions file failing the build as file:line: field: problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import SITE_FIXTURE, BuiltSite, build_project, header_rules, headers_for

SESSIONS = SITE_FIXTURE / "content" / "sessions.yml"


@pytest.mark.parametrize(("prefix", "lang", "prompt"), [("", "id", "Kewajiban mana yang dijalankan?"),
                                                        ("en/", "en", "Which duty is this?")])
def test_the_session_pages_carry_the_tests_in_the_pages_language(fixture_site: BuiltSite, prefix: str, lang: str,
                                                                 prompt: str) -> None:
    join = fixture_site.page(f"{prefix}ikut")
    data = json.loads(join.select_one("script.p2ham-session__data").get_text())
    assert [f["pre"] for f in data["formats"]] == [["alfa-ramp", "alfa-rentan", "alfa-maklumat", "beta-kedua",
                                                    "beta-urutan"]]
    assert data["formats"][0]["radices"] == [[4, 8, 3, 3, 25]] * 2
    templates = {t["data-question"]: t for t in join.select("template[data-question]")}
    assert list(templates) == data["formats"][0]["pre"]
    assert prompt in templates["alfa-ramp"].decode_contents()
    assert data["questions"]["alfa-ramp"]["prompt"] == prompt
    collect = fixture_site.page(f"{prefix}sesi/kumpul")
    link = json.loads(collect.select_one("script.p2ham-session__data").get_text())["questions"]["beta-kedua"]["url"]
    assert link.startswith("../../modul/beta/#") and link != "../../modul/beta/#"
    start = fixture_site.page(f"{prefix}sesi")
    assert start.select_one("[data-join-address]")["data-join-address"] == f"https://uji.example.org/p2ham/{prefix}ikut/"
    for path in ("assets/javascripts/vendor/qrcode-generator.js", "assets/javascripts/vendor/jsqr.js"):
        assert (fixture_site.path / path).stat().st_size > 10_000


def test_only_the_collection_page_may_use_the_camera(fixture_site: BuiltSite) -> None:
    rules = header_rules(fixture_site.path)
    for path, allowed in (("/p2ham/sesi/kumpul/", True), ("/p2ham/en/sesi/kumpul/index.html", True),
                          ("/p2ham/sesi/", False), ("/p2ham/ikut/", False), ("/p2ham/", False)):
        policy = headers_for(rules, path)["Permissions-Policy"]
        last = [part.strip() for part in policy.split(",") if part.strip().startswith("camera=")][-1]
        assert last == ("camera=(self)" if allowed else "camera=()"), path
    nginx = fixture_site.text("security-headers.nginx.conf")
    assert 'if ($uri ~ "^/(p2ham/en/sesi/kumpul|p2ham/sesi/kumpul)(/|\\.html$)") {' in nginx
    assert 'set $p2ham_permissions "camera=(self), microphone=()' in nginx
    assert "add_header Permissions-Policy $p2ham_permissions always;" in nginx


def test_a_bad_sessions_file_fails_the_build_naming_file_line_field(tmp_path: Path) -> None:
    bad = SESSIONS.read_text("utf-8").replace("alfa-rentan", "alfa-gamma").replace(
        "{question: beta-kedua, section: Inti}", "{question: alfa-ramp, section: Poin kunci}")
    bad += "    post:\n      - {question: beta-kedua, section: Inti}\n"
    result = build_project(tmp_path, files={"content/sessions.yml": bad})
    assert not result.ok and "Traceback" not in result.log
    assert "The class sessions' tests have problems (content/sessions.yml):" in result.log
    lines = [line for line in result.log.splitlines() if line.startswith("content/sessions.yml:")]
    assert lines == [
        "content/sessions.yml:7: sessions[0].pre[1].question: unknown question 'alfa-gamma': no quiz question has "
        "this id",
        "content/sessions.yml:9: sessions[0].pre[3].question: duplicate question 'alfa-ramp', also at line 6",
    ]
    fixed = SESSIONS.read_text("utf-8") + "    post:\n      - {question: beta-kedua, section: Inti}\n"
    result = build_project(tmp_path / "parallel", files={"content/sessions.yml": fixed})
    assert "content/sessions.yml:11: sessions[0].post: 1 questions, but the pre-test has 5: parallel sets have the " \
           "same length" in result.log
