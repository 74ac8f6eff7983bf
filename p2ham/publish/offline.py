"""`p2ham-offline`: the site as a ZIP archive for trainers, to open from a folder or USB stick without internet.

    p2ham-offline [--config mkdocs.yml] [--output site/unduh/p2ham-luring.zip]

It builds the site strictly with Material's offline plugin on (pages as ``x.html`` files; see ``hooks/offline.py``)
into a temporary folder and zips it: one top folder, a bilingual readme, entries in a fixed order with fixed
timestamps, so the same site gives the same bytes. Files only a web host uses are left out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from p2ham.core.dates import long_date
from p2ham.core.render import render

TOP_FOLDER = "p2ham-luring"
README = "BACA-SAYA.txt"
ARCHIVE_PATH = f"unduh/{TOP_FOLDER}.zip"  # in the published site; the trainer page links to it
DEFAULT_OUTPUT = Path("site") / ARCHIVE_PATH
# Left out at the archive's top: what only a web host reads (headers, sitemaps for search engines, the error page
# a server sends for a missing address).
HOST_ONLY = frozenset({"_headers", "security-headers.nginx.conf", "sitemap.xml", "sitemap.xml.gz", "404.html"})
# Left out anywhere: link-preview cards (other sites fetch them from the published address, never from a folder)
# and the theme's source maps (for developers' tools only). Both are weight on a trainer's slow download.
NEVER = frozenset({"preview.png"})
NEVER_SUFFIXES = (".map",)
FILE_MODE = 0o100644  # a regular file, readable by everyone, in the archive's Unix attributes


class OfflineBuildFailed(Exception):
    """The offline build stopped; the message is what MkDocs printed."""


@dataclass(frozen=True)
class Archive:
    path: Path
    files: int
    size: int


def archive_date() -> dt.date:
    """The date the archive carries: SOURCE_DATE_EPOCH's (reproducible builds) or today's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def build_offline_site(config_file: Path, site_dir: Path) -> None:
    """Build the site strictly with the offline plugin on, as `mkdocs build` would from the command line."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file),
               "--site-dir", str(site_dir)]
    env = {**os.environ, "P2HAM_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=config_file.parent, env=env, capture_output=True, text=True,
                            check=False, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise OfflineBuildFailed((result.stdout + result.stderr).strip())


def readme(made: dt.date, top: str = TOP_FOLDER) -> str:
    """The archive's plain-text readme in both languages, with Windows line ends (Notepad opens it well)."""
    text = render("offline-readme.txt", top=top, start="index.html", start_en="en/index.html",
                  date_id=long_date(made, "id"), date_en=long_date(made, "en"))
    return text.rstrip("\n").replace("\n", "\r\n") + "\r\n"


def archived_files(folder: Path, archive: Path | None = None) -> list[tuple[str, Path]]:
    """(path in the site, file) for every file of `folder` that goes into the archive, sorted by path.

    When `archive` is to be written inside `folder`, its folder (or, at the top, the archive) is left out.
    """
    skip: Path | None = None
    if archive is not None and archive.parent.resolve().is_relative_to(folder.resolve()):
        skip = archive.parent.resolve() if archive.parent.resolve() != folder.resolve() else archive.resolve()
    found = []
    for file in folder.rglob("*"):
        if not file.is_file() or (skip is not None and file.resolve().is_relative_to(skip)):
            continue
        relative = file.relative_to(folder).as_posix()
        if relative in HOST_ONLY or file.name in NEVER or file.name.endswith(NEVER_SUFFIXES):
            continue
        found.append((relative, file))
    return sorted(found)


def _entry(name: str, made: dt.date) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(made.year, made.month, made.day, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, whatever machine made it, so the bytes do not depend on it
    info.external_attr = FILE_MODE << 16
    return info


def zip_folder(folder: Path, archive: Path, made: dt.date, top: str = TOP_FOLDER) -> Archive:
    """Zip `folder` into `archive` under one top folder, the readme first; the same folder and date give the
    same bytes. Written to a temporary name first, so a failure never leaves half an archive."""
    files = archived_files(folder, archive)
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_name(f".{archive.name}.part")
    with zipfile.ZipFile(partial, "w") as zf:
        zf.writestr(_entry(f"{top}/{README}", made), readme(made, top), compresslevel=9)
        for name, file in files:
            zf.writestr(_entry(f"{top}/{name}", made), file.read_bytes(), compresslevel=9)
    partial.replace(archive)
    return Archive(path=archive, files=len(files) + 1, size=archive.stat().st_size)


def make_archive(config_file: Path, output: Path, made: dt.date | None = None) -> Archive:
    """Build the offline site into a temporary folder and zip it to `output`."""
    with tempfile.TemporaryDirectory(prefix="p2ham-offline-") as temp:
        site = Path(temp) / "site"
        build_offline_site(config_file, site)
        return zip_folder(site, output, made or archive_date())


def human_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1000:.0f} KB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="p2ham-offline", description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", "-f", default="mkdocs.yml", help="the site's mkdocs.yml (default: mkdocs.yml)")
    parser.add_argument("--output", "-o", default=str(DEFAULT_OUTPUT),
                        help=f"the archive to write (default: {DEFAULT_OUTPUT})")
    args = parser.parse_args(argv)
    config_file = Path(args.config).resolve()
    if not config_file.is_file():
        print(f"p2ham-offline: {args.config}: no such file (give the site's mkdocs.yml with --config)",
              file=sys.stderr)
        return 2
    try:
        archive = make_archive(config_file, Path(args.output))
    except OfflineBuildFailed as failure:
        print(failure, file=sys.stderr)
        print("p2ham-offline: the offline build failed (above); no archive was written", file=sys.stderr)
        return 1
    print(f"p2ham-offline: wrote {archive.path} ({human_size(archive.size)}, {archive.files} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
