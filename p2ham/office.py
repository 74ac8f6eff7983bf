"""`p2ham-new-office` (``./dev new-office``): turn this project, the bundled sample, into an office's own site.

    ./dev new-office --name-id "Kantor Wilayah X" --name-en "X Regional Office" \\
        --url https://p2ham.x.go.id/ --contact-name-id "Tim P2HAM Kanwil X" --contact-name-en "Kanwil X P2HAM team" \\
        --contact-email p2ham@x.go.id [--contact-url https://x.go.id/kontak] [--site-name "P2HAM Kanwil X"] \\
        [--without-sample-modules]

It writes the office's settings in mkdocs.yml (name, address, contact), removes the sample's work units and makes
``data/dataset.yml`` the office's (``sample: false``), keeps the sample's modules or, with
``--without-sample-modules``, replaces the pages with the starter kit (``starter/``: one introductory module and
neutral pages), lists the new site's page addresses in ``published-addresses.txt``, and prints what is left to do.
Missing answers are asked for when the command runs in a terminal. ADOPTING.md is the guide.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from p2ham.course.modules import MODULE_DIR, module_slugs
from p2ham.quiz.sessions import SESSION_PAGES, SESSIONS_FILE
from p2ham.trainer.views import PRINT_ALL, VIEW_PARTS

EMAIL = re.compile(r"^[^@\s<>\"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
STARTER = "starter"
SAMPLE_DATA = ("units", "units.xlsx", "units-csv")  # what the sample's work units are in data/
LEFT_TO_DO = """\
What is left to do (ADOPTING.md explains each step):
  1. Add your work units: data/units/<id>.yml files or data/units.xlsx (DATA.md), then `./dev validate`.
  2. Set your target in data/dataset.yml (how many units should hold the predicate, by when).
  3. Put your logo and favicon in docs/assets/images/ (logo.svg, favicon.svg).
  4. Write the About page (docs/tentang.md and docs/tentang.en.md): who publishes the site, and your partners.
  5. {modules}
  6. Check the content rules in mkdocs.yml (extra.content_rules) against what your office asks of its content.
  7. Run `./dev serve` to read the site, `./dev test` to check it, then publish (DEPLOY.md).
"""


class AdoptionError(Exception):
    """The project or an answer is not what the command needs; the message says what to do."""


@dataclass(frozen=True)
class Office:
    name_id: str
    name_en: str
    url: str
    contact_name_id: str
    contact_name_en: str
    contact_email: str
    contact_url: str = ""
    site_name: str = ""

    def problems(self) -> list[str]:
        found = [f"--{field.replace('_', '-')}: required" for field in ("name_id", "name_en", "url",
                                                                           "contact_name_id", "contact_name_en",
                                                                           "contact_email")
                 if not getattr(self, field).strip()]
        if self.url and not re.match(r"^https?://[^/\s]+(/\S*)?$", self.url):
            found.append(f"--url: {self.url!r} is not a web address (https://host/path/)")
        if self.contact_email and not EMAIL.match(self.contact_email):
            found.append(f"--contact-email: {self.contact_email!r} is not an email address")
        if self.contact_url and not self.contact_url.startswith("https://"):
            found.append(f"--contact-url: {self.contact_url!r} must be an https:// address")
        return found


# --- mkdocs.yml, edited as text so that its comments stay --------------------------------------------------------

def _block(text: str, header: str, indent: int) -> tuple[int, int]:
    """Where the block that starts at the line `header` (indented by `indent`) begins and ends: up to the next line
    at that indentation or less that is not blank."""
    match = re.search(rf"^{' ' * indent}{re.escape(header)}[ \t]*(#.*)?\n", text, re.MULTILINE)
    if match is None:
        raise AdoptionError(f"mkdocs.yml: '{header}' not found where the generator keeps it")
    end = match.end()
    for line in text[match.end():].splitlines(keepends=True):
        if line.strip() and len(line) - len(line.lstrip(" ")) <= indent:
            break
        end += len(line)
    return match.start(), end


def _dump(key: str, value: object, indent: int) -> str:
    lines = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=110).splitlines()
    return "".join(" " * indent + line + "\n" for line in lines)


def _replace_block(text: str, header: str, indent: int, key: str, value: object) -> str:
    start, end = _block(text, header, indent)
    return text[:start] + _dump(key, value, indent) + text[end:]


def _set_line(text: str, key: str, value: str) -> str:
    pattern = re.compile(rf"^{re.escape(key)}:.*$", re.MULTILINE)
    if not pattern.search(text):
        raise AdoptionError(f"mkdocs.yml: '{key}:' not found")
    return pattern.sub(lambda _: f"{key}: {yaml.safe_dump(value, allow_unicode=True).strip().splitlines()[0]}",
                       text, count=1)


def settings(text: str, office: Office, starter: Path | None) -> str:
    """mkdocs.yml with the office's settings (and, from the starter kit, its navigation and content rules)."""
    text = _set_line(text, "site_name", office.site_name or f"P2HAM · {office.name_id}")
    text = _set_line(text, "site_url", office.url if office.url.endswith("/") else office.url + "/")
    contact: dict[str, object] = {"name": {"id": office.contact_name_id, "en": office.contact_name_en},
                                  "email": office.contact_email}
    if office.contact_url:
        contact["url"] = office.contact_url
    text = _replace_block(text, "contact:", 2, "contact", contact)
    if starter is not None:
        kit = yaml.safe_load((starter / "nav.yml").read_text(encoding="utf-8"))
        text = _replace_block(text, "nav:", 0, "nav", kit["nav"])
        text = _replace_block(text, "nav_translations:", 10, "nav_translations", kit["nav_translations"])
        rules = yaml.safe_load((starter / "rules.yml").read_text(encoding="utf-8"))
        text = _replace_block(text, "content_rules:", 2, "content_rules", rules.get("content_rules", rules))
    return text


