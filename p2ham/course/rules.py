"""Content rules: what an office asks of its own content, checked by the build and reported as
``file:line: field: problem``, every problem at once.

The numbers and lists live in one place, ``extra.content_rules`` in ``mkdocs.yml`` (README: "Content rules"); what
is not set there takes the defaults below, which are the bundled course's. A rule set to 0, false or an empty list
is off. The generator's own checks (a quiz's structure, a module's front matter, the agendas' arithmetic) are not
rules: they always apply.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from p2ham.core.errors import Problem, display
from p2ham.core.schema import validate
from p2ham.core.source import block_lines, lines_outside_fences, split_front_matter
from p2ham.core.yamlfile import FieldPath, YamlRecord
from p2ham.course.agendas import Agenda
from p2ham.course.glossary import Entry
from p2ham.course.modules import Module, module_section, source_name, title_line

CONFIG_PATH: FieldPath = ("extra", "content_rules")
HEADING = re.compile(r"^(#{1,6})\s+\S")
YEAR = re.compile(r"\b\d{1,3}/(19|20)\d{2}\b|\b(19|20)\d{2}\b")


class Rules(BaseModel):
    """The content rules and their defaults (the bundled course's values)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    module_minutes: tuple[int, int] | None = (45, 90)  # a module's duration, shortest and longest; null: off
    modules_numbered_from_one: bool = True  # the modules are numbered 1, 2, 3 ... without a gap
    same_sections_in_every_language: bool = True  # a module's translations have its ## and ### sections
    trainer_blocks: Annotated[int, Field(ge=0)] = 5  # timed sections (/// trainer) in each module, at least
    quiz_questions: Annotated[int, Field(ge=0)] = 8  # questions in each module's quiz, at least
    quiz_scenario_share: Annotated[float, Field(ge=0, le=1)] = 0.5  # share of questions that set a scene, at least
    quiz_all_types: bool = True  # each quiz uses single, multiple and truefalse questions
    key_points_heading: dict[str, str] = {"id": "Poin kunci", "en": "Key points"}  # the ## section of key points
    sources_heading: dict[str, str] = {"id": "Sumber", "en": "Sources"}  # the ## section that lists sources
    sources_cite_article: dict[str, str] = {"id": "Pasal", "en": "Article"}  # the word for an article; {}: off
    module_mentions: list[list[str]] = [  # each module names one word of each group (any language)
        ["Lapas", "Rutan"], ["Imigrasi", "Kanim", "immigration"],
        ["OPD", "Mal Pelayanan Publik", "pemerintah daerah", "local government", "local-government",
         "public service mall"]]
    agendas_teach_every_module: list[str] = ["dua-hari-1", "dua-hari-2"]  # formats that together teach them all
    agenda_teaching_minutes: Annotated[int, Field(ge=0)] = 90  # teaching at most, between two breaks
    published_addresses: str = "published-addresses.txt"  # every page listed, every listed address answers
    glossary_terms: list[str] = ["P2HAM", "P5HAM", "HAM", "UPT", "Satker", "Kanwil", "OPD", "K/L", "Lapas",
                                 "Rutan", "LPKA", "Bapas", "Kanim", "SKM", "ZI", "WBK", "WBBM", "Ditjen HAM", "FNF"]
    placeholders: list[str] = [r"\b(TODO|FIXME|TBD|lorem|ipsum|xxx+)\b"]  # never in a page
    forbidden: dict[str, str] = {  # never in a page: pattern -> why
        r"Permenkumham\s+(Nomor\s+)?2\s*/\s*2019": "there is no P2HAM regulation numbered 2/2019",
        r"Nomor\s+2\s+Tahun\s+2019": "there is no P2HAM regulation numbered 2/2019",
    }
    no_empty_sections: bool = True  # a heading is followed by text, not at once by a heading of its level
    # Slides (/// slide blocks, README "Slides"): what fits a projected slide at the size the room reads.
    slide_lines: Annotated[int, Field(ge=0)] = 6  # lines (list items, paragraphs, table rows) per slide, at most
    slide_line_length: Annotated[int, Field(ge=0)] = 80  # characters per line (a table row: its cells together)
    slide_table_columns: Annotated[int, Field(ge=0)] = 4  # columns of a slide's table, at most
    slide_closing: bool = True  # exactly one `/// slide | closing` block per module (its discussion questions)
    slide_closing_items: Annotated[int, Field(ge=0)] = 5  # the closing slide's questions, at most
    slide_closing_line_length: Annotated[int, Field(ge=0)] = 70  # characters per question, at most

    @field_validator("placeholders", "forbidden")
    @classmethod
    def _patterns(cls, value: Any) -> Any:
        for pattern in value:
            try:
                re.compile(pattern, re.IGNORECASE)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a regular expression: {exc}") from None
        return value


@dataclass
class _Settings:
    """The rules as written in mkdocs.yml, able to name the line of any of them (the file's !ENV tags are read as
    plain YAML nodes to find lines)."""

    data: Any
    config: YamlRecord

    def problem(self, path: FieldPath, message: str) -> Problem:
        return self.config.problem((*CONFIG_PATH, *path), message)


def load_rules(config_file: Path, settings: Any) -> tuple[Rules | None, list[Problem]]:
    """The rules set in mkdocs.yml (`settings`: its ``extra.content_rules``), over the defaults."""
    text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    written = _Settings(settings if settings is not None else {}, YamlRecord(config_file, text, None))
    if not isinstance(written.data, dict):
        return None, [written.problem((), "must be a mapping of rule: value")]
    return validate(Rules, written)


# --- what the rules ask of the text of pages and modules -------------------------------------------------------------

def _body_lines(text: str) -> list[tuple[int, str]]:
    """The lines of a page's body outside fenced code, numbered as in the file."""
    _, body, first = split_front_matter(text)
    return [(number, line) for number, line, is_text in lines_outside_fences(body, first) if is_text]


def _headings(lines: Sequence[tuple[int, str]], level: int) -> list[tuple[int, str]]:
    return [(number, line) for number, line in lines if line.startswith("#" * level + " ")]


def check_page_text(source: str, text: str, rules: Rules) -> list[Problem]:
    """Placeholders, forbidden phrases and empty sections in one page."""
    problems = []
    lines = _body_lines(text)
    for number, line in lines:
        for pattern in rules.placeholders:
            problems += [Problem(source, number, "text", f"placeholder {found.group(0)!r}: write the text")
                         for found in re.finditer(pattern, line, re.IGNORECASE)]
        for pattern, reason in rules.forbidden.items():
            if re.search(pattern, line, re.IGNORECASE):
                problems.append(Problem(source, number, "text", f"{pattern!r} found: {reason}"))
    if rules.no_empty_sections:
        written = [(number, line) for number, line in lines if line.strip()]
        for (number, line), following in itertools.zip_longest(written, written[1:]):
            heading = HEADING.match(line)
            if not heading:
                continue
            after = HEADING.match(following[1]) if following else None
            if following is None or (after and len(after.group(1)) <= len(heading.group(1))):
                problems.append(Problem(source, number, "section", f"{line.strip()!r} is empty"))
    return problems


# The sections every module has, each named by its content rule: field -> the rule that gives its heading per
# language. The module's one-page summary (p2ham.trainer.summary) is made of them, in this order.
SECTIONS = {"key_points": "key_points_heading", "sources": "sources_heading"}


def required_sections(rules: Rules, lang: str) -> list[tuple[str, str, str]]:
    """(field, rule, heading) of each section a module in `lang` must have; a rule with no heading for `lang` (or
    turned off with {}) asks for none."""
    found = []
    for field, rule in SECTIONS.items():
        heading = getattr(rules, rule).get(lang)
        if heading:
            found.append((field, rule, heading))
    return found


def missing_sections(source: str, text: str, lang: str, rules: Rules) -> list[Problem]:
    """A problem for each section the rules ask for that a module's source (`text`, in `lang`) lacks, named at the
    module's title."""
    return [Problem(source, title_line(text), field, f"no '## {heading}' section: the module and its one-page "
                                                     f"summary need it (content rule {rule})")
            for field, rule, heading in required_sections(rules, lang) if module_section(text, heading) is None]


def check_module_texts(docs: Path, modules: Mapping[str, Sequence[Module]], rules: Rules) -> list[Problem]:
    """Every rule on the modules' own text, in every language (`modules`: language -> its modules)."""
    problems: list[Problem] = []
    languages = list(modules)
    default = languages[0]
    by_slug = {module.slug: module for module in modules[default]}
    if rules.modules_numbered_from_one:
        ordered = sorted(by_slug.values(), key=lambda module: module.number)
        gap = next((module for expected, module in enumerate(ordered, start=1) if module.number != expected), None)
        if gap is not None:
            numbers = [module.number for module in ordered]
            problems.append(Problem(gap.source, 1, "module", f"the modules are numbered {numbers}: number them 1 to "
                                                             f"{len(ordered)} without a gap (content rule "
                                                             "modules_numbered_from_one)"))
    for lang in languages:
        for module in modules[lang]:
            if module.source != source_name(module.slug, lang, default):
                continue  # an untranslated module: its default language's file was checked
            text = (docs / module.source).read_text(encoding="utf-8")
            problems += _module_text_problems(module, text, lang, rules)
            if lang != default and rules.same_sections_in_every_language:
                reference = (docs / by_slug[module.slug].source).read_text(encoding="utf-8")
                problems += _same_sections(module, text, by_slug[module.slug].source, reference)
    return problems


def _module_text_problems(module: Module, text: str, lang: str, rules: Rules) -> list[Problem]:
    problems = []
    source = module.source
    if rules.module_minutes is not None:
        shortest, longest = rules.module_minutes
        if not shortest <= module.duration <= longest:
            problems.append(Problem(source, module.duration_line, "duration", f"{module.duration} minutes: a module "
                                    f"takes {shortest} to {longest} minutes (content rule module_minutes)"))
    blocks = block_lines(text, "trainer")
    if len(blocks) < rules.trainer_blocks:
        problems.append(Problem(source, module.duration_line, "trainer", f"{len(blocks)} timed sections: at least "
                                f"{rules.trainer_blocks} (content rule trainer_blocks)"))
    lines = _body_lines(text)
    problems += missing_sections(source, text, lang, rules)
    heading = rules.sources_heading.get(lang)
    found = module_section(text, heading) if heading else None
    article = rules.sources_cite_article.get(lang)
    if found is not None and article and (not YEAR.search(found.body)
                                          or not re.search(rf"\b{re.escape(article)}\b", found.body)):
        problems.append(Problem(source, found.line, "sources", f"cite each instrument with its year and the {article} "
                                                               "(content rule sources_cite_article)"))
    body = "\n".join(line for _, line in lines)
    for group in rules.module_mentions:
        if not any(re.search(rf"\b{re.escape(word)}\b", body, re.IGNORECASE) for word in group):
            problems.append(Problem(source, 1, "text", f"names none of {', '.join(group)} (content rule "
                                                       "module_mentions)"))
    return problems


def _same_sections(module: Module, text: str, reference_source: str, reference: str) -> list[Problem]:
    problems = []
    ours, theirs = _body_lines(text), _body_lines(reference)
    for level in (2, 3):
        mine, other = _headings(ours, level), _headings(theirs, level)
        if len(mine) != len(other):
            where = mine[min(len(mine), len(other))][0] if len(mine) > len(other) else (mine[-1][0] if mine else 1)
            problems.append(Problem(module.source, where, "sections", f"{len(mine)} {'#' * level} sections, but "
                                    f"{reference_source} has {len(other)} (content rule "
                                    "same_sections_in_every_language)"))
    return problems


# --- quizzes, agendas, glossary, published addresses -----------------------------------------------------------------

def check_quizzes(modules: Sequence[Module], questions: Mapping[str, Sequence[Any]], rules: Rules) -> list[Problem]:
    """Each module's quiz: enough questions, enough that set a scene, every type (`questions`: by page source)."""
    problems = []
    for module in modules:
        found = list(questions.get(module.source, ()))
        where = (module.source, found[0].line if found else module.duration_line, "quiz")
        if len(found) < rules.quiz_questions:
            count = f"{len(found)} question" + ("" if len(found) == 1 else "s")
            problems.append(Problem(*where, f"{count}: at least {rules.quiz_questions} (content rule quiz_questions)"))
        scenarios = sum(1 for question in found if question.scenario)
        if found and scenarios < rules.quiz_scenario_share * len(found):
            problems.append(Problem(*where, f"{scenarios} of {len(found)} questions set a scene (a paragraph before "
                                            f"the options): at least {rules.quiz_scenario_share:.0%} (content rule "
                                            "quiz_scenario_share)"))
        types = {question.type for question in found}
        required = {"single", "multiple", "truefalse"}
        if found and rules.quiz_all_types and not required <= types:
            missing = ", ".join(sorted(required - types))
            problems.append(Problem(*where, f"no {missing} question (content rule quiz_all_types)"))
    return problems


def check_agendas(agendas: Sequence[Agenda], modules: Sequence[Module], file: Path, rules: Rules) -> list[Problem]:
    """Formats that together teach every module in order; no teaching block without a break that is too long."""
    problems = []
    name = display(file)
    by_id = {agenda.id: agenda for agenda in agendas}
    if rules.agendas_teach_every_module:
        unknown = [format_id for format_id in rules.agendas_teach_every_module if format_id not in by_id]
        if unknown:
            problems.append(Problem(name, 1, "formats", f"no format {', '.join(unknown)} (content rule "
                                                        "agendas_teach_every_module)"))
        else:
            taught = [item.module for format_id in rules.agendas_teach_every_module
                      for item in by_id[format_id].items if item.module]
            expected = [module.slug for module in modules]
            if taught != expected:
                first = by_id[rules.agendas_teach_every_module[0]]
                problems.append(Problem(name, first.line, "formats", f"{' + '.join(rules.agendas_teach_every_module)} "
                                        f"teach {', '.join(taught) or 'no module'}; together they teach every module "
                                        f"once, in order: {', '.join(expected)} (content rule "
                                        "agendas_teach_every_module)"))
    if rules.agenda_teaching_minutes:
        for agenda in agendas:
            run = 0
            for item in agenda.items:
                run = run + item.minutes if item.kind in ("module", "other") else 0
                if run > rules.agenda_teaching_minutes:
                    problems.append(Problem(name, agenda.line, f"formats.{agenda.id}", f"{run} minutes of teaching "
                                            f"without a break: at most {rules.agenda_teaching_minutes} (content rule "
                                            "agenda_teaching_minutes)"))
                    break
    return problems


def check_glossary(entries: Iterable[Entry], file: Path, rules: Rules) -> list[Problem]:
    terms = {entry.term for entry in entries}
    return [Problem(display(file), 1, term, "missing: the glossary explains this term (content rule glossary_terms)")
            for term in rules.glossary_terms if term not in terms]


def read_published(file: Path) -> list[tuple[int, str]]:
    """The addresses of a published-addresses file, with their lines (comments and blank lines left out)."""
    return [(number, line.strip()) for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(),
                                                                   start=1)
            if line.strip() and not line.startswith("#")]


def check_published(file: Path, pages: set[str], redirects: set[str], unlisted_ok: set[str]) -> list[Problem]:
    """Every page is listed, and every listed address still answers, as a page or a redirect.

    `pages` and `redirects` are the site's addresses from its top (``/``, ``/en/tentang/``); `unlisted_ok` are pages
    that need not be listed (generated from data, such as unit pages)."""
    name = display(file)
    if not file.is_file():
        return [Problem(name, 0, "", "not found (content rule published_addresses): list every page's address")]
    listed = read_published(file)
    problems = [Problem(name, number, address, "no page or redirect answers here: add a redirect in "
                                               "content/redirects.yml, or remove the line if it was never published")
                for number, address in listed if address not in pages | redirects]
    known = {address for _, address in listed}
    problems += [Problem(name, 0, address, "a page not listed: add its address (it is published from now on)")
                 for address in sorted(pages - known - unlisted_ok)]
    return problems


def rules_table() -> str:
    """The rules and their defaults, as YAML (for the documentation and `./dev new-office`)."""
    return yaml.safe_dump({"content_rules": Rules().model_dump(mode="json")}, allow_unicode=True, sort_keys=False)
