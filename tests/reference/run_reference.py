"""Runs reference solutions headlessly in a real Python kernel and exports their models to ONNX.

For each quest, a notebook is built from `tests/reference/quest_NN.py` (one cell) plus one cell
that converts the fitted `model` with the kernel companion's own `convert_to_onnx` (the same code
the JupyterLab extension sends to the learner's kernel), using the feature list the live server
gives for the quest. nbclient executes it in a fresh `python3` kernel with
`MLQUEST_SERVER_URL` pointing at the live server, so the train split is read over HTTP exactly
as in a starter notebook. The ONNX bytes land in `<out>/<reference>.onnx`; the quest is the reference's `QUEST_ID`.

    python tests/reference/run_reference.py --server http://127.0.0.1:8000 --out /tmp/models [--reference quest_01 ...] [--source PATH ...]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

HERE = Path(__file__).resolve().parent
COMPANION_DIR = HERE.parent.parent / "extension" / "companion"

CONVERT_CELL = """
import json as _json, sys as _sys, urllib.request as _request
_sys.path.insert(0, {companion!r})
from mlquest_companion import convert_to_onnx as _convert_to_onnx
with _request.urlopen({server!r} + "/quests/{quest}") as _reply:
    _features = _json.load(_reply)["features"]
with open({out!r}, "wb") as _file:
    _file.write(_convert_to_onnx(model, _features))
"""


def quest_of(source: str, name: str) -> int:
    match = re.search(r"^QUEST_ID = (\d+)$", source, re.MULTILINE)
    if not match:
        raise RuntimeError(f"{name} sets no QUEST_ID")
    return int(match.group(1))


def source_of(path: Path) -> str:
    """A reference solution's code, or a starter notebook's code cells one after the other."""
    if path.suffix == ".ipynb":
        nb = nbformat.read(path, as_version=4)
        return "\n\n".join(c.source for c in nb.cells if c.cell_type == "code")
    return path.read_text(encoding="utf-8")


def run_one(name: str, server: str, out_dir: Path, timeout: int, path: Path | None = None) -> Path:
    source = source_of(path or HERE / f"{name}.py")
    quest = quest_of(source, name)
    out = out_dir / f"{name}.onnx"
    nb = new_notebook(
        cells=[
            new_code_cell(source),
            new_code_cell(CONVERT_CELL.format(companion=str(COMPANION_DIR), server=server, quest=quest, out=str(out))),
        ],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
    if not out.is_file() or out.stat().st_size == 0:
        raise RuntimeError(f"{name}: the reference ran but wrote no ONNX model")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", required=True, help="URL of the live ML Quest server")
    parser.add_argument("--out", required=True, type=Path, help="folder for the ONNX files")
    parser.add_argument(
        "--reference",
        action="append",
        help="reference name, e.g. quest_01 or torch_quest_09 (repeatable); default: every quest_NN",
    )
    parser.add_argument(
        "--source",
        action="append",
        type=Path,
        help="a reference .py or starter .ipynb elsewhere, e.g. an instructor's pack (repeatable); the ONNX file is named after it",
    )
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell")
    args = parser.parse_args()

    jobs = [(p.stem, p.resolve()) for p in args.source or []]
    if args.reference or not jobs:
        jobs += [(n, None) for n in args.reference or sorted(p.stem for p in HERE.glob("quest_[0-9][0-9].py"))]
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["MLQUEST_SERVER_URL"] = args.server
    report = []
    for name, source in jobs:
        started = time.monotonic()
        path = run_one(name, args.server, args.out, args.timeout, source)
        report.append({"reference": name, "onnx": str(path), "seconds": round(time.monotonic() - started, 2)})
        print(f"{name}: {path.stat().st_size} bytes in {report[-1]['seconds']} s", file=sys.stderr, flush=True)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
