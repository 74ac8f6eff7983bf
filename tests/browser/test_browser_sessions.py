"""A class session in the browser, on the fixture site: a trainer starts it, ten participants on phones take the
pre-test and the post-test with known answers and hand in; the trainer types their codes, and the class figures
equal those computed here from the known answers. Bad, foreign and repeated codes are refused as they should be;
nothing leaves the site; axe finds nothing on each page in each state. Then a QR code fed to the collection page
through Chromium's fake camera is counted, and the same session works from the offline folder (file://)."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import RECORD_CSP_VIOLATIONS, VIEWPORTS, axe_violations, decode_qr, describe_violations, printed_pages
from conftest import CHROMIUM_ARGS, figure
from helpers import BuiltSite, chromium_path

from p2ham.quiz import handin

PARTICIPANTS = 10
INITIALS = {0: "AB", 3: "RW", 7: "Z"}  # the others give none


def right_value(kind: str, key: str) -> int:
    """The value a right answer has in a code, from the answer key the module page carries (data-key)."""
    if kind == "order":
        return 1 + handin.order_rank([int(place) for place in key])
    if kind == "multiple":
        return sum(2**index for index, bit in enumerate(key) if bit == "1")
    return key.index("1") + 1


def answer(page: Any, questions: list[dict[str, Any]], values: list[int]) -> None:
    """Answer the test on the page: each question's inputs set as `values` says (0: left unanswered)."""
    entries = []
    for question, value in zip(questions, values, strict=True):
        places = handin.order_places(value - 1, question["options"]) if question["type"] == "order" and value else []
        entries.append([question["id"], question["type"], value, places])
    page.evaluate("""entries => { for (const [id, type, value, places] of entries) {
        const block = document.getElementById('q-' + id);
        if (type === 'order') {
            block.querySelectorAll('select').forEach((s, i) => { s.value = places.length ? String(places[i]) : ''; });
        } else {
            block.querySelectorAll('.p2ham-options input').forEach(input => {
                const n = Number(input.value);
                input.checked = type === 'multiple' ? Boolean(value & (1 << (n - 1))) : n === value;
            });
        }
        block.dispatchEvent(new Event('change', {bubbles: true}));
    } }""", entries)


def shown_code(page: Any) -> str:
    return str(page.locator("[data-p2ham=handin] [data-p2ham=code]").get_attribute("data-code"))


def axe_problems(page: Any, state: str) -> list[str]:
    return describe_violations(state, "", axe_violations(page))


def collect(page: Any, code: str) -> str:
    field = page.locator("[data-p2ham=handin-code]")
    field.fill(code)
    field.press("Enter")
    return str(page.locator("[data-p2ham=message]").inner_text())


@pytest.fixture(scope="module")
def session_questions(fixture_site: BuiltSite) -> list[dict[str, Any]]:
    """The fixture's test as the participants' page carries it: each question's id, type, options and right value."""
    page = fixture_site.page("ikut")
    found = []
    for template in page.select("template[data-question]"):
        block = template.select_one(".p2ham-question")
        options = len(block.select(".p2ham-options > li"))
        found.append({"id": block["data-question"], "type": block["data-type"], "options": options,
                      "right": right_value(block["data-type"], block["data-key"]),
                      "radix": handin.radix(block["data-type"], options)})
    return found


