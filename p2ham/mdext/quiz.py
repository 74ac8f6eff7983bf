"""Quiz blocks for Python-Markdown (pymdownx.blocks): a ``/// quiz`` holding ``//// question | prompt`` blocks.

The blocks are parsed by the Markdown parser; their content is turned into accessible HTML in the element tree:
native radio or checkbox inputs in a fieldset with a legend (for an ``order`` question, the items in a fixed shuffled
order, each with a native select of its position, labelled by the item), and every option's explanation in a
``<details>`` that is readable without JavaScript (for an order question, the items in the right order). Problems
are never left in the page as raw text: the block is replaced by an error note and the problem goes to the
collector, with the source line when the build supplied it.
"""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as etree
from typing import Any, ClassVar

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks.block import Block, type_any

from p2ham.core.errors import Problem
from p2ham.core.source import LINE_OPTION
from p2ham.mdext.shared import BuildStateExtension, attached
from p2ham.quiz.questions import QUESTION_OPTIONS, Option, PageQuiz, Question, check_question

MARKER = re.compile(r"^\[(?P<state>[ xX])\][ \t]+")
ERROR_CLASS = "p2ham-quiz-error"
LINE_ATTRIBUTE = "data-p2ham-line"  # while parsing only: blocks that never closed are found by it afterwards
RAW_BLOCK = re.compile(r"^\s*/{3,}\s*(?P<name>[A-Za-z][\w-]*)")  # a `/// name` block the parser did not accept
BLOCKS = {"quiz": (), "question": QUESTION_OPTIONS, "trainer": ()}  # the blocks of the site, with their options
RAW_LINE = re.compile(rf"{LINE_OPTION}:\s*(\d+)")
# Interface strings the HTML needs; the build passes them in the page's language.
DEFAULT_STRINGS = {
    "quiz_check": "Check answer",
    "quiz_answers": "Answers and explanations",
    "quiz_right_option": "Right answer",
    "quiz_wrong_option": "Not a right answer",
    "quiz_instruction_single": "Choose one answer.",
    "quiz_instruction_multiple": "Choose every answer that applies.",
    "quiz_instruction_truefalse": "Is this statement true or false?",
    "quiz_instruction_order": "Put the items in order: choose each item's position, 1 for the first.",
    "quiz_order_choose": "Position",
    "quiz_hint": "Hint:",
    "quiz_reset": "Reset this quiz",
    "quiz_question": "Question",
    "quiz_error": "This quiz could not be built:",
}


class Collector:
    """Where the blocks put what they found on the page being rendered. The build reads it after rendering."""

    def __init__(self, strings: dict[str, str] | None = None) -> None:
        self.strings = dict(DEFAULT_STRINGS, **(strings or {}))
        self.page = PageQuiz(source="")

    def start(self, source: str, strings: dict[str, str] | None = None) -> None:
        self.page = PageQuiz(source=source)
        if strings is not None:
            self.strings = dict(DEFAULT_STRINGS, **strings)

    def problem(self, line: int, field: str, message: str) -> None:
        self.page.problems.append(Problem(self.page.source, line, field, message))


def _collector(md: Markdown) -> Collector:
    return attached(md, QuizExtension.ATTRIBUTE, Collector)


def _text(element: etree.Element) -> str:
    return "".join(element.itertext()).strip()


def _error(block: etree.Element, strings: dict[str, str], messages: list[str]) -> None:
    """Replace the block's content by a visible error note, so no half-built quiz or answer key leaks."""
    block.clear()
    block.tag = "div"
    block.set("class", ERROR_CLASS)
    block.set("role", "note")
    title = etree.SubElement(block, "p")
    title.text = strings["quiz_error"]
    items = etree.SubElement(block, "ul")
    for message in messages:
        etree.SubElement(items, "li").text = message


class _LinedBlock(Block):  # type: ignore[misc]
    """A block that knows the source line the build recorded for it."""

    @property
    def line(self) -> int:
        value = self.options.get(LINE_OPTION)
        return value if isinstance(value, int) else 0

    @property
    def collector(self) -> Collector:
        return _collector(self.md)


