#!/usr/bin/env python3
"""Calibrate the quest thresholds: score every starter notebook's baseline and every reference
solution on the hidden split, the way the server will score them.

For each quest it
  1. serves the train splits at http://127.0.0.1:<port>/quests/<id>/dataset (as the ML Quest
     server does) and points MLQUEST_SERVER_URL at it,
  2. runs the starter notebook's code cells (baseline) and tests/reference/quest_NN.py
     (reference) in fresh namespaces and takes their `model`,
  3. converts each model with the kernel companion's own converter
     (extension/companion/mlquest_companion.py: skl2onnx, zipmap off, float32 inputs),
  4. runs the ONNX model with onnxruntime on test.csv and computes the quest's metric.

It records `baseline_score` and `reference_score` in datasets/pack.json and fails when a
reference does not pass with margin, or when a baseline passes (quest 1, the tutorial, excepted).

Needs onnxruntime in the environment (a calibration tool only: `pip install onnxruntime`).

Usage:
  python datasets/calibrate.py            # score, check, and write the scores into pack.json
  python datasets/calibrate.py --check    # score and check, compare with pack.json, write nothing
  python datasets/calibrate.py --quest 3  # only some quests (repeatable)
"""

from __future__ import annotations

import argparse
import contextlib
import http.server
import io
import json
import os
import sys
import threading
import time
import warnings

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PACK = os.path.join(HERE, "pack.json")
TUTORIAL_QUESTS = {1}  # their baseline may pass: the first quest teaches how submitting works
MARGIN = 0.01  # a reference must beat the threshold by at least this much (relative for the error metrics)

sys.path.insert(0, os.path.join(ROOT, "extension", "companion"))
import mlquest_companion  # noqa: E402  (the kernel companion's converter)

# ------------------------------------------------------------------ a stand-in for GET /quests/{id}/dataset


def serve_train_splits(pack: dict, pack_dir: str = HERE) -> tuple[http.server.ThreadingHTTPServer, str]:
    dirs = {d["id"]: d["dir"] for d in pack["datasets"]}
    paths = {q["id"]: os.path.join(pack_dir, dirs[q["dataset"]], "train.csv") for q in pack["quests"]}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            parts = self.path.strip("/").split("/")
            if (
                len(parts) == 3
                and parts[0] == "quests"
                and parts[2] == "dataset"
                and parts[1].isdigit()
                and int(parts[1]) in paths
            ):
                with open(paths[int(parts[1])], "rb") as f:
                    body = f.read()
                self.send_response(200)
                self.send_header("Content-Type", "text/csv")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# ------------------------------------------------------------------ running the learner's code


def run_code(sources: list[str], label: str):
    namespace: dict = {"__name__": "__mlquest_calibration__"}
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        for source in sources:
            exec(compile(source, label, "exec"), namespace)
    if "model" not in namespace:
        raise SystemExit(f"{label}: defines no `model`")
    return namespace["model"]


def notebook_sources(path: str) -> list[str]:
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


# ------------------------------------------------------------------ scoring the ONNX model


def onnx_feeds(session, frame: pd.DataFrame, features: list[dict]) -> dict:
    inputs = [i.name for i in session.get_inputs()]
    if inputs == ["input"]:
        return {"input": frame[[f["name"] for f in features]].to_numpy(dtype=np.float32)}
    feeds = {}
    for f in features:
        if f["name"] not in inputs:
            continue
        column = frame[f["name"]]
        feeds[f["name"]] = (
            column.astype(str).to_numpy(dtype=object) if f["type"] == "string" else column.to_numpy(dtype=np.float32)
        ).reshape(-1, 1)
    return feeds


