"""Benchmark: how the site build scales with the number of work units, against stock Material (the yardstick).

Run from anywhere (paths are relative to this file's project)::

    .venv/bin/python bench/units.py                   # N = 1,000 and 2,000, and the bundled site (a few minutes)
    .venv/bin/python bench/units.py --sizes 20        # smoke test (well under a minute)
    .venv/bin/python bench/units.py --sizes 2000,5000,10000
    .venv/bin/python bench/units.py --sizes 1000,2000 --repeat 3   # the doubling check, fastest of 3 builds

For each N it writes a temporary data folder (the project's ``data/framework.yml`` and ``data/dataset.yml``, or a
minimal framework and dataset when those do not exist, plus N synthetic units ``units/u00001.yml`` ...) and builds
the whole site strictly with ``P2HAM_DATA`` pointing at it. The yardstick, built in the same run: **stock Material
with mkdocs-static-i18n** (the theme, its search plugin and the i18n plugin, no hooks, no project code) with N plain
Markdown pages per language (``docs/plain/p00001.md`` and ``.en.md``, text of about a unit page's size, kept out of
the navigation with ``not_in_nav``). A build of the project with one unit gives the fixed cost of a build.

The bundled site (the project's own data and modules) is compared with stock Material on the same pages: the
project's ``docs/`` as written, plus the pages the build generates from them (each module's presentation, handouts
and summary, the print-all page, from the project's own functions) and one plain page per unit page, built with the
project's Markdown extensions except its own (``p2ham.*``).

Every build runs in a fresh process. Peak RSS is the ``ru_maxrss`` that ``os.wait4`` reports for that build process
(the largest single process of the build, its reaped worker processes included); "tree" is the sum of the RSS of the
build process and all its descendants, sampled from /proc every 0.2 s (Linux only), which counts parallel workers.
Weights: each language's search index (what a reader downloads on the first search, with the search worker), and
a module page's first visit (the page with the stylesheets and scripts it loads), raw and gzip level 6.

Timings are printed, never asserted: the exit status is 1 only when a build fails or the synthetic data is invalid.
Standard library only, plus PyYAML and the project's own ``p2ham`` package (both in the project's venv).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.metadata
import itertools
import json
import math
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PROJECT = Path(__file__).resolve().parent.parent
SEED = 20241130
DEFAULT_SIZES = "1000,2000"
UNIT_PREFIX = "u"
PLAIN_DIR = "plain"
UNIT_DIR_NAME = "unit-kerja"
KB = 1000
MB = 1000 * 1000

# Targets (printed, never asserted): issue 12.
TARGET_N = 2000
TARGET_UNITS_VS_STOCK = 2.0  # at N = 2,000
TARGET_DOUBLING = 2.1
TARGET_NATIONAL_N = 10000
TARGET_NATIONAL_SECONDS = 180
TARGET_NATIONAL_RSS = 1500 * 1000 * 1000
TARGET_SITE_VS_STOCK = 2.0  # the bundled site
TARGET_FIRST_VISIT_GZIP = 100 * 1024  # a module page
TARGET_FIRST_SEARCH_GZIP = 300 * 1024  # per language, at N = 10,000
TARGET_UNIT_PAGE_BYTES = 60 * KB
TARGET_SEARCH_BYTES_PER_UNIT = 500  # "a few hundred bytes"

STATUS_WORDS = {
    "ada": ("Ada", "In place"),
    "proses": ("Dalam proses", "In progress"),
    "belum": ("Belum", "Not yet"),
}
REGIONS = (
    "Kota Kupang", "Kabupaten Kupang", "Kabupaten Timor Tengah Selatan", "Kabupaten Belu", "Kabupaten Alor",
    "Kabupaten Ende", "Kabupaten Sikka", "Kabupaten Manggarai", "Kabupaten Sumba Timur", "Kabupaten Rote Ndao",
    "Kabupaten Flores Timur", "Kabupaten Lembata",
)
NOTES_ID = (
    "Foto terbaru tersimpan di folder bukti; *lokasi dan tanggal* tercatat pada setiap foto.",
    "Sudah dipasang tetapi belum diperiksa ulang oleh tim kerja. Perlu foto dari sudut pintu masuk.",
    "Surat keputusan kepala unit sudah ditandatangani dan diunggah ke aplikasi P2HAM.",
    "Masih dipakai sebagai gudang pada pemeriksaan terakhir; **harus dikosongkan** sebelum penilaian.",
    "Daftar hadir pengarahan internal dan notulen rapat tersedia dalam satu berkas PDF.",
)

# Used only when the project has no data/framework.yml or data/dataset.yml yet: small but valid.
MINIMAL_FRAMEWORK: dict[str, Any] = {
    "regulation": {"id": "Permenkumham 25/2023", "en": "Permenkumham 25/2023"},
    "stages": [
        {"id": "pencanangan", "label": {"id": "Pencanangan", "en": "Declaration"}},
        {"id": "evaluasi", "label": {"id": "Evaluasi (verifikasi)", "en": "Evaluation (verification)"}},
        {"id": "penilaian", "label": {"id": "Penilaian", "en": "Assessment"}},
        {"id": "pembinaan", "label": {"id": "Pembinaan dan pengawasan", "en": "Coaching and supervision"}},
    ],
    "results": [
        {"id": "predikat", "label": {"id": "Mendapat predikat P2HAM", "en": "Awarded the P2HAM predicate"}},
        {"id": "belum-memenuhi", "label": {"id": "Belum memenuhi", "en": "Not yet met"}},
    ],
    "unit_types": [
        {"id": "lapas", "label": {"id": "Lembaga Pemasyarakatan (Lapas)", "en": "Prison (Lapas)"}},
        {"id": "rutan", "label": {"id": "Rumah Tahanan Negara (Rutan)", "en": "Remand centre (Rutan)"}},
        {"id": "kanim", "label": {"id": "Kantor Imigrasi (Kanim)", "en": "Immigration office (Kanim)"}},
    ],
    "criteria": [
        {"id": "aksesibilitas", "label": {"id": "Ketersediaan aksesibilitas", "en": "Availability of accessibility"},
         "indicators": [
             {"id": "bidang-miring", "label": {"id": "Bidang miring", "en": "Ramp"}},
             {"id": "toilet-aksesibel", "label": {"id": "Toilet aksesibel", "en": "Accessible toilet"}},
             {"id": "loket-prioritas", "label": {"id": "Loket prioritas", "en": "Priority counter"}},
         ]},
        {"id": "sarana-prasarana",
         "label": {"id": "Ketersediaan sarana dan prasarana", "en": "Availability of facilities and infrastructure"},
         "indicators": [
             {"id": "ruang-laktasi", "label": {"id": "Ruang laktasi", "en": "Lactation room"}},
             {"id": "sarana-pengaduan", "label": {"id": "Sarana pengaduan", "en": "Complaint channel"}},
         ]},
        {"id": "sdm", "label": {"id": "Ketersediaan sumber daya manusia", "en": "Availability of human resources"},
         "indicators": [
             {"id": "petugas-terlatih", "label": {"id": "Petugas terlatih", "en": "Trained staff"}},
             {"id": "meja-bantuan", "label": {"id": "Meja bantuan", "en": "Helpdesk"}},
         ]},
    ],
}
MINIMAL_DATASET: dict[str, Any] = {
    "office": {"id": "Kantor Wilayah Contoh (data tolok ukur)", "en": "Example Regional Office (benchmark data)"},
    "as_of": "2024-11-30",
    "sample": True,
    "target": {
        "date": "2024-12-31",
        "units_with_predicate": 20,
        "description": {"id": "Data sintetis untuk tolok ukur.", "en": "Synthetic data for the benchmark."},
    },
}

_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def dump_yaml(data: Any) -> str:
    return str(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000))


# --------------------------------------------------------------------------------------------------------------
# Synthetic data


@dataclass
class Framework:
    """The parts of framework.yml the generator draws from (plain dicts, as read from YAML)."""

    stages: list[dict[str, Any]]
    results: list[dict[str, Any]]
    unit_types: list[dict[str, Any]]
    indicators: list[dict[str, Any]]  # each with its criterion under "criterion"
    facts: dict[str, Any]  # regulation (framework.yml), office and as_of (dataset.yml), for the plain pages

    @classmethod
    def from_yaml(cls, data: dict[str, Any], dataset: dict[str, Any]) -> Framework:
        indicators = [{**indicator, "criterion": criterion}
                      for criterion in data["criteria"] for indicator in criterion["indicators"]]
        facts = {"regulation": data["regulation"], "office": dataset["office"], "as_of": str(dataset["as_of"])}
        return cls(stages=list(data["stages"]), results=list(data["results"]), unit_types=list(data["unit_types"]),
                   indicators=indicators, facts=facts)


def unit_id(index: int) -> str:
    return f"{UNIT_PREFIX}{index:05d}"


def synthetic_units(framework: Framework, count: int, seed: int = SEED) -> Iterator[dict[str, Any]]:
    """`count` valid units, the same first k for every count (one generator, drawn in order)."""
    rng = random.Random(seed)
    for index in range(1, count + 1):
        kind = rng.choice(framework.unit_types)
        stage_index = rng.randrange(len(framework.stages))
        history = []
        for offset, year in enumerate((2022, 2023, 2024)):
            result = rng.choice([*framework.results, None])
            entry: dict[str, Any] = {"year": year,
                                     "stage": framework.stages[min(offset + stage_index // 2, stage_index)]["id"]}
            if result is not None:
                entry["result"] = result["id"]
                entry["decree"] = f"W{index % 30 + 1}.PP.01.01-{index:04d}/{year}"
            history.append(entry)
        indicators: dict[str, Any] = {}
        for indicator in framework.indicators:
            status = rng.choice(tuple(STATUS_WORDS))
            item: dict[str, Any] = {"status": status}
            if status != "belum":
                item["note"] = rng.choice(NOTES_ID)
                item["date"] = f"2024-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"
            indicators[indicator["id"]] = item
        todo = rng.choice(framework.indicators)
        unit: dict[str, Any] = {
            "id": unit_id(index),
            "name": {"id": f"{kind['label']['id']} Sintetis {index:05d}",
                     "en": f"Synthetic {kind['label']['en']} {index:05d}"},
            "type": kind["id"],
        }
        if index > 1:
            unit["parent"] = unit_id(1)
        unit["region"] = rng.choice(REGIONS)
        unit["stage"] = framework.stages[stage_index]["id"]
        if rng.random() < 0.25:
            unit["predicate"] = {"year": 2024, "decree": f"SK P2HAM {index:05d}/2024"}
        unit["history"] = history
        unit["indicators"] = indicators
        unit["next_actions"] = [{
            "id": f"Lengkapi dan unggah bukti untuk indikator: {todo['label']['id']}.",
            "en": f"Complete and upload the evidence for the indicator: {todo['label']['en']}.",
        }]
        yield unit


def plain_markdown(unit: dict[str, Any], framework: Framework, facts: dict[str, Any], lang: str) -> str:
    """A plain page carrying about the text of the unit's page (its facts, indicators with notes, history, next
    action, badge snippet) as headings, paragraphs and a list; front matter with the title only."""
    first = lang == "id"
    labels = {item["id"]: item["label"][lang] for item in framework.stages + framework.results}
    words = {status: pair[0 if first else 1] for status, pair in STATUS_WORDS.items()}
    title = unit["name"][lang]
    kind = next(t["label"][lang] for t in framework.unit_types if t["id"] == unit["type"])
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "---", "", f"# {title}", ""]
    lines += [(f"Data ilustratif untuk pelatihan. {kind}, {unit['region']}, unit induk {facts['parent']['id']}. "
               f"Kantor {facts['office']['id']}, data per {facts['as_of']}, kerangka {facts['regulation']['id']}. "
               if first else
               f"Illustrative data for training. {kind}, {unit['region']}, reports to {facts['parent']['en']}. "
               f"Office {facts['office']['en']}, data as of {facts['as_of']}, framework {facts['regulation']['en']}. ")
              + ("Tahap saat ini: " if first else "Current stage: ") + labels[unit["stage"]] + ". "
              + " ".join(labels[stage["id"]] for stage in framework.stages) + ".", ""]
    criteria: dict[str, list[dict[str, Any]]] = {}
    for indicator in framework.indicators:
        criteria.setdefault(indicator["criterion"]["id"], []).append(indicator)
    for indicators in criteria.values():
        criterion = indicators[0]["criterion"]["label"][lang]
        counts = {status: sum(unit["indicators"][i["id"]]["status"] == status for i in indicators)
                  for status in STATUS_WORDS}
        lines += [f"## {criterion}", "",
                  " ".join(f"{counts[status]} {words[status]}," for status in STATUS_WORDS)
                  + (f" {len(indicators)} indikator." if first else f" {len(indicators)} indicators."), ""]
        for indicator in indicators:
            status = unit["indicators"][indicator["id"]]
            text = f"- {indicator['label'][lang]} ({criterion}): {words[status['status']]}."
            if "note" in status:
                text += f" {status['note']} " + ("Diperiksa" if first else "Checked") + f" {status['date']}."
            lines.append(text)
        lines.append("")
    lines += ["## " + ("Riwayat" if first else "History"), ""]
    lines.append(" ".join(f"{entry['year']}: {labels[entry['stage']]}."
                          + (f" {labels[entry['result']]}. {entry['decree']}." if "result" in entry else "")
                          for entry in unit["history"]))
    lines += ["", "## " + ("Langkah berikutnya" if first else "Next steps"), "", unit["next_actions"][0][lang], ""]
    address = f"https://p2ham.example.org/{'' if first else 'en/'}plain/{unit['id']}/"
    lines += [("Tempelkan kode ini di situs Anda:" if first else "Paste this code into your site:")
              + f' `<a href="{address}"><img src="{address}badge.svg" alt="P2HAM: {labels[unit["stage"]]}. '
              f'{title}" height="20"></a>`', ""]
    return "\n".join(lines)


@dataclass
class DataSource:
    framework_text: str
    dataset_text: str
    origin: str


def data_source() -> DataSource:
    """The project's framework and dataset when present, else the minimal ones above."""
    folder = PROJECT / "data"
    framework, dataset = folder / "framework.yml", folder / "dataset.yml"
    framework_text = framework.read_text(encoding="utf-8") if framework.is_file() else dump_yaml(MINIMAL_FRAMEWORK)
    dataset_text = dataset.read_text(encoding="utf-8") if dataset.is_file() else dump_yaml(MINIMAL_DATASET)
    origin = ", ".join(f"{name}: {'project data/' if path.is_file() else 'minimal (written by the benchmark)'}"
                       for name, path in (("framework", framework), ("dataset", dataset)))
    return DataSource(framework_text, dataset_text, origin)


