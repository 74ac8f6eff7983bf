"""Printable checklists: ``- [ ] item`` becomes a list item whose checkbox is labelled by the item's text.

pymdownx.tasklist stores its checkbox as raw HTML before the text, so the box has no accessible name (axe:
``label``). Here the checkbox and the item's inline content are wrapped in one ``<label>`` element in the element
tree. The boxes are for ticking on paper and are disabled on screen, where nothing would keep their state.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

MARKER = re.compile(r"^\s*\[(?P<state>[ xX])\]\s+")
BLOCK_TAGS = {"ul", "ol", "p", "div", "blockquote", "pre", "table", "dl"}


class ChecklistTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        parents = {child: parent for parent in root.iter() for child in parent}
        for item in list(root.iter("li")):
            holder = item
            if not (item.text or "").strip() and len(item) and item[0].tag == "p":
                holder = item[0]  # a loose list: the text sits in a paragraph
            match = MARKER.match(holder.text or "")
            if match is None:
                continue
            label = etree.Element("label", {"class": "p2ham-check"})
            box = etree.SubElement(label, "input", {"type": "checkbox", "disabled": "disabled"})
            if match.group("state") in "xX":
                box.set("checked", "checked")
            box.tail = " " + (holder.text or "")[match.end():]
            holder.text = None
            inline = [child for child in holder if child.tag not in BLOCK_TAGS]
            for child in inline:
                holder.remove(child)
                label.append(child)
            holder.insert(0, label)
            item.set("class", (item.get("class", "") + " p2ham-check-item").strip())
            parent = parents.get(item)
            if parent is not None and "p2ham-checklist" not in parent.get("class", ""):
                parent.set("class", (parent.get("class", "") + " p2ham-checklist").strip())


class ChecklistExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After inline patterns have run (priority below 'inline' at 20), so links and emphasis are elements.
        md.treeprocessors.register(ChecklistTreeprocessor(md), "p2ham-checklist", 15)


def makeExtension(**kwargs: Any) -> ChecklistExtension:
    return ChecklistExtension(**kwargs)
