"""Printable checklists: each checkbox is labelled by its item's text."""

from __future__ import annotations

import markdown


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["p2ham.mdext.checklist", "attr_list"])


def test_checkbox_and_text_share_one_label() -> None:
    html = render("- [ ] Ramp *tersedia*\n- [x] Maklumat dipasang\n- Biasa\n")
    assert '<ul class="p2ham-checklist">' in html
    assert ('<li class="p2ham-check-item"><label class="p2ham-check"><input disabled="disabled" type="checkbox" />'
            " Ramp <em>tersedia</em></label></li>") in html
    assert 'checked="checked" disabled="disabled" type="checkbox" /> Maklumat dipasang</label>' in html
    assert "<li>Biasa</li>" in html


def test_loose_list_item_keeps_its_paragraph_and_sublist() -> None:
    html = render("- [ ] Satu\n\n    lanjutan\n\n    - sub\n\n- [ ] Dua\n")
    assert '<p><label class="p2ham-check"><input disabled="disabled" type="checkbox" /> Satu</label></p>' in html
    assert "<li>sub</li>" in html


def test_plain_lists_and_brackets_elsewhere_are_untouched() -> None:
    assert render("- a [ ] b\n") == "<ul>\n<li>a [ ] b</li>\n</ul>"