def write_data(folder: Path, source: DataSource, units: list[dict[str, Any]]) -> None:
    (folder / "units").mkdir(parents=True)
    (folder / "framework.yml").write_text(source.framework_text, encoding="utf-8")
    (folder / "dataset.yml").write_text(source.dataset_text, encoding="utf-8")
    for unit in units:
        (folder / "units" / f"{unit['id']}.yml").write_text(dump_yaml(unit), encoding="utf-8")


def check_data(folder: Path) -> tuple[float, str | None]:
    """Seconds to load and check the folder with the project's own loader, and its problems (None when valid)."""
    try:
        from p2ham.core.errors import ContentError
        from p2ham.units.load import load_data
    except ImportError as error:  # the loader changed or is absent: the build will say what is wrong
        return 0.0, f"not checked ({error})"
    start = time.perf_counter()
    try:
        load_data(folder)
    except ContentError as error:
        return time.perf_counter() - start, str(error)
    return time.perf_counter() - start, None


# --------------------------------------------------------------------------------------------------------------
# Builds and what they produce


@dataclass
class Page:
    path: str  # relative to the site folder
    size: int


@dataclass
class Build:
    label: str
    ok: bool
    seconds: float
    max_rss: int  # bytes, the largest single process of the build
    tree_rss: int  # bytes, sampled sum over the process tree; 0 when /proc is not available
    log: Path
    cpu: float = 0.0  # user + system seconds of the build process (steadier than wall time on a busy machine)
    cold: tuple[float, float] | None = None  # wall and CPU seconds of the first build, with an empty cache
    out_bytes: int = 0
    out_files: int = 0
    search_bytes: int = 0  # the merged index (every language)
    search: dict[str, tuple[int, int]] = field(default_factory=dict)  # language folder -> index raw, gzip
    first_visit: tuple[str, int, int] | None = None  # a module page, its raw and gzip bytes with what it loads
    unit_page: Page | None = None
    root_unit_page: Page | None = None
    overview_page: Page | None = None
    unit_dirs: bool = False


