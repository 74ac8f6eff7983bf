"""Quiz Markdown used by the tests: one good quiz and the broken variants the build must reject."""

from __future__ import annotations

GOOD_ID = """/// quiz

//// question | Kewajiban mana yang dijalankan?
    id: t-ramp
    type: single
    hint: Bedakan menahan diri dan menyediakan.

Sebuah kantor imigrasi membangun bidang miring.

- [ ] Penghormatan

    Kurang tepat. Penghormatan berarti menahan diri.

- [x] Pemenuhan

    Benar. Pemenuhan berarti menyediakan.

- [ ] Penegakan

    Kurang tepat. Penegakan berarti menindak pelanggaran.

////

//// question | Mana saja yang termasuk kelompok rentan menurut Permenkumham 25/2023?
    id: t-rentan
    type: multiple

- [x] Lansia

    Benar. Lansia disebut.

- [x] Anak

    Benar. Anak disebut.

- [ ] Pengusaha

    Kurang tepat. Pengusaha tidak disebut.

////

//// question | Maklumat pelayanan adalah janji publik penyelenggara.
    id: t-maklumat
    type: truefalse

- [x] Benar

    Benar. Maklumat adalah janji publik.

- [ ] Salah

    Kurang tepat. Maklumat memang janji publik.

////

///
"""

GOOD_EN = (GOOD_ID
           .replace("Kewajiban mana yang dijalankan?", "Which duty is this?")
           .replace("Penghormatan", "Respect").replace("Pemenuhan", "Fulfilment").replace("Penegakan", "Enforcement")
           .replace("Kurang tepat.", "Not quite.").replace("Benar.", "Correct.")
           .replace("- [x] Benar", "- [x] True").replace("- [ ] Salah", "- [ ] False"))

# name: (markdown of the Indonesian page, text the error must contain)
BAD_CASES: dict[str, tuple[str, str]] = {
    "missing id": (GOOD_ID.replace("    id: t-ramp\n", ""), "question: id: missing"),
    "bad id": (GOOD_ID.replace("id: t-ramp", "id: T Ramp"), "id: 'T Ramp' must be lowercase"),
    "no correct option": (GOOD_ID.replace("- [x] Pemenuhan", "- [ ] Pemenuhan"),
                          "question 't-ramp': options: no correct option"),
    "single with two correct": (GOOD_ID.replace("- [ ] Penegakan", "- [x] Penegakan"),
                                "a single question has exactly one correct option, found 2"),
    "option without explanation": (GOOD_ID.replace("\n    Benar. Pemenuhan berarti menyediakan.\n", ""),
                                   "option 2: no explanation"),
    "unknown type": (GOOD_ID.replace("type: single", "type: pilihan"), "unknown type 'pilihan'"),
    "missing type": (GOOD_ID.replace("    type: single\n", ""), "type: missing"),
    "unknown option": (GOOD_ID.replace("    type: single\n", "    type: single\n    points: 2\n"),
                       "unknown option 'points'"),
    "empty prompt": (GOOD_ID.replace("//// question | Kewajiban mana yang dijalankan?", "//// question"),
                     "prompt: empty"),
    "truefalse with three options": (GOOD_ID.replace("- [ ] Salah\n", "- [ ] Salah\n\n    x\n\n- [ ] Mungkin\n"),
                                     "a truefalse question has exactly two options, found 3"),
    "question not closed": (GOOD_ID.replace("////\n\n//// question | Mana saja", "//// question | Mana saja", 1)
                            .replace("- [ ] Penegakan", "## Judul\n\n- [ ] Penegakan"),
                            "the question block is not closed with ////"),
    "quiz not closed": (GOOD_ID.rstrip().removesuffix("///") + "\n## Sumber\n\nTeks.\n",
                        "quiz block is not closed with ///"),
    "quiz with no question": ("/// quiz\n\nHanya teks.\n\n///\n", "quiz: no question"),
}

# Blocks the block parser itself rejects: name: (markdown, text the error must contain, line of the block from 1).
REJECTED_BLOCKS: dict[str, tuple[str, str, int]] = {
    "unknown option": (BAD_CASES["unknown option"][0], "unknown option 'points' (allowed: id, type, hint)", 3),
    "option without a colon": (GOOD_ID.replace("    type: single\n", "    type single\n"),
                               "options must be YAML lines indented by 4 spaces", 3),
    "misspelt block": (GOOD_ID.replace("//// question | Kewajiban", "//// qeustion | Kewajiban"),
                       "unknown block 'qeustion' (the blocks are quiz, question, trainer)", 3),
    "quiz with a title": (GOOD_ID.replace("/// quiz\n", "/// quiz | Kuis\n", 1), "a quiz block takes no title", 1),
    "trainer notes with an option": ("## Bagian\n\n/// trainer | 10\n    audience: all\n\nCatatan rahasia.\n///\n",
                                     "unknown option 'audience' (allowed: none)", 3),
}
