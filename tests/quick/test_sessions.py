"""The class sessions' tests (p2ham.quiz.sessions): the data file checked against the agendas, the quizzes and the
modules' sections, every problem as file:line: field: problem; the question blocks taken from a module page."""

from __future__ import annotations

from pathlib import Path

import pytest

from p2ham.core.errors import ContentError
from p2ham.quiz import handin
from p2ham.quiz.questions import Option, Question
from p2ham.quiz.sessions import (
    correct_value,
    load_sessions,
    numbered,
    question_blocks,
    rebased,
    session_data,
)


def question(qid: str, kind: str = "single", options: int = 4, module: str = "alfa", right: int = 1) -> Question:
    marks = [(index == right) if kind != "multiple" else index in (0, right) for index in range(options)]
    return Question(id=qid, type=kind, prompt=f"{qid}?", source=f"modul/{module}.md", line=10,
                    options=tuple(Option(f"o{index}", kind == "order" or mark) for index, mark in enumerate(marks)))


QUESTIONS = {q.id: q for q in [question("a1"), question("a2", "truefalse", 2), question("a3", "multiple", 3),
                               question("b1", module="beta"), question("b2", "order", 4, module="beta"),
                               question("c1", module="gamma")]
             + [question(f"big{n}", "order", 8, module="beta") for n in range(3)]}
FORMATS = {"pagi": ["alfa", "beta"], "sore": ["beta"]}
SECTIONS = {"alfa": ["Poin kunci", "Inti"], "beta": ["Poin kunci", "Langkah"], "gamma": ["Poin kunci"]}


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "sessions.yml"
    path.write_text(text, encoding="utf-8")
    try:
        load_sessions(path, FORMATS, QUESTIONS, SECTIONS)
    except ContentError as error:
        return [str(problem).replace(str(path), "sessions.yml") for problem in error.problems]
    return []


def test_a_session_format_with_the_same_set_and_one_with_parallel_sets(tmp_path: Path) -> None:
    path = tmp_path / "sessions.yml"
    path.write_text("""sessions:
  - format: pagi
    pre:
      - {question: a1, section: Inti}
      - {question: b2, section: Langkah}
  - format: sore
    pre: [{question: b1, section: Langkah}]
    post: [{question: b2, section: Poin kunci}]
""", encoding="utf-8")
    same, parallel = load_sessions(path, FORMATS, QUESTIONS, SECTIONS)
    assert same.same and [q.id for q in same.post] == ["a1", "b2"] and same.pre[0].section == 1
    assert not parallel.same and parallel.index == 1 and parallel.post[0].module == "beta"


def test_every_problem_is_named_at_its_line(tmp_path: Path) -> None:
    found = problems(tmp_path, """sessions:
  - format: pagi
    pre:
      - {question: a1, section: Inti}
      - {question: nope, section: Inti}
      - {question: a1, section: Inti}
      - {question: c1, section: Poin kunci}
      - {question: a2, section: Sumber}
      - {question: a3}
    post:
      - {question: b1, section: Inti}
  - format: siang
    pre: [{question: a1, section: Inti}]
  - format: sore
    pre: [{question: b1, section: Langkah}]
    post: [{question: b2, section: Langkah}, {question: b1, section: Langkah}]
  - format: sore
    pre: [{question: b1, section: Langkah}]
    colour: blue
""")
    assert found == [
        "sessions.yml:5: sessions[0].pre[1].question: unknown question 'nope': no quiz question has this id",
        "sessions.yml:6: sessions[0].pre[2].question: duplicate question 'a1', also at line 4",
        "sessions.yml:7: sessions[0].pre[3].question: 'c1' is a question of module gamma, which this format does "
        "not teach",
        "sessions.yml:8: sessions[0].pre[4].section: 'Sumber' is not a `##` section of module alfa: its sections "
        "are Poin kunci, Inti",
        "sessions.yml:9: sessions[0].pre[5]: needs `section: <title>`: the `##` section of the question's module "
        "that teaches it (its title in the default language)",
        "sessions.yml:11: sessions[0].post[0].section: 'Inti' is not a `##` section of module beta: its sections "
        "are Poin kunci, Langkah",
        "sessions.yml:12: sessions[1].format: unknown format 'siang': the formats are pagi, sore",
        "sessions.yml:16: sessions[2].post: 2 questions, but the pre-test has 1: parallel sets have the same length",
        "sessions.yml:17: sessions[3].format: duplicate format 'sore', also at line 14",
        "sessions.yml:19: sessions[3].colour: unknown key: the keys are format, pre, post",
    ]