def test_a_whole_session_with_ten_participants(browser: Any, fixture_server: str,
                                               session_questions: list[dict[str, Any]]) -> None:
    questions = session_questions
    radices = [q["radix"] for q in questions]
    rng = random.Random(14)
    # Known answers: participant 0 gets everything right after; the last leaves questions unanswered before.
    known = {}
    for person in range(PARTICIPANTS):
        pre = [rng.randrange(size) for size in radices]
        post = [q["right"] if person == 0 or rng.random() < 0.6 else rng.randrange(q["radix"]) for q in questions]
        if person == PARTICIPANTS - 1:
            pre = [0] * len(questions)
        known[person] = (pre, post)
    requests: list[str] = []
    problems: list[str] = []

    def new_context(viewport: str) -> Any:
        context = browser.new_context(viewport=VIEWPORTS[viewport], service_workers="block")
        context.add_init_script(RECORD_CSP_VIOLATIONS)
        context.on("request", lambda request: requests.append(request.url))
        return context

    trainer = new_context("desktop").new_page()
    trainer.on("pageerror", lambda error: problems.append(f"trainer: {error}"))
    trainer.goto(fixture_server + "sesi/", wait_until="networkidle")
    assert trainer.evaluate("document.featurePolicy.allowsFeature('camera')") is False
    problems.extend(axe_problems(trainer, "session page, before a session"))
    trainer.locator("[data-p2ham=start-form] button[type=submit]").click()
    session = str(trainer.locator("[data-p2ham=current] [data-p2ham=code]").get_attribute("data-code"))
    assert trainer.locator("#p2ham-session-current").evaluate("h => h === document.activeElement")
    assert decode_qr(trainer, "[data-p2ham=current] [data-p2ham=qr]") == (
        f"https://uji.example.org/p2ham/ikut/#{session}")
    problems.extend(axe_problems(trainer, "session page, a session started"))
    session_value = handin.read_session_code(session)[1]

    codes: dict[int, list[str]] = {}
    for person in range(PARTICIPANTS):
        context = new_context("phone")
        phone = context.new_page()
        phone.on("pageerror", lambda error, person=person: problems.append(f"participant {person}: {error}"))
        phone.goto(f"{fixture_server}ikut/#{session}", wait_until="load")
        pre, post = known[person]
        if person == 0:
            problems.extend(axe_problems(phone, "participants' page, the pre-test"))
            # The language switcher keeps the session: the English page opens in it.
            assert str(phone.locator(".md-select a[hreflang=en]").get_attribute("href")).endswith(f"#{session}")
        answer(phone, questions, pre)
        phone.locator("[data-p2ham=finish]").click()
        if person == 0:  # the hand-in's heading takes the focus, for a screen reader's user
            assert phone.locator("#p2ham-session-handin-title").evaluate("h => h === document.activeElement")
        if person in INITIALS:
            phone.locator("[data-p2ham=initials]").fill(INITIALS[person].lower())
        pre_code = shown_code(phone)
        if person == 0:
            assert decode_qr(phone, "[data-p2ham=handin] [data-p2ham=qr]") == pre_code
            problems.extend(axe_problems(phone, "participants' page, the pre-test handed in"))
        phone.locator("[data-p2ham=start-post]").click()
        answer(phone, questions, post)
        phone.locator("[data-p2ham=finish]").click()
        codes[person] = [pre_code, shown_code(phone)]
        assert len(codes[person][1]) <= handin.MAX_LENGTH
        if person == 0:
            score = sum(value == q["right"] for value, q in zip(post, questions, strict=True))
            assert f"{score} dari {len(questions)} benar" in phone.locator("[data-p2ham=result]").inner_text()
            assert phone.locator(".p2ham-question__answers[open]").count() == len(questions)
            problems.extend(axe_problems(phone, "participants' page, the post-test's result and hand-in"))
        context.close()
    for person, (pre_code, post_code) in codes.items():  # what each code holds is what the participant answered
        decoded = [handin.decode(code, session_value, [radices, radices]) for code in (pre_code, post_code)]
        assert [list(d.answers) for d in decoded] == list(known[person]), person
        assert {d.initials for d in decoded} == {INITIALS.get(person, "")}

    trainer.goto(fixture_server + "sesi/kumpul/", wait_until="networkidle")
    assert trainer.evaluate("document.featurePolicy.allowsFeature('camera')") is True
    for person in range(PARTICIPANTS):
        for code in codes[person]:
            assert collect(trainer, code.lower()[:4] + " " + code[4:]).startswith("Diterima"), code
    # Refused or counted once: a repeated, a mistyped, a foreign and a corrupted code.
    counted = codes[1][0]
    typo = counted[:2] + ("0" if counted[2] != "0" else "1") + counted[3:]
    other = handin.read_session_code(handin.session_code(0, (session_value + 1) % 65536))[1]
    foreign = handin.encode(handin.HandIn(other, 0, 1, "", tuple(known[1][0])), radices)
    short = handin.encode(handin.HandIn(session_value, 0, 1, "", (1,)), [4])
    assert collect(trainer, counted).startswith("Sudah dihitung")
    assert collect(trainer, typo).startswith("Ditolak: kode ini salah ketik")
    assert collect(trainer, foreign).startswith(f"Ditolak: kode ini dari sesi lain ({foreign[-6:-1]}")
    assert collect(trainer, short).startswith("Ditolak: kode ini rusak")

    # The class figures, computed here from the known answers.
    def score(values: list[int]) -> int:
        return sum(value == q["right"] for value, q in zip(values, questions, strict=True))

    def value(selector: str) -> float:
        return float(trainer.locator(f"[data-p2ham={selector}]").get_attribute("data-value") or "nan")

    means = [sum(score(known[p][t]) for p in known) / PARTICIPANTS for t in (0, 1)]
    assert value("count-pre") == value("count-post") == PARTICIPANTS
    assert value("mean-pre") == pytest.approx(means[0], abs=1e-4)
    assert value("mean-post") == pytest.approx(means[1], abs=1e-4)
    assert value("gain") == pytest.approx(means[1] - means[0], abs=1e-4)
    for index in range(len(questions)):
        row = trainer.locator(f"[data-p2ham=per-question] tr[data-question='{index + 1}'] td[data-value]")
        shares = [sum(known[p][t][index] == questions[index]["right"] for p in known) / PARTICIPANTS for t in (0, 1)]
        assert [float(row.nth(n).get_attribute("data-value") or "nan") for n in (0, 1)] == pytest.approx(shares,
                                                                                                          abs=1e-4)
    weakest = trainer.locator("[data-p2ham=weakest] li a")
    assert weakest.count() == 3 and all("/modul/" in str(weakest.nth(n).get_attribute("href")) for n in range(3))
    problems.extend(axe_problems(trainer, "collection page, with results"))
    # A trainer who collects with a phone's camera reads the results on it: the per-question table fits 320 px,
    # where each question is taught under its prompt.
    size = trainer.viewport_size
    trainer.set_viewport_size({"width": 320, "height": 640})
    overflow = trainer.evaluate("""() => [...document.querySelectorAll('[data-p2ham=results] table')]
        .map(table => table.getBoundingClientRect().right - document.documentElement.clientWidth)""")
    assert overflow and max(overflow) <= 0, overflow
    taught = trainer.locator("[data-p2ham=per-question] tr[data-question='1'] th .p2ham-session__taught a")
    assert taught.count() == 1 and "/modul/" in str(taught.get_attribute("href"))
    if size:
        trainer.set_viewport_size(size)
    # The CSV: one row per hand-in, initials only where given.
    with trainer.expect_download() as download:
        trainer.locator("[data-p2ham=csv]").click()
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text("utf-8"))))
    assert rows[0][:4] == ["tes", "inisial", "skor", "dari"] and len(rows) == 1 + 2 * PARTICIPANTS
    assert sorted(row[1] for row in rows[1:] if row[1]) == sorted(list(INITIALS.values()) * 2)
    assert sorted(int(row[2]) for row in rows[1:]) == sorted(score(known[p][t]) for p in known for t in (0, 1))
    assert printed_pages(trainer) == 1
    trainer.emulate_media(media="screen")
    trainer.once("dialog", lambda dialog: dialog.accept())
    trainer.locator("[data-p2ham=clear]").click()
    assert value("count-pre") == value("count-post") == 0
    csp = trainer.evaluate("window.__csp")
    trainer.context.close()
    origin = fixture_server.split("/p2ham/")[0]
    assert [url for url in requests if not url.startswith((origin, "data:", "blob:"))] == []
    assert problems == [] and csp == []
    figure("class session test", f"{PARTICIPANTS} participants, {len(requests)} requests")