class QuestionBlock(_LinedBlock):
    NAME = "question"
    ARGUMENT = None  # the prompt; its absence is reported, not silently ignored
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {
        name: (None, type_any) for name in (*QUESTION_OPTIONS, LINE_OPTION)}

    def on_create(self, parent: etree.Element) -> etree.Element:
        return etree.SubElement(parent, "div", {"class": "p2ham-question", LINE_ATTRIBUTE: str(self.line)})

    def on_end(self, block: etree.Element) -> None:
        strings = self.collector.strings
        qid, qtype, hint = self.options.get("id"), self.options.get("type"), self.options.get("hint")
        prompt = (self.argument or "").strip()
        label = f"question '{qid}'" if isinstance(qid, str) and qid else "question"
        children = list(block)
        lists = [child for child in children if child.tag == "ul"]
        option_list = lists[-1] if lists else None
        context = [child for child in children if child is not option_list]
        structure: list[tuple[str, str]] = []
        for child in context:
            if child.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                structure.append(("content", "a heading inside a question: is the block closed with ////?"))
            elif child.get("class", "").startswith("p2ham-"):
                structure.append(("content", "a block inside a question: is the block closed with ////?"))
            elif child.tag in ("ul", "ol", "table"):
                structure.append(("content", "only paragraphs may come before the options list"))
        options, parts = self._options(option_list)
        problems = structure + check_question(qid, qtype, prompt, options, hint)
        if problems:
            for field, message in problems:
                self.collector.problem(self.line, f"{label}: {field}" if field else label, message)
            _error(block, strings, [f"{field}: {message}" for field, message in problems])
            return
        assert isinstance(qid, str) and isinstance(qtype, str)
        # Every item of an order question is part of the answer: its place is the order the items are written in.
        question = Question(id=qid, type=qtype, prompt=prompt,
                            options=tuple(Option(text, qtype == "order" or bool(correct))
                                          for text, correct, _ in options),
                            source=self.collector.page.source, line=self.line, scenario=bool(context))
        self.collector.page.questions.append(question)
        self._build(block, question, context, parts, hint if isinstance(hint, str) else None, strings)

    @staticmethod
    def _options(option_list: etree.Element | None) -> tuple[list[tuple[str, bool | None, bool]], list[Any]]:
        """(text, correct or None without a marker, has explanation) per option, and the elements: (label content,
        explanation)."""
        options: list[tuple[str, bool | None, bool]] = []
        parts: list[tuple[etree.Element, list[etree.Element]]] = []
        if option_list is None:
            return options, parts
        for item in option_list.findall("li"):
            paragraphs = list(item)
            if paragraphs and paragraphs[0].tag == "p":
                head, rest = paragraphs[0], paragraphs[1:]
            else:  # a tight list: no explanation paragraph
                head = etree.Element("p")
                head.text = item.text or ""
                rest = [child for child in paragraphs if child.tag != "p"]
            match = MARKER.match(head.text or "")
            correct = None
            if match is not None:
                head.text = (head.text or "")[match.end():]
                correct = match.group("state") in "xX"
            options.append((_text(head), correct, bool(rest and any(_text(r) for r in rest))))
            parts.append((head, rest))
        return options, parts

    def _build(self, block: etree.Element, question: Question, context: list[etree.Element],
               parts: list[Any], hint: str | None, strings: dict[str, str]) -> None:
        base = f"q-{question.id}"
        for child in list(block):
            block.remove(child)
        block.set("id", base)
        block.set("data-question", question.id)
        block.set("data-type", question.type)
        block.set("data-key", question.key)
        fieldset = etree.SubElement(block, "fieldset")
        legend = etree.SubElement(fieldset, "legend", {"class": "p2ham-question__prompt"})
        etree.SubElement(legend, "span", {"class": "p2ham-question__prompt-text"}).text = question.prompt
        described = []
        if context:
            holder = etree.SubElement(fieldset, "div", {"class": "p2ham-question__context", "id": f"{base}-context"})
            holder.extend(context)
            described.append(f"{base}-context")
        instruction = etree.SubElement(fieldset, "p", {"class": "p2ham-question__instruction",
                                                       "id": f"{base}-instruction"})
        instruction.text = strings[f"quiz_instruction_{question.type}"]
        if hint:
            etree.SubElement(instruction, "br")
            strong = etree.SubElement(instruction, "strong")
            strong.text = strings["quiz_hint"]
            strong.tail = " " + hint.strip()
        described.append(f"{base}-instruction")
        fieldset.set("aria-describedby", " ".join(described))
        answers = etree.Element("details", {"class": "p2ham-question__answers"})
        etree.SubElement(answers, "summary").text = strings["quiz_answers"]
        if question.type == "order":
            self._items(fieldset, answers, question, parts, base, strings)
        else:
            self._choices(fieldset, answers, question, parts, base, strings)
        actions = etree.SubElement(block, "div", {"class": "p2ham-question__actions"})
        check = etree.SubElement(actions, "button", {"type": "button", "data-p2ham": "check", "hidden": "hidden",
                                                     "class": "md-button md-button--primary p2ham-check-answer"})
        check.text = strings["quiz_check"]
        etree.SubElement(block, "div", {"class": "p2ham-question__feedback", "hidden": "hidden"})
        block.append(answers)

    @staticmethod
    def _answer(answer_list: etree.Element, head: etree.Element, explanation: list[etree.Element],
                attributes: dict[str, str]) -> etree.Element:
        """One entry of the "answers and explanations" details: the option's text, then its explanation (the
        option's label takes the original elements, the entry a copy)."""
        answer = etree.SubElement(answer_list, "li", attributes)
        title = etree.SubElement(answer, "p", {"class": "p2ham-answer__option"})
        copied = copy.deepcopy(head)
        title.text = copied.text
        title.extend(list(copied))
        return answer

    def _choices(self, fieldset: etree.Element, answers: etree.Element, question: Question, parts: list[Any],
                 base: str, strings: dict[str, str]) -> None:
        """Single, multiple and true/false: a radio or checkbox per option; every option's verdict in the answers."""
        choices = etree.SubElement(fieldset, "ul", {"class": "p2ham-options"})
        answer_list = etree.SubElement(answers, "ul", {"class": "p2ham-answers"})
        kind = "checkbox" if question.type == "multiple" else "radio"
        for number, ((head, explanation), option) in enumerate(zip(parts, question.options, strict=True), start=1):
            correct = "true" if option.correct else "false"
            item = etree.SubElement(choices, "li", {"class": "p2ham-option", "data-correct": correct})
            etree.SubElement(item, "input", {"type": kind, "name": base, "id": f"{base}-{number}",
                                             "value": str(number)})
            label = etree.SubElement(item, "label", {"for": f"{base}-{number}"})
            answer = self._answer(answer_list, head, explanation, {"data-option": str(number),
                                                                   "data-correct": correct})
            label.text = head.text
            label.extend(list(head))
            verdict = etree.SubElement(answer, "p", {"class": "p2ham-answer__verdict"})
            verdict.text = strings["quiz_right_option" if option.correct else "quiz_wrong_option"]
            body = etree.SubElement(answer, "div", {"class": "p2ham-answer__explanation"})
            body.extend(explanation)

    def _items(self, fieldset: etree.Element, answers: etree.Element, question: Question, parts: list[Any],
               base: str, strings: dict[str, str]) -> None:
        """Order: the items in their shuffled order, each with a native select of its place (labelled by the item);
        the answers list them in the right order, numbered, each with its explanation."""
        count = len(question.options)
        items = etree.SubElement(fieldset, "ul", {"class": "p2ham-options p2ham-order"})
        answer_list = etree.SubElement(answers, "ol", {"class": "p2ham-answers p2ham-answers--order"})
        entries: dict[int, etree.Element] = {}
        for number, index in enumerate(question.shown, start=1):
            head, explanation = parts[index]
            item = etree.SubElement(items, "li", {"class": "p2ham-option p2ham-order__item",
                                                  "data-position": str(index + 1)})
            select = etree.SubElement(item, "select", {"id": f"{base}-{number}", "name": f"{base}-{number}",
                                                       "class": "p2ham-order__place"})
            etree.SubElement(select, "option", {"value": ""}).text = strings["quiz_order_choose"]
            for place in range(1, count + 1):
                etree.SubElement(select, "option", {"value": str(place)}).text = str(place)
            label = etree.SubElement(item, "label", {"for": f"{base}-{number}"})
            entries[index] = self._answer(answer_list, head, explanation, {"data-option": str(number),
                                                                           "data-position": str(index + 1)})
            label.text = head.text
            label.extend(list(head))
            body = etree.SubElement(entries[index], "div", {"class": "p2ham-answer__explanation"})
            body.extend(explanation)
        answer_list[:] = [entries[index] for index in range(count)]  # the right order


