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
    "option without marker": (GOOD_ID.replace("- [x] Pemenuhan", "- Pemenuhan"),
                              "question 't-ramp': option 2: no '[x]' or '[ ]' marker"),
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

# An order question: the items written in the right order, without markers, each with its explanation.
GOOD_ORDER_ID = """/// quiz

//// question | Urutkan tahap P2HAM menurut Permenkumham 25/2023.
    id: t-urutan
    type: order
    hint: Mulai dari komitmen pimpinan.

Sebuah kantor baru bergabung dengan P2HAM.

- Pencanangan

    Tahap pertama: pimpinan menyatakan komitmen.

- Evaluasi (verifikasi)

    Tahap kedua: kriteria diperiksa.

- Penilaian

    Tahap ketiga: hasil evaluasi dinilai.

- Pembinaan dan pengawasan

    Tahap keempat: hasilnya dijaga.

////

///
"""

GOOD_ORDER_EN = (GOOD_ORDER_ID
                 .replace("Urutkan tahap P2HAM menurut Permenkumham 25/2023.", "Put the P2HAM stages in order.")
                 .replace("Pencanangan", "Launch").replace("Evaluasi (verifikasi)", "Evaluation (verification)")
                 .replace("- Penilaian", "- Assessment").replace("Pembinaan dan pengawasan", "Guidance and oversight")
                 .replace("Tahap", "Stage"))

ORDER_PROMPT = "//// question | Urutkan tahap P2HAM menurut Permenkumham 25/2023."
ORDER_ITEM_2 = "- Evaluasi (verifikasi)\n\n    Tahap kedua: kriteria diperiksa.\n\n"
ORDER_ITEM_4 = "- Pembinaan dan pengawasan\n\n    Tahap keempat: hasilnya dijaga.\n\n"
MORE_ITEMS = "".join(f"- Tahap tambahan {n}\n\n    Penjelasan {n}.\n\n" for n in range(5, 10))

# name: (markdown of an order question with one mistake, text the error must contain): each reported at the line of
# its "//// question" block (line 3 of the text).
BAD_ORDER_CASES: dict[str, tuple[str, str]] = {
    "two items": (GOOD_ORDER_ID.replace(ORDER_ITEM_2, "").replace(ORDER_ITEM_4, ""),
                  "question 't-urutan': items: an order question has from 3 to 8 items written as '- ...' in the "
                  "right order, found 2"),
    "nine items": (GOOD_ORDER_ID.replace(ORDER_ITEM_4, ORDER_ITEM_4 + MORE_ITEMS),
                   "items: an order question has from 3 to 8 items written as '- ...' in the right order, found 9"),
    "a right marker": (GOOD_ORDER_ID.replace("- Penilaian", "- [x] Penilaian"),
                       "question 't-urutan': item 3: no '[x]' or '[ ]' marker in an order question"),
    "a wrong marker": (GOOD_ORDER_ID.replace("- Pencanangan", "- [ ] Pencanangan"),
                       "question 't-urutan': item 1: no '[x]' or '[ ]' marker in an order question"),
    "item without explanation": (GOOD_ORDER_ID.replace("\n    Tahap kedua: kriteria diperiksa.\n", ""),
                                 "question 't-urutan': item 2: no explanation"),
    "an item left blank": (GOOD_ORDER_ID.replace("- Penilaian\n", "- \n"),
                           "question 't-urutan': item 3: no explanation"),
    "no items": (GOOD_ORDER_ID.split("- Pencanangan")[0] + "////\n\n///\n",
                 "an order question has from 3 to 8 items written as '- ...' in the right order, found 0"),
}
