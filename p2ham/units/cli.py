"""`p2ham-data`: check the unit data without building the site, and write the JSON Schema files for editors.

    p2ham-data validate [DATA_DIR]   every problem as file:line: field: problem; exit 1 if any
    p2ham-data schema [OUT_DIR]      write p2ham-{framework,dataset,unit}.schema.json (default: schema/)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from p2ham.core.errors import ContentError, display
from p2ham.units.load import DATA_ENV, data_dir, load_data
from p2ham.units.schema import json_schemas


def schema_files(out: Path) -> dict[Path, str]:
    return {out / f"p2ham-{name}.schema.json": json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
            for name, schema in json_schemas().items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="p2ham-data", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check the data folder, build nothing")
    check.add_argument("folder", nargs="?", help=f"data folder (default: ${DATA_ENV} or ./data)")
    schema = commands.add_parser("schema", help="write the JSON Schema files")
    schema.add_argument("out", nargs="?", default="schema", help="folder to write to (default: schema/)")
    args = parser.parse_args(argv)
    if args.command == "schema":
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for path, text in schema_files(out).items():
            path.write_text(text, encoding="utf-8")
            print(f"wrote {display(path)}")
        return 0
    folder = data_dir(args.folder)
    try:
        data = load_data(folder)
    except ContentError as error:
        print(error, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {display(folder)}", file=sys.stderr)
        return 1
    holding = sum(1 for unit in data.units if unit.predicate)
    sample = " (illustrative sample)" if data.dataset.sample else ""
    print(f"{display(folder)}: OK, {len(data.units)} units, {holding} holding the predicate{sample}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