class QuizBlock(_LinedBlock):
    NAME = "quiz"
    ARGUMENT = False
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {LINE_OPTION: (None, type_any)}

    def on_create(self, parent: etree.Element) -> etree.Element:
        # A <section>, not a <div>: Material's search parser ends an exclusion at the first closing tag of the
        # same name, and a question holds many divs but no section.
        return etree.SubElement(parent, "section", {"class": "p2ham-quiz", "data-search-exclude": "",
                                                    LINE_ATTRIBUTE: str(self.line)})

    def on_end(self, block: etree.Element) -> None:
        strings = self.collector.strings
        questions = [child for child in block if child.get("data-question")]
        broken = [child for child in block if child.get("class") == ERROR_CLASS]
        problems = []
        for child in block:
            if child.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                problems.append("a heading inside the quiz: is the quiz block closed with ///?")
        if not questions and not broken:
            problems.append("no question: add '//// question | ...' blocks inside the quiz")
        if problems:
            for message in problems:
                self.collector.problem(self.line, "quiz", message)
            _error(block, strings, problems)
            return
        for number, question in enumerate(questions, start=1):
            legend = question.find("fieldset/legend")
            if legend is not None:
                counter = etree.Element("span", {"class": "p2ham-question__number"})
                counter.text = f"{strings['quiz_question']} {number}"
                counter.tail = " "
                legend.insert(0, counter)
        js_strings = {key: value for key, value in strings.items() if key.startswith("quiz_")}
        block.set("data-strings", json.dumps(js_strings, ensure_ascii=False, separators=(",", ":")))
        summary = etree.SubElement(block, "div", {"class": "p2ham-quiz__summary", "hidden": "hidden"})
        etree.SubElement(summary, "p", {"class": "p2ham-quiz__score"})
        etree.SubElement(summary, "p", {"class": "p2ham-quiz__storage", "hidden": "hidden"})
        etree.SubElement(summary, "button", {"type": "button", "class": "md-button", "data-p2ham": "reset"}).text = (
            strings["quiz_reset"])
        # The live region is in the page from the start: assistive technology announces what is put in it later.
        etree.SubElement(block, "div", {"class": "p2ham-visually-hidden", "role": "status", "aria-live": "polite"})