def metric_value(quest: dict, dataset: dict, truth: np.ndarray, outputs: dict) -> float:
    from sklearn import metrics

    metric = quest["metric"]
    if dataset["task_type"] == "regression":
        pred = np.asarray(next(iter(outputs.values())), dtype=np.float64).reshape(-1)
        return {
            "r2": lambda: metrics.r2_score(truth, pred),
            "mse": lambda: metrics.mean_squared_error(truth, pred),
            "rmse": lambda: metrics.root_mean_squared_error(truth, pred),
            "mae": lambda: metrics.mean_absolute_error(truth, pred),
        }[metric]()
    labels = np.asarray(outputs["label"]).reshape(-1)
    if metric == "adjusted_rand_score":
        return metrics.adjusted_rand_score(truth, labels)
    classes = dataset["classes"]
    if metric in ("roc_auc", "log_loss"):
        probabilities = np.asarray(outputs["probabilities"], dtype=np.float64)
        if metric == "log_loss":
            return metrics.log_loss(truth, probabilities, labels=classes)
        positive = dataset.get("positive_class", classes[-1])
        return metrics.roc_auc_score(np.asarray(truth) == positive, probabilities[:, classes.index(positive)])
    if isinstance(classes[0], int):
        labels = labels.astype(np.int64)
    if metric == "accuracy":
        return metrics.accuracy_score(truth, labels)
    average = quest.get("average", "binary")
    kwargs = {"average": average}
    if average == "binary":
        kwargs["pos_label"] = dataset.get("positive_class", classes[-1])
    return {"f1": metrics.f1_score, "precision": metrics.precision_score, "recall": metrics.recall_score}[metric](
        truth, labels, **kwargs
    )


def onnx_score(model, quest: dict, dataset: dict, pack_dir: str = HERE) -> tuple[float, int]:
    import onnxruntime

    onnx_bytes = mlquest_companion.convert_to_onnx(model, dataset["features"])
    test = pd.read_csv(os.path.join(pack_dir, dataset["dir"], "test.csv"))
    session = onnxruntime.InferenceSession(onnx_bytes, providers=["CPUExecutionProvider"])
    names = [o.name for o in session.get_outputs()]
    values = session.run(names, onnx_feeds(session, test, dataset["features"]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # float32 probabilities sum to 1 only within rounding
        return float(metric_value(quest, dataset, test[dataset["target"]].to_numpy(), dict(zip(names, values)))), len(
            onnx_bytes
        )


def passes(quest: dict, score: float, margin: float = 0.0) -> bool:
    if quest["direction"] == "higher_is_better":
        return score >= quest["threshold"] + margin
    return score <= quest["threshold"] * (1 - margin)


# ------------------------------------------------------------------ main


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--check", action="store_true", help="compare with the scores recorded in pack.json; write nothing"
    )
    parser.add_argument("--quest", type=int, action="append", help="only this quest (repeatable)")
    args = parser.parse_args(argv)

    with open(PACK, encoding="utf-8") as f:
        pack = json.load(f)
    datasets = {d["id"]: d for d in pack["datasets"]}
    server, url = serve_train_splits(pack)
    os.environ["MLQUEST_SERVER_URL"] = url
    problems: list[str] = []
    try:
        for quest in pack["quests"]:
            if args.quest and quest["id"] not in args.quest:
                continue
            dataset = datasets[quest["dataset"]]
            started = time.monotonic()
            baseline = run_code(notebook_sources(os.path.join(ROOT, "notebooks", quest["notebook"])), quest["notebook"])
            reference_path = os.path.join(ROOT, "tests", "reference", f"quest_{quest['id']:02d}.py")
            with open(reference_path, encoding="utf-8") as f:
                reference = run_code([f.read()], reference_path)
            base_score, _ = onnx_score(baseline, quest, dataset)
            ref_score, ref_bytes = onnx_score(reference, quest, dataset)
            base_score, ref_score = round(base_score, 4), round(ref_score, 4)
            op = ">=" if quest["direction"] == "higher_is_better" else "<="
            print(
                f"quest {quest['id']:2d} {quest['metric']:>20s} {op} {quest['threshold']:<6}  baseline {base_score:8.4f}  "
                f"reference {ref_score:8.4f}  ({ref_bytes / 1024:.0f} KiB ONNX, {time.monotonic() - started:.1f} s)"
            )
            if not passes(quest, ref_score, MARGIN):
                problems.append(
                    f"quest {quest['id']}: the reference scores {ref_score}, which does not pass {op} {quest['threshold']} with margin {MARGIN}"
                )
            if quest["id"] not in TUTORIAL_QUESTS and passes(quest, base_score):
                problems.append(
                    f"quest {quest['id']}: the starter baseline scores {base_score} and already passes {op} {quest['threshold']}"
                )
            if args.check:
                for key, value in (("baseline_score", base_score), ("reference_score", ref_score)):
                    if quest.get(key) is None or abs(quest[key] - value) > 1e-3:
                        problems.append(
                            f"quest {quest['id']}: pack.json records {key}={quest.get(key)} but it scores {value}"
                        )
            else:
                quest["baseline_score"], quest["reference_score"] = base_score, ref_score
    finally:
        server.shutdown()

    if not args.check:
        with open(PACK, "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(pack, indent=2, ensure_ascii=False) + "\n")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