def _proc_tree_rss(root: int, page_size: int) -> int:
    parents: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0
    for name in entries:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        pid = int(name)
        parents.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * page_size
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += parents.get(pid, [])
    return total


class TreeSampler(threading.Thread):
    """The peak of the summed RSS of a process and its descendants, sampled (Linux /proc)."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.stopped = threading.Event()
        self.page_size = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

    def run(self) -> None:
        if not Path("/proc/self/stat").exists():
            return
        while not self.stopped.is_set():
            self.peak = max(self.peak, _proc_tree_rss(self.pid, self.page_size))
            self.stopped.wait(self.interval)


def run_build(project: Path, data: Path, site: Path, log: Path, strict: bool = True,
              cache: Path | None = None) -> tuple[bool, float, float, int, int]:
    """One build (strict unless told) in a fresh process: success, wall seconds, CPU seconds (user + system,
    os.wait4), its own peak RSS (os.wait4) and the sampled peak RSS of its process tree, in bytes."""
    python = PROJECT / ".venv" / "bin" / "python"
    command = [str(python if python.exists() else Path(sys.executable)), "-m", "mkdocs", "build",
               *(["--strict"] if strict else []), "--site-dir", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "P2HAM_DATA": str(data),
           **({"P2HAM_CACHE": str(cache)} if cache else {})}
    with log.open("wb") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
        sampler = TreeSampler(process.pid)
        sampler.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            sampler.stopped.set()
        seconds = time.perf_counter() - start
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB on Linux
    return process.returncode == 0, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * scale, sampler.peak


def mkdocs_build(label: str, project: Path, data: Path, site: Path, log: Path, repeat: int = 1,
                 strict: bool = True, cache: Path | None = None) -> Build:
    """`repeat` builds (stopping at a failure); the fastest time, the largest memory figures, then the output.

    With `cache` (an empty folder), the project's build cache starts empty there: the first build makes every QR
    code and preview card (its time is kept as the cold build's), the next ones find them (the warm rebuilds)."""
    build = Build(label=label, ok=True, seconds=math.inf, max_rss=0, tree_rss=0, log=log, cpu=math.inf)
    for attempt in range(repeat + (1 if cache else 0)):
        ok, seconds, cpu, max_rss, tree_rss = run_build(project, data, site, log, strict, cache)
        if cache and attempt == 0:
            build.cold = (seconds, cpu)
            build.max_rss, build.tree_rss = max_rss, tree_rss
            if ok:
                continue
        build.ok, build.seconds, build.cpu = ok, min(build.seconds, seconds), min(build.cpu, cpu)
        build.max_rss, build.tree_rss = max(build.max_rss, max_rss), max(build.tree_rss, tree_rss)
        if not ok:
            build.seconds = seconds
            break
    if site.is_dir():
        measure_site(build, site)
    return build


def measure_site(build: Build, site: Path) -> None:
    for folder, dirs, files in os.walk(site):
        base = Path(folder)
        if UNIT_DIR_NAME in dirs:
            build.unit_dirs = True
        for name in files:
            size = (base / name).stat().st_size
            build.out_bytes += size
            build.out_files += 1
    index = site / "search" / "search_index.json"
    build.search_bytes = index.stat().st_size if index.is_file() else 0
    worker = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    worker_bytes = [worker[0].read_bytes()] if worker else []
    for path in sorted(site.rglob("search/search_index.json")):
        lang = str(path.parent.parent.relative_to(site)).replace(".", "") or "(default)"
        raw, packed = weigh([path.read_bytes(), *worker_bytes])
        build.search[lang] = (raw, packed)
    pages = sorted(site.glob("modul/*/index.html"), key=lambda path: path.stat().st_size)
    if pages:
        build.first_visit = (str(pages[-1].relative_to(site)), *first_visit(site, pages[-1]))


ASSET = re.compile(r'<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="([^"]+)"')


def weigh(bodies: list[bytes]) -> tuple[int, int]:
    return sum(map(len, bodies)), sum(len(gzip.compress(body, compresslevel=6)) for body in bodies)


def first_visit(site: Path, page: Path) -> tuple[int, int]:
    """A page with the stylesheets and scripts it loads (what a first visit transfers before any search; images
    and icons are a few hundred bytes more)."""
    html = page.read_text(encoding="utf-8")
    bodies = [page.read_bytes()]
    for href in ASSET.findall(html):
        path = (page.parent / href.split("?")[0]).resolve()
        if path.is_file() and path.is_relative_to(site.resolve()):
            bodies.append(path.read_bytes())
    return weigh(bodies)


def largest_index(site: Path, folder_name: str) -> Page | None:
    """The largest index.html in a folder of that name anywhere in the site (one per language)."""
    found = [path for path in site.rglob(f"{folder_name}/index.html") if path.parent.name == folder_name]
    if not found:
        return None
    best = max(found, key=lambda path: path.stat().st_size)
    return Page(str(best.relative_to(site)), best.stat().st_size)


def measure_units_site(build: Build, site: Path, count: int) -> None:
    if not site.is_dir():
        return
    build.unit_page = largest_index(site, unit_id(2 if count >= 2 else 1))
    if count >= 2:
        build.root_unit_page = largest_index(site, unit_id(1))
    build.overview_page = largest_index(site, UNIT_DIR_NAME)


# --------------------------------------------------------------------------------------------------------------
# The yardstick: stock Material with static-i18n


STOCK_CONFIG = """site_name: Stock Material
site_url: https://stock.example.org/
theme:
  name: material
  font: false
plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      languages:
        - locale: id
          name: Bahasa Indonesia
          build: true
          default: true
        - locale: en
          name: English
          build: true
"""


def stock_project(target: Path, markdown_extensions: list[Any] | None = None, out_of_nav: tuple[str, ...] = ()) -> Path:
    """A stock Material + static-i18n project in `target` (no hooks, no project code), with a home page in each
    language and the plain pages' folder kept out of the navigation (with `out_of_nav`, gitignore patterns);
    `markdown_extensions` as in a mkdocs.yml."""
    (target / "docs").mkdir(parents=True, exist_ok=True)
    config = STOCK_CONFIG
    if markdown_extensions:
        config += dump_yaml({"markdown_extensions": markdown_extensions})
    config += "not_in_nav: |\n" + "".join(f"  {pattern}\n" for pattern in (f"/{PLAIN_DIR}/", *out_of_nav))
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name, title in (("index.md", "Beranda"), ("index.en.md", "Home")):
        if not (target / "docs" / name).exists():
            (target / "docs" / name).write_text(f"# {title}\n\nStock Material.\n", encoding="utf-8")
    return target


def write_plain_pages(project: Path, framework: Framework, units: list[dict[str, Any]]) -> None:
    folder = project / "docs" / PLAIN_DIR
    shutil.rmtree(folder, ignore_errors=True)
    if not units:
        return
    folder.mkdir(parents=True)
    facts = {**framework.facts, "parent": units[0]["name"]}
    for index, unit in enumerate(units, start=1):
        for lang, suffix in (("id", ".md"), ("en", ".en.md")):
            text = plain_markdown(unit, framework, facts, lang)
            (folder / f"p{index:05d}{suffix}").write_text(text, encoding="utf-8")


class _ConfigLoader(_Loader):  # type: ignore[misc]
    """mkdocs.yml's tags (!ENV, !relative) read as plain values: the benchmark only needs the extension list."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def same_pages_project(target: Path, framework: Framework, units: list[dict[str, Any]], unit_pages: int) -> Path:
    """Stock Material on the bundled site's pages: the project's docs, the pages the build generates from the
    modules (their Markdown, from the project's own functions) and `unit_pages` plain pages per language."""
    from p2ham.core.source import split_front_matter
    from p2ham.trainer.views import VIEW_PARTS, view_markdown

    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    extensions = [item for item in config.get("markdown_extensions", [])
                  if not str(next(iter(item)) if isinstance(item, dict) else item).startswith("p2ham.")]
    shutil.copytree(PROJECT / "docs", target / "docs")
    modules = target / "docs" / "modul"
    for lang, suffix in (("id", ".md"), ("en", ".en.md")):
        texts = []
        for source in sorted(modules.glob(f"*{suffix}")):
            slug = source.name[: -len(suffix)]
            if lang == "id" and source.name.endswith(".en.md"):
                continue
            text = source.read_text(encoding="utf-8")
            texts.append(text)
            for view, part in VIEW_PARTS.items():
                (modules / f"{slug}.{part}{suffix}").write_text(view_markdown(text, view, slug, slug), "utf-8")
        # Stock Material renders the print-all page as what it is: every module's text in one page.
        everything = "\n\n".join(split_front_matter(text)[1].strip() for text in texts)
        (modules / f"x.cetak{suffix}").write_text(f"# Cetak\n\n{everything}\n", "utf-8")
    # As in the project's build, the generated pages are not in the navigation.
    project = stock_project(target, extensions, tuple(f"/modul/*.{part}*" for part in [*VIEW_PARTS.values(), "cetak"]))
    write_plain_pages(project, framework, units[:unit_pages])
    return project


# --------------------------------------------------------------------------------------------------------------
# Report


@dataclass
class Row:
    n: int
    units: Build
    stock: Build
    check_seconds: float
    data_bytes: int
    notes: list[str] = field(default_factory=list)


def fmt_ratio(value: float | None) -> str:
    return "-" if value is None or math.isnan(value) else f"{value:.2f}x"


def kb(size: int) -> str:
    return f"{size / KB:.1f}"


def tail(log: Path, lines: int = 25) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return "\n".join("    | " + line for line in text[-lines:])


def print_build(build: Build) -> None:
    state = "ok" if build.ok else "FAILED"
    tree = f", tree peak {build.tree_rss / MB:.0f} MB (sampled)" if build.tree_rss else ""
    cold = f"; first build, empty cache: {build.cold[0]:.2f} s ({build.cold[1]:.2f} s CPU)" if build.cold else ""
    print(f"  {build.label}: {state} in {build.seconds:.2f} s ({build.cpu:.2f} s CPU){cold}, "
          f"peak RSS {build.max_rss / MB:.0f} MB{tree}, "
          f"output {build.out_bytes / MB:.1f} MB in {build.out_files} files, "
          f"search index {kb(build.search_bytes)} KB", flush=True)
    if not build.ok:
        print(f"    build log: {build.log}\n{tail(build.log)}", flush=True)


def per_doubling(t1: float, t2: float, n1: int, n2: int) -> float | None:
    """The time factor per doubling of N implied by two points: (t2/t1) ** (1 / log2(n2/n1))."""
    if t1 <= 0 or t2 <= 0 or n2 <= n1:
        return None
    return float((t2 / t1) ** (1 / math.log2(n2 / n1)))


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("MET" if ok else "NOT MET")


def weights(build: Build) -> str:
    search = "; ".join(f"{lang} {kb(raw)} KB raw / {kb(packed)} KB gzip"
                       for lang, (raw, packed) in build.search.items())
    visit = (f"{build.first_visit[0]}: {kb(build.first_visit[1])} KB raw / {kb(build.first_visit[2])} KB gzip"
             if build.first_visit else "no module page")
    return f"first search (index + worker) per language: {search or 'none'}\n    first visit of a module page: {visit}"


def report(rows: list[Row], base: Build, site: tuple[Build, Build] | None) -> None:
    print()
    header = (f"{'N':>7} {'units s':>9} {'stock s':>9} {'u/stock':>8} {'CPU u/stock':>12} {'vs prev N':>14} "
              f"{'output MB':>10} "
              f"{'peak RSS MB':>12} {'tree MB':>8} {'search KB':>10} {'unit page KB':>13}")
    print(header)
    print("-" * len(header))
    previous: Row | None = None
    for row in rows:
        u, p = row.units, row.stock
        ratio = u.seconds / p.seconds if u.ok and p.ok and p.seconds > 0 else None
        versus = "-"
        if previous is not None and previous.units.seconds > 0:
            versus = f"{u.seconds / previous.units.seconds:.2f}x (N {row.n / previous.n:g}x)"
        page = kb(u.unit_page.size) if u.unit_page else "none"
        tree = f"{u.tree_rss / MB:.0f}" if u.tree_rss else "-"
        flag = "" if u.ok and p.ok else "  (build failed)"
        cpu = u.cpu / p.cpu if u.ok and p.ok and p.cpu > 0 else None
        print(f"{row.n:>7} {u.seconds:>9.2f} {p.seconds:>9.2f} {fmt_ratio(ratio):>8} {fmt_ratio(cpu):>12} {versus:>14} "
              f"{u.out_bytes / MB:>10.1f} {u.max_rss / MB:>12.0f} {tree:>8} {kb(u.search_bytes):>10} {page:>13}{flag}")
        previous = row
    print(f"(fixed cost: the project with 1 unit built in {base.seconds:.2f} s; stock: Material + static-i18n with N "
          "plain pages per language out of the navigation, in the same run; KB = 1,000 bytes, MB = 1,000,000 bytes)")

    print("\nDetails per N (units build | stock build):")
    for row in rows:
        u, p = row.units, row.stock
        print(f"  N={row.n}: data {row.data_bytes / MB:.1f} MB, loaded and checked by p2ham in "
              f"{row.check_seconds:.2f} s")
        print(f"    output {u.out_bytes / MB:.1f} MB / {u.out_files} files | {p.out_bytes / MB:.1f} MB / "
              f"{p.out_files} files; peak RSS {u.max_rss / MB:.0f} | {p.max_rss / MB:.0f} MB; "
              f"tree peak {u.tree_rss / MB:.0f} | {p.tree_rss / MB:.0f} MB")
        print(f"    {weights(u)}")
        if u.unit_page:
            print(f"    unit page: {u.unit_page.path} ({kb(u.unit_page.size)} KB)")
        else:
            print("    no unit page found" + ("" if u.unit_dirs else f" (no {UNIT_DIR_NAME}/ folder in the output)"))
        if u.root_unit_page:
            print(f"    parent unit page (lists the other units?): {u.root_unit_page.path} "
                  f"({kb(u.root_unit_page.size)} KB)")
        if u.overview_page:
            print(f"    overview page: {u.overview_page.path} ({kb(u.overview_page.size)} KB)")
        for note in row.notes:
            print(f"    {note}")
    if site:
        ours, stock = site
        print(f"\nThe bundled site: {ours.seconds:.2f} s, {ours.out_files} files | stock Material on the same pages: "
              f"{stock.seconds:.2f} s, {stock.out_files} files; peak RSS {ours.max_rss / MB:.0f} | "
              f"{stock.max_rss / MB:.0f} MB")
        print(f"    {weights(ours)}")

    print("\nTargets (informative; timings are never asserted):")
    ok_rows = [row for row in rows if row.units.ok and row.stock.ok]
    at = next((row for row in ok_rows if row.n == TARGET_N), None)
    if at is not None:
        ratio = at.units.seconds / at.stock.seconds
        print(f"  - {TARGET_N} units at most {TARGET_UNITS_VS_STOCK}x stock Material: {ratio:.2f}x "
              f"({at.units.seconds:.2f} s vs {at.stock.seconds:.2f} s; CPU {at.units.cpu / at.stock.cpu:.2f}x): "
              f"{verdict(ratio <= TARGET_UNITS_VS_STOCK)}")
    else:
        print(f"  - {TARGET_N} units at most {TARGET_UNITS_VS_STOCK}x stock Material: n/a (add {TARGET_N} to --sizes)")
    national = next((row for row in ok_rows if row.n == TARGET_NATIONAL_N), None)
    if national is not None:
        u = national.units
        peak = max(u.max_rss, u.tree_rss)
        cold = f"; first build with an empty cache {u.cold[0]:.0f} s" if u.cold else ""
        print(f"  - {TARGET_NATIONAL_N} units in at most {TARGET_NATIONAL_SECONDS} s and "
              f"{TARGET_NATIONAL_RSS // MB} MB: {u.seconds:.0f} s ({u.cpu:.0f} s CPU{cold}), {peak / MB:.0f} MB: "
              f"{verdict(u.seconds <= TARGET_NATIONAL_SECONDS and peak <= TARGET_NATIONAL_RSS)}")
        heaviest = max((packed for _, packed in u.search.values()), default=0)
        print(f"  - first search at most {TARGET_FIRST_SEARCH_GZIP // 1024} KiB gzip per language at "
              f"{TARGET_NATIONAL_N} units: largest {heaviest / 1024:.0f} KiB: "
              f"{verdict(bool(u.search) and heaviest <= TARGET_FIRST_SEARCH_GZIP)}")
    else:
        print(f"  - {TARGET_NATIONAL_N} units in at most {TARGET_NATIONAL_SECONDS} s and "
              f"{TARGET_NATIONAL_RSS // MB} MB, first search at most {TARGET_FIRST_SEARCH_GZIP // 1024} KiB gzip: "
              f"n/a (add {TARGET_NATIONAL_N})")
    pairs = list(itertools.pairwise(ok_rows))
    if pairs:
        worst: float | None = None
        for a, b in pairs:
            raw = per_doubling(a.units.seconds, b.units.seconds, a.n, b.n)
            yardstick = per_doubling(a.stock.seconds, b.stock.seconds, a.n, b.n)
            if raw is not None:
                worst = raw if worst is None else max(worst, raw)
            print(f"  - N {a.n} -> {b.n}: time x{b.units.seconds / a.units.seconds:.2f}, i.e. {fmt_ratio(raw)} per "
                  f"doubling of N (CPU {fmt_ratio(per_doubling(a.units.cpu, b.units.cpu, a.n, b.n))}; stock: "
                  f"{fmt_ratio(yardstick)})")
        met = None if worst is None else worst <= TARGET_DOUBLING
        print(f"  - doubling N at most {TARGET_DOUBLING}x the time: worst {fmt_ratio(worst)}: {verdict(met)}")
    else:
        print(f"  - doubling N at most {TARGET_DOUBLING}x the time: n/a (needs two sizes, e.g. --sizes 1000,2000)")
    if site:
        ours, stock = site
        ratio = ours.seconds / stock.seconds if ours.ok and stock.ok and stock.seconds else None
        cpu = ours.cpu / stock.cpu if ours.ok and stock.ok and stock.cpu else None
        print(f"  - the bundled site at most {TARGET_SITE_VS_STOCK}x stock Material on the same pages: "
              f"{fmt_ratio(ratio)} (CPU {fmt_ratio(cpu)}): "
              f"{verdict(None if ratio is None else ratio <= TARGET_SITE_VS_STOCK)}")
        if ours.first_visit:
            print(f"  - a module page's first visit at most {TARGET_FIRST_VISIT_GZIP // 1024} KiB gzip: "
                  f"{ours.first_visit[2] / 1024:.1f} KiB: {verdict(ours.first_visit[2] <= TARGET_FIRST_VISIT_GZIP)}")
    pages = [(row.n, row.units.unit_page) for row in rows if row.units.unit_page]
    if pages:
        largest = max(page.size for _, page in pages if page)
        sizes = ", ".join(f"N={n}: {kb(page.size)} KB" for n, page in pages if page)
        print(f"  - a unit page at most {TARGET_UNIT_PAGE_BYTES // KB} KB uncompressed: {sizes}: "
              f"{verdict(largest <= TARGET_UNIT_PAGE_BYTES)}")
    grow = [row for row in ok_rows if row.n > 1 and base.ok and base.search_bytes]
    if grow:
        figures = [f"N={row.n}: {(row.units.search_bytes - base.search_bytes) / (row.n - 1):.0f} B/unit"
                   for row in grow]
        print(f"  - search index growth per unit (both languages): {'; '.join(figures)}")


# --------------------------------------------------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of numbers: {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive numbers")
    return sizes


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes(DEFAULT_SIZES),
                        help=f"comma-separated numbers of units (default {DEFAULT_SIZES}; 10000 takes long)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders and print their paths")
    parser.add_argument("--no-site", action="store_true", help="skip the bundled site against stock Material")
    parser.add_argument("--repeat", type=int, default=1, metavar="R",
                        help="build each site R times and keep the fastest time (default 1)")
    args = parser.parse_args(argv)
    sizes: list[int] = args.sizes
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    source = data_source()
    framework = Framework.from_yaml(yaml.load(source.framework_text, Loader=_Loader),
                                    yaml.load(source.dataset_text, Loader=_Loader))
    print(f"P2HAM unit build benchmark: N = {', '.join(map(str, sizes))}; project {PROJECT}")
    print(f"  Python {platform.python_version()}, MkDocs {importlib.metadata.version('mkdocs')}, "
          f"Material {importlib.metadata.version('mkdocs-material')}, {os.cpu_count()} CPUs, seed {SEED}")
    if hasattr(os, "getloadavg"):
        print(f"  load average before the run: {os.getloadavg()[0]:.2f} (other work on the machine skews timings)")
    print(f"  framework: {len(framework.stages)} stages, {len(framework.unit_types)} unit types, "
          f"{len(framework.indicators)} indicators ({source.origin})", flush=True)

    root = Path(tempfile.mkdtemp(prefix="p2ham-bench-"))
    failed = False
    try:
        all_units = list(synthetic_units(framework, max(sizes)))
        stock = stock_project(root / "stock-project")
        one_unit = root / "data-1-unit"
        write_data(one_unit, source, all_units[:1])
        _, problems = check_data(one_unit)
        if problems and not problems.startswith("not checked"):
            print(f"The synthetic unit is invalid:\n{problems}")
            return 1

        print("\nFixed cost: the project with 1 unit", flush=True)
        base = mkdocs_build("1 unit", PROJECT, one_unit, root / "site-baseline", root / "baseline.log", args.repeat)
        print_build(base)
        failed |= not base.ok

        site: tuple[Build, Build] | None = None
        if not args.no_site:
            print("\nThe bundled site (the project's own data) | stock Material on the same pages", flush=True)
            data = Path(os.environ.get("P2HAM_DATA", PROJECT / "data"))
            ours = mkdocs_build("bundled site", PROJECT, data, root / "site-bundled", root / "bundled.log", args.repeat)
            unit_pages = sum(1 for _ in (root / "site-bundled" / UNIT_DIR_NAME).glob("*/index.html"))
            same = same_pages_project(root / "same-pages", framework, all_units, unit_pages)
            # Not strict: the project's pages link to pages only its own build generates.
            theirs = mkdocs_build("stock Material, same pages", same, data, root / "site-same", root / "same.log",
                                  args.repeat, strict=False)
            print_build(ours)
            print_build(theirs)
            failed |= not (ours.ok and theirs.ok)
            site = (ours, theirs)

        rows: list[Row] = []
        for n in sizes:
            print(f"\nN = {n}", flush=True)
            data = root / f"data-{n}"
            write_data(data, source, all_units[:n])
            check_seconds, problems = check_data(data)
            notes = []
            if problems and problems.startswith("not checked"):
                notes.append(f"synthetic data {problems}")
            elif problems:
                print(f"The synthetic data is invalid:\n{problems}")
                return 1
            units_site = root / f"site-units-{n}"
            units = mkdocs_build(f"{n} units", PROJECT, data, units_site, root / f"units-{n}.log", args.repeat,
                                 cache=root / f"cache-{n}")
            measure_units_site(units, units_site, n)
            print_build(units)
            write_plain_pages(stock, framework, all_units[:n])
            stock_site = root / f"site-stock-{n}"
            plain = mkdocs_build(f"stock Material, {n} plain pages per language", stock, one_unit, stock_site,
                                 root / f"stock-{n}.log", args.repeat)
            print_build(plain)
            failed |= not (units.ok and plain.ok)
            rows.append(Row(n=n, units=units, stock=plain, check_seconds=check_seconds,
                            data_bytes=folder_bytes(data), notes=notes))
            if not args.keep:  # large sites take gigabytes: free them as soon as they are measured
                for folder in (data, units_site, stock_site, root / f"cache-{n}"):
                    shutil.rmtree(folder, ignore_errors=True)
        report(rows, base, site)
    finally:
        if args.keep:
            print(f"\nKept: {root}")
            for path in sorted(root.iterdir()):
                print(f"  {path}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