class StrayBlockTreeprocessor(Treeprocessor):
    """The safety net: a block the parser did not accept (a misspelt name, an unknown option) or a quiz block never
    closed would show its raw text: a quiz's answer key, a trainer's notes.

    Such blocks are replaced by an error note and reported with their source line, and the parse-time line
    attributes are removed.
    """

    def run(self, root: etree.Element) -> None:
        collector = _collector(self.md)
        parents = {child: parent for parent in root.iter() for child in parent}
        for paragraph in list(root.iter("p")):
            text = paragraph.text or ""
            if not RAW_BLOCK.match(text) or paragraph not in parents or paragraph not in list(parents[paragraph]):
                continue  # not a raw block, or inside one already replaced
            line_match = RAW_LINE.search(text)
            header = text.split("\n", 1)[0].strip()
            name = RAW_BLOCK.match(text).group("name").lower()  # type: ignore[union-attr]
            message = f"'{header}' is not a valid block: {self._reason(text, name)}"
            field = "quiz" if name in ("quiz", "question") else "block"
            collector.problem(int(line_match.group(1)) if line_match else 0, field, message)
            self._replace(parents[paragraph], paragraph, message, "/" * len(header.split()[0]))
        for element in [*root.iter("div"), *root.iter("section")]:
            line = element.attrib.pop(LINE_ATTRIBUTE, None)
            if line is None or element.get("class") == ERROR_CLASS:
                continue
            if element.get("class") == "p2ham-question" and not element.get("data-question"):
                message = "the question block is not closed with ////"
            elif element.get("class") == "p2ham-quiz" and not element.get("data-strings"):
                message = "the quiz block is not closed with ///"
            else:
                continue
            collector.problem(int(line), "quiz", message)
            _error(element, collector.strings, [message])

    def _replace(self, parent: etree.Element, start: etree.Element, message: str, closing: str) -> None:
        """Put an error note where the raw block began and drop its content up to its closing fence."""
        note = etree.Element("div")
        _error(note, _collector(self.md).strings, [message])
        siblings = list(parent)
        index = siblings.index(start)
        parent.insert(index, note)
        if (start.text or "").rstrip().rsplit("\n", 1)[-1].strip() == closing:  # closed in its own paragraph
            parent.remove(start)
            return
        for sibling in siblings[index:]:
            parent.remove(sibling)
            if sibling.tag == "p" and (sibling.text or "").strip() == closing:
                break

    @staticmethod
    def _reason(text: str, name: str) -> str:
        if name not in BLOCKS:
            return f"unknown block '{name}' (the blocks are {', '.join(BLOCKS)})"
        keys = re.findall(r"^\s{4,}([A-Za-z0-9_-]+)\s*:", text, re.MULTILINE)
        unknown = [key for key in keys if key not in {*BLOCKS[name], LINE_OPTION}]
        if unknown:
            allowed = ", ".join(BLOCKS[name]) or "none"
            return f"unknown option {', '.join(repr(k) for k in unknown)} (allowed: {allowed})"
        if re.match(r"^\s*/{3,}\s*quiz\s*\|", text):
            return "a quiz block takes no title"
        return "options must be YAML lines indented by 4 spaces right under the first line"


class QuizExtension(BuildStateExtension):
    OPTION, ATTRIBUTE, STATE = "collector", "p2ham_quiz_collector", Collector  # receives questions and problems

    def register(self, md: Markdown, block_mgr: Any) -> None:
        block_mgr.register(QuizBlock, {})
        block_mgr.register(QuestionBlock, {})
        md.treeprocessors.register(StrayBlockTreeprocessor(md), "p2ham-quiz-stray", 1)


def makeExtension(**kwargs: Any) -> QuizExtension:
    return QuizExtension(**kwargs)