def test_parallel_sets_share_no_question_and_a_test_must_fit_in_a_code(tmp_path: Path) -> None:
    found = problems(tmp_path, """sessions:
  - format: pagi
    pre: [{question: a1, section: Inti}, {question: b1, section: Langkah}]
    post: [{question: b1, section: Langkah}, {question: a2, section: Inti}]
  - format: sore
    pre: [{question: big0, section: Langkah}, {question: big1, section: Langkah}, {question: big2, section: Langkah}]
""")
    assert found[0] == ("sessions.yml:4: sessions[0].post: b1 also in the pre-test: parallel sets share no question "
                        "(leave post out to use the same set)")
    assert found[1].startswith("sessions.yml:6: sessions[1].pre: the answers take 45.9 bits, but a hand-in code of "
                               "20 characters holds 28.8: leave out a question")


def test_the_right_answer_as_a_code_holds_it() -> None:
    assert correct_value(question("x", right=2)) == 3
    assert correct_value(question("x", "multiple", 3, right=2)) == 0b101
    order = question("x", "order", 4)
    assert handin.order_places(correct_value(order) - 1, 4) == [int(place) for place in order.key]


def test_question_blocks_are_taken_whole_renumbered_and_their_links_rebased() -> None:
    html = ('<p>x</p><div class="p2ham-question" data-key="01" data-question="q-1" id="q-q-1"><fieldset><legend>'
            '<span class="p2ham-question__number">Pertanyaan 3</span> Why?</legend><div class="a"><div>'
            '<a href="../beta/#inti">b</a> <a href="#q-q-1">here</a> <a href="https://example.org/">x</a>'
            '</div></div></fieldset></div><div class="other"></div>')
    blocks = question_blocks(html)
    assert list(blocks) == ["q-1"]
    assert blocks["q-1"].endswith("</fieldset></div>")
    block = rebased(numbered(blocks["q-1"], ""), "modul/alfa/", "ikut/")
    assert '<span class="p2ham-question__number"></span>' in block
    assert 'href="../modul/beta/#inti"' in block and 'href="../modul/alfa/#q-q-1"' in block
    assert 'href="https://example.org/"' in block
    assert 'href="modul/beta.html#inti"' in rebased(blocks["q-1"].replace("../beta/", "beta.html"), "modul/alfa.html",
                                                    "ikut.html")


def test_the_pages_data_names_each_question_once(tmp_path: Path) -> None:
    path = tmp_path / "sessions.yml"
    path.write_text("sessions:\n  - format: pagi\n    pre: [{question: a1, section: Inti}]\n"
                    "    post: [{question: b2, section: Langkah}]\n", encoding="utf-8")
    formats = load_sessions(path, FORMATS, QUESTIONS, SECTIONS)
    data = session_data(formats, {"pagi": "Pagi"}, QUESTIONS, {"alfa": ("Alfa", 1), "beta": ("Beta", 2)},
                        lambda slug, index: (SECTIONS[slug][index], f"../{slug}/#{index}"), lambda index: "0")
    assert data["formats"][0]["radices"] == [[5], [25]]
    assert data["questions"]["b2"]["url"] == "../beta/#1" and data["questions"]["a1"]["right"] == 2


@pytest.mark.parametrize("text", ["[]", "sessions: []", "sessions: [1]"])
def test_a_file_without_sessions_is_refused(tmp_path: Path, text: str) -> None:
    assert problems(tmp_path, text)