# --- the data folder ----------------------------------------------------------------------------------------------

def dataset(office: Office, today: dt.date) -> str:
    data = {
        "office": {"id": office.name_id, "en": office.name_en},
        "as_of": today,
        "sample": False,
        "target": {"date": dt.date(today.year, 12, 31), "units_with_predicate": 0,
                   "description": {"id": "Target belum ditetapkan.", "en": "No target has been set yet."}},
    }
    return ("# yaml-language-server: $schema=../schema/p2ham-dataset.schema.json\n"
            f"# The office's own data (sample: false), started by ./dev new-office on {today.isoformat()}.\n\n"
            + yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def reset_data(data: Path, office: Office, today: dt.date) -> None:
    """The sample's units gone, an empty units/ folder for the office's, the dataset the office's own."""
    for name in SAMPLE_DATA:
        target = data / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    (data / "units").mkdir(parents=True)
    (data / "units" / ".gitkeep").write_text("", encoding="utf-8")
    (data / "dataset.yml").write_text(dataset(office, today), encoding="utf-8")
    framework = data / "framework.yml"
    if framework.is_file():
        text = framework.read_text(encoding="utf-8")
        framework.write_text(text.replace("# Data ilustratif / illustrative sample data\n",
                                          "# Kerangka kerja P2HAM kantor / the office's P2HAM framework\n", 1),
                             encoding="utf-8")


# --- pages ---------------------------------------------------------------------------------------------------------

def use_starter(project: Path, starter: Path) -> None:
    """The starter kit's pages, agendas and no redirect in place of the sample's."""
    docs = project / "docs"
    for entry in docs.iterdir():
        if entry.name == "assets":
            continue
        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    shutil.copytree(starter / "docs", docs, dirs_exist_ok=True)
    shutil.copyfile(starter / "agendas.yml", project / "content" / "agendas.yml")
    shutil.copyfile(starter / "sessions.yml", project / SESSIONS_FILE)
    (project / "content" / "redirects.yml").write_text(
        "# Addresses that moved: `old/path/: new/path/` (README: Stable addresses). None yet.\n{}\n", encoding="utf-8")


def page_addresses(docs: Path, base: str, languages: list[str], class_sessions: bool = False) -> list[str]:
    """Every page the site will publish, in every language, from the host's root: the pages, each module's trainer's
    views, the print-all page and, with ``class_sessions``, the class sessions' pages (unit pages follow the data and
    are not listed)."""
    paths = set()
    for page in docs.rglob("*.md"):
        if page.name.count(".") != 1 or "assets" in page.relative_to(docs).parts:
            continue
        relative = page.relative_to(docs).with_suffix("").as_posix()
        paths.add("" if relative == "index" else relative.removesuffix("/index") + "/")
    slugs = module_slugs(docs)
    paths |= {f"{MODULE_DIR}/{slug}/{part}/" for slug in slugs for part in VIEW_PARTS.values()}
    if slugs:
        paths.add(f"{PRINT_ALL}/")
    if class_sessions:
        paths |= {f"{path}/" for path in SESSION_PAGES.values()}
    prefixes = [base] + [f"{base}{lang}/" for lang in languages[1:]]
    return sorted(prefix + path for prefix in prefixes for path in paths)


def languages(config_text: str) -> list[str]:
    """The site's languages, default first, as the i18n plugin in mkdocs.yml lists them."""
    found = re.findall(r"^\s*- locale: (\w+)\n((?:\s+\w+:.*\n)*)", config_text, re.MULTILINE)
    default = [locale for locale, body in found if re.search(r"default: true", body)]
    return default + [locale for locale, _ in found if locale not in default]


def adopt(project: Path, office: Office, keep_modules: bool, today: dt.date | None = None) -> str:
    """Make the project the office's site; return what is left to do."""
    config_file = project / "mkdocs.yml"
    if not config_file.is_file() or not (project / "hooks").is_dir():
        raise AdoptionError(f"{project}: not the generator's folder (mkdocs.yml and hooks/ are missing)")
    problems = office.problems()
    if problems:
        raise AdoptionError("\n".join(problems))
    starter = None if keep_modules else project / STARTER
    if starter is not None and not (starter / "docs").is_dir():
        raise AdoptionError(f"{starter}: the starter kit is missing")
    text = settings(config_file.read_text(encoding="utf-8"), office, starter)
    reset_data(project / "data", office, today or dt.date.today())
    if starter is not None:
        use_starter(project, starter)
    config_file.write_text(text, encoding="utf-8")
    base = urlsplit(office.url).path or "/"
    base = base if base.endswith("/") else base + "/"
    addresses = page_addresses(project / "docs", base, languages(text), (project / SESSIONS_FILE).is_file())
    (project / "published-addresses.txt").write_text(
        "# Published addresses: every page address partners may have linked to, in every language (content rule\n"
        "# published_addresses). The build fails when one of them disappears without a redirect\n"
        "# (content/redirects.yml) and when a page is missing here. Unit pages are not listed.\n"
        + "".join(address + "\n" for address in addresses), encoding="utf-8")
    modules = ("Write your modules in docs/modul/ (README: Writing a training module); the starter's "
               "modul-pertama is a model." if starter else
               "Read the sample modules (docs/modul/) with your trainers: keep, change or add (README: Writing a "
               "training module).")
    return LEFT_TO_DO.format(modules=modules)


def _ask(label: str, value: str, required: bool = True) -> str:
    while not value.strip() and sys.stdin.isatty():
        value = input(f"{label}: ").strip()
        if not required:
            break
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="p2ham-new-office", description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", default=".", help="the generator's folder (default: this one)")
    for flag, text in (("--name-id", "the office's name in Indonesian"), ("--name-en", "the office's name in English"),
                       ("--url", "the site's public address, e.g. https://p2ham.example.go.id/"),
                       ("--contact-name-id", "whom readers contact, in Indonesian"),
                       ("--contact-name-en", "whom readers contact, in English"),
                       ("--contact-email", "the contact's email address"),
                       ("--contact-url", "the contact's web page (optional, https://)"),
                       ("--site-name", "the site's name in the header (default: P2HAM · the office's name)")):
        parser.add_argument(flag, default="", help=text)
    parser.add_argument("--without-sample-modules", action="store_true",
                        help="replace the sample's pages and modules with the starter kit")
    args = parser.parse_args(argv)
    office = Office(
        name_id=_ask("Nama kantor (Indonesia)", args.name_id), name_en=_ask("Office name (English)", args.name_en),
        url=_ask("Site address (https://...)", args.url),
        contact_name_id=_ask("Kontak (Indonesia)", args.contact_name_id),
        contact_name_en=_ask("Contact (English)", args.contact_name_en),
        contact_email=_ask("Contact email", args.contact_email), contact_url=args.contact_url,
        site_name=args.site_name)
    try:
        left = adopt(Path(args.project).resolve(), office, keep_modules=not args.without_sample_modules)
    except AdoptionError as error:
        print(f"p2ham-new-office: {error}", file=sys.stderr)
        return 2
    print(f"p2ham-new-office: the site is now {office.name_en}'s ({office.url}).\n")
    print(left)
    return 0


if __name__ == "__main__":
    sys.exit(main())