def y4m_of(text: str, path: Path, width: int = 640, height: int = 480, frames: int = 10) -> None:
    """A Y4M video (what Chromium's fake camera reads) of the QR code of `text`, still, on a white ground."""
    import segno

    qr = segno.make(text, error="m", micro=False)
    matrix = [list(row) for row in qr.matrix_iter(scale=1, border=4)]
    scale = min(width, height) * 3 // 4 // len(matrix)
    left, top = (width - scale * len(matrix)) // 2, (height - scale * len(matrix)) // 2
    luma = bytearray([235]) * (width * height)
    for row_index, row in enumerate(matrix):
        for col_index, dark in enumerate(row):
            if dark:
                for y in range(top + row_index * scale, top + (row_index + 1) * scale):
                    start = y * width + left + col_index * scale
                    luma[start:start + scale] = bytes([16]) * scale
    chroma = bytes([128]) * (width * height // 4)
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F5:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            out.write(b"FRAME\n" + bytes(luma) + chroma + chroma)


@pytest.fixture
def fake_camera_browser(browser: Any, tmp_path: Path,
                        session_questions: list[dict[str, Any]]) -> Iterator[tuple[Any, str, str]]:
    """A browser of its own (launched like the session's) whose camera shows the QR code of a pre-test hand-in of a
    known session."""
    session = handin.session_code(0, 4321)
    radices = [q["radix"] for q in session_questions]
    code = handin.encode(handin.HandIn(handin.read_session_code(session)[1], 0, 7, "QR",
                                       tuple(q["right"] for q in session_questions)), radices)
    video = tmp_path / "camera.y4m"
    y4m_of(code, video)
    args = [*CHROMIUM_ARGS, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            f"--use-file-for-fake-video-capture={video}"]
    chromium = browser.browser_type.launch(executable_path=chromium_path(), headless=True, args=args)
    try:
        yield chromium, session, code
    finally:
        chromium.close()


def test_a_qr_code_shown_to_the_camera_is_counted(fake_camera_browser: tuple[Any, str, str],
                                                  fixture_server: str) -> None:
    chromium, session, code = fake_camera_browser
    context = chromium.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(f"{fixture_server}sesi/kumpul/#{session}", wait_until="networkidle")
    page.locator("[data-p2ham=camera]").click()
    page.locator("[data-p2ham=message]").filter(has_text="Diterima").wait_for(timeout=20_000)
    assert "Pre-test (QR), 5 dari 5 benar" in page.locator("[data-p2ham=message]").inner_text()
    assert page.locator("[data-p2ham=count-pre]").get_attribute("data-value") == "1"
    assert page.locator("[data-p2ham=video]").is_visible()
    page.locator("[data-p2ham=camera]").click()  # stopped
    assert page.locator("[data-p2ham=video]").is_hidden()
    context.close()
    assert code.endswith(session[:-1] + code[-1])


def test_a_session_works_from_the_offline_folder(browser: Any, offline_folder: Path) -> None:
    requests: list[str] = []

    def offline_page() -> Any:
        context = browser.new_context(viewport=VIEWPORTS["phone"], service_workers="block")
        context.set_offline(True)
        context.on("request", lambda request: requests.append(request.url))
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                      else route.abort())
        return context.new_page()

    trainer = offline_page()
    trainer.goto((offline_folder / "sesi.html").as_uri(), wait_until="load")
    trainer.locator("[data-p2ham=start-form] button[type=submit]").click()
    session = str(trainer.locator("[data-p2ham=current] [data-p2ham=code]").get_attribute("data-code"))
    phone = offline_page()
    phone.goto((offline_folder / "ikut.html").as_uri(), wait_until="load")
    phone.locator("[data-p2ham=session-code]").fill(session)
    phone.locator("[data-p2ham=join-form] button[type=submit]").click()
    phone.locator("[data-p2ham=finish]").click()  # nothing answered: a pre-test handed in blank
    code = shown_code(phone)
    trainer.goto((offline_folder / "sesi" / "kumpul.html").as_uri() + "#" + session, wait_until="load")
    assert collect(trainer, code).startswith("Diterima")
    assert trainer.locator("[data-p2ham=count-pre]").get_attribute("data-value") == "1"
    assert [url for url in requests if not url.startswith(("file:", "data:", "blob:"))] == []
    for page in (trainer, phone):
        page.context.close()
