#!/usr/bin/env python3
"""An instructor's own quests: `npm run quest -- new` turns a CSV into a calibrated quest, and
`npm run quest -- check` validates a quest pack with every problem listed at once.

  npm run quest -- new --csv PATH --target COLUMN [--task regression|binary|multiclass|clustering]
      [--metric NAME] [--title TEXT] [--chapter N] [--xp N] [--test-size 0.2] [--seed N]
      [--split random|stratified|time:COLUMN] [--threshold X] [--drop COLUMN ...]
      [--positive-class LABEL] [--source TEXT] [--licence TEXT] [--pack DIR]
  npm run quest -- check [--pack DIR]

The pack is --pack DIR or $MLQUEST_QUEST_PACK. `new` never writes into the default pack
(datasets/): on first use it copies it, with its starter notebooks, into the instructor's folder.
It writes the dataset's train split, hidden test split and data card, the quest, its starter
notebook (DIR/notebooks/, built by datasets/build_notebooks.py as the default quests are) and a
reference solution (DIR/references/), scores the starter's baseline and the reference through the
kernel companion's ONNX conversion and onnxruntime as the server does, proposes a threshold
between them, and runs the server's own pack validation and catalog check. When anything fails,
nothing is left behind.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import build_notebooks  # noqa: E402
from quest_csv import TASKS, CsvProblems, Plan, Table, infer, read_table, split  # noqa: E402

CHECK_CLI = os.path.join(ROOT, "lib", "server", "catalog", "check-pack-cli.js")
DEFAULT_SEED = 42
DEFAULT_XP = 200
TODO = "TODO (instructor):"


class Refused(Exception):
    """A problem the instructor must fix; the message says how."""


# ------------------------------------------------------------------ where the pack lives


def is_default_pack(path: str) -> bool:
    return os.path.realpath(path) == os.path.realpath(HERE)


def notebooks_dir(pack_dir: str) -> str:
    if os.environ.get("MLQUEST_NOTEBOOKS"):
        return os.path.abspath(os.environ["MLQUEST_NOTEBOOKS"])
    return os.path.join(ROOT, "notebooks") if is_default_pack(pack_dir) else os.path.join(pack_dir, "notebooks")


def own_pack(arg: str | None) -> str:
    path = arg or os.environ.get("MLQUEST_QUEST_PACK")
    if not path:
        raise Refused(
            "say where your own quest pack lives: --pack DIR or MLQUEST_QUEST_PACK=DIR (created from the default "
            "pack on first use; the default pack in datasets/ is never changed)"
        )
    if is_default_pack(path):
        raise Refused(
            f"{path} is the default pack, which stays untouched: pass --pack DIR (or set MLQUEST_QUEST_PACK) to a "
            "folder of your own; it is created from the default pack on first use"
        )
    return os.path.abspath(path)


def create_from_default(pack_dir: str) -> None:
    """Copies the default pack (pack.json, datasets) and its starter notebooks into a new folder."""
    ignore = shutil.ignore_patterns("*.py", "requirements*.txt", "__pycache__", "examples")
    shutil.copytree(HERE, pack_dir, ignore=ignore)
    shutil.copytree(
        os.path.join(ROOT, "notebooks"),
        os.path.join(pack_dir, "notebooks"),
        ignore=shutil.ignore_patterns("requirements.txt"),
    )
    with open(os.path.join(pack_dir, "pack.json"), encoding="utf-8") as f:
        pack = json.load(f)
    pack.pop("$schema", None)  # a relative path into this repository
    pack["name"] = pack["name"].replace("the default course", "our course")
    write_json(os.path.join(pack_dir, "pack.json"), pack)


def write_json(path: str, data: dict) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "quest"


# ------------------------------------------------------------------ what the new quest's files say


def card_text(
    title: str,
    table: Table,
    plan: Plan,
    target: str,
    train: list[int],
    test: list[int],
    split_words: str,
    seed_given: bool,
    source: str | None,
    licence: str | None,
    csv_name: str,
) -> str:
    out = [f"# {title}", "", f"Task: **{plan.task.replace('_', ' ')}**. Target column: `{target}`.", ""]
    out += [
        f"Size: {len(table.rows)} rows; `train.csv` (public) has {len(train)} rows, `test.csv` (hidden, used for scoring) "
        f"has {len(test)} rows.",
        "",
    ]
    if plan.classes:
        labels = table.column(target)
        counts = ", ".join(f"`{c}`: {sum(1 for i in train if labels[i].strip() == str(c))}" for c in plan.classes)
        out += [f"Target distribution in train: {counts}.", ""]
    out += ["## Columns", "", "| column | type | description |", "| --- | --- | --- |"]
    for f in plan.features:
        out.append(f"| `{f['name']}` | {f['type']} | {TODO} what it measures, and its unit |")
    out.append(
        f"| `{target}` (target) | {'string' if plan.classes and isinstance(plan.classes[0], str) else 'number'} | {TODO} what it means |"
    )
    seed = (
        "drawn with a seed chosen by the instructor and not recorded here"
        if seed_given
        else f"drawn with the public default seed {DEFAULT_SEED} (pass --seed for a private split)"
    )
    out += [
        "",
        "## How it was made",
        "",
        f"Made by `npm run quest -- new` from `{csv_name}`: {split_words}, {seed}.",
        "",
    ]
    out += ["## Source", "", source or f"{TODO} where the data comes from (who collected it, when, a link).", ""]
    out += ["## Licence", "", licence or f"{TODO} the licence under which the class may use the data.", ""]
    return "\n".join(out)


def recipe_for(plan: Plan, target: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The starter notebook's recipe, and the candidate reference models (name, code)."""
    numeric = [f["name"] for f in plan.features if f["type"] != "string"]
    text = [f["name"] for f in plan.features if f["type"] == "string"]
    explore2 = (
        "df[TARGET].value_counts()"
        if plan.classes
        else "df[FEATURES + [TARGET]].select_dtypes('number').corr()[TARGET].round(2)"
    )
    if plan.task == TASKS["clustering"]:
        k = len(plan.classes or []) or 3
        baseline = f"from sklearn.cluster import KMeans\n\nmodel = KMeans(n_clusters={k}, n_init=10, random_state=0)\nmodel.fit(X)"
        why = "k-means on the raw columns: the columns with the largest numbers decide the clusters."
        reference = (
            "from sklearn.cluster import KMeans\nfrom sklearn.pipeline import make_pipeline\nfrom sklearn.preprocessing import StandardScaler\n\n"
            f"model = make_pipeline(StandardScaler(), KMeans(n_clusters={k}, n_init=10, random_state=0))\nmodel.fit(X)"
        )
        return {"explore": "df.describe().round(2)", "explore2": explore2, "baseline": baseline, "why": why}, [
            ("scaled k-means", reference)
        ]
    linear = "LinearRegression()" if plan.task == TASKS["regression"] else "LogisticRegression(max_iter=1000)"
    linear_import = "from sklearn.linear_model import " + linear.split("(")[0]
    if numeric:
        baseline = (
            f"from sklearn.compose import ColumnTransformer\n{linear_import}\nfrom sklearn.pipeline import Pipeline\n"
            "from sklearn.preprocessing import StandardScaler\n\n"
            f"NUMERIC = {json.dumps(numeric)}\n"
            + ("# The baseline drops the text columns (remainder='drop').\n" if text else "")
            + f"model = Pipeline([\n    ('prepare', ColumnTransformer([('numbers', StandardScaler(), NUMERIC)], remainder='drop')),\n"
            f"    ('model', {linear}),\n])\nmodel.fit(X, y)"
        )
        why = (
            "A linear model on the numeric columns only"
            + (f"; it ignores {', '.join(f'`{t}`' for t in text)}" if text else "")
            + ". It cannot bend or combine columns."
        )
    else:
        baseline = (
            f"from sklearn.compose import ColumnTransformer\n{linear_import}\nfrom sklearn.pipeline import Pipeline\n"
            "from sklearn.preprocessing import OneHotEncoder\n\n"
            f"TEXT = {json.dumps(text)}\nmodel = Pipeline([\n"
            "    ('prepare', ColumnTransformer([('categories', OneHotEncoder(handle_unknown='ignore'), TEXT)])),\n"
            f"    ('model', {linear}),\n])\nmodel.fit(X, y)"
        )
        why = "A linear model on one-hot encoded categories: no interactions between them."
    booster = "GradientBoostingRegressor" if plan.task == TASKS["regression"] else "GradientBoostingClassifier"
    parts = []
    if numeric:
        parts.append(f"        ('numbers', 'passthrough', {json.dumps(numeric)}),")
    if text:
        parts.append(
            f"        ('categories', OneHotEncoder(handle_unknown='ignore', sparse_output=False), {json.dumps(text)}),"
        )
    reference = (
        f"from sklearn.compose import ColumnTransformer\nfrom sklearn.ensemble import {booster}\nfrom sklearn.pipeline import Pipeline\n"
        + ("from sklearn.preprocessing import OneHotEncoder\n" if text else "")
        + "\n"
        "# Gradient boosting on every column, the text columns one-hot encoded.\n"
        "model = Pipeline([\n    ('prepare', ColumnTransformer([\n" + "\n".join(parts) + "\n    ])),\n"
        f"    ('model', {booster}(random_state=0)),\n])\nmodel.fit(X, y)"
    )
    tuned = (
        "RidgeCV(alphas=np.logspace(-3, 3, 13))"
        if plan.task == TASKS["regression"]
        else "LogisticRegressionCV(max_iter=2000)"
    )
    scaled = [f"        ('numbers', StandardScaler(), {json.dumps(numeric)}),"] if numeric else []
    scaled += [f"        ('categories', OneHotEncoder(handle_unknown='ignore'), {json.dumps(text)}),"] if text else []
    linear_reference = (
        "import numpy as np\nfrom sklearn.compose import ColumnTransformer\n"
        f"from sklearn.linear_model import {tuned.split('(')[0]}\nfrom sklearn.pipeline import Pipeline\n"
        "from sklearn.preprocessing import OneHotEncoder, StandardScaler\n\n"
        "# A linear model on every column, scaled and one-hot encoded, its penalty tuned by cross-validation.\n"
        "model = Pipeline([\n    ('prepare', ColumnTransformer([\n" + "\n".join(scaled) + "\n    ])),\n"
        f"    ('model', {tuned}),\n])\nmodel.fit(X, y)"
    )
    recipe = {"explore": "df.describe(include='all').round(2)", "explore2": explore2, "baseline": baseline, "why": why}
    return recipe, [("gradient boosting", reference), ("tuned linear model", linear_reference)]


def reference_text(quest: dict, features: list[str], target: str, model_code: str) -> str:
    return f'''"""Reference solution of quest {quest["id"]}: {quest["title"]} (written by `npm run quest -- new`).

Loads the train split from the ML Quest server exactly as the starter notebook does and leaves
the fitted model in `model`; calibration scored it at {quest["reference_score"]}. Improve it freely.
"""

import os

import pandas as pd

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = {quest["id"]}

df = pd.read_csv(f"{{SERVER}}/quests/{{QUEST_ID}}/dataset")
FEATURES = {json.dumps(features)}
TARGET = "{target}"
X = df[FEATURES]
y = df[TARGET]

{model_code}
'''


def hints_for(plan: Plan) -> list[str]:
    if plan.task == TASKS["clustering"]:
        return [
            "Scale the columns before k-means: StandardScaler in a pipeline.",
            "Try the number of clusters the data suggests.",
        ]
    hints = [
        "Use every column: one-hot encode text columns inside a Pipeline with a ColumnTransformer."
        if any(f["type"] == "string" for f in plan.features)
        else "Scale the columns inside a Pipeline before a linear model or a neural network."
    ]
    hints.append(
        "Tree ensembles (random forests, gradient boosting) find thresholds and interactions a straight line misses."
    )
    if plan.metric in ("f1", "recall", "precision"):
        hints.append("class_weight='balanced' trades precision for recall.")
    return hints


# ------------------------------------------------------------------ calibration and the threshold


def propose_threshold(higher: bool, base: float, ref: float) -> float | None:
    """A round number between baseline and reference, 60% of the way up; None if the reference is not better."""
    gap = (ref - base) if higher else (base - ref)
    if gap <= 1e-9:
        return None
    raw = base + 0.6 * (ref - base)
    for decimals in range(2, 7):
        t = (math.floor if higher else math.ceil)(raw * 10**decimals) / 10**decimals
        t = round(t, decimals)
        if (base < t < ref) if higher else (ref < t < base):
            return t
    return round(raw, 6)


def cv_scorer(plan: Plan):
    """The quest's metric as a scikit-learn scorer for cross-validation on the train split."""
    from sklearn.metrics import f1_score, make_scorer, precision_score, recall_score

    if plan.metric in ("f1", "precision", "recall"):
        score = {"f1": f1_score, "precision": precision_score, "recall": recall_score}[plan.metric]
        kwargs = {"average": plan.average}
        if plan.average == "binary":
            kwargs["pos_label"] = plan.positive_class
        return make_scorer(score, **kwargs)
    if plan.metric == "roc_auc" and plan.task == TASKS["multiclass"]:
        return "roc_auc_ovr"
    return build_notebooks.CV_SCORING.get(plan.metric, plan.metric)


def choose_reference(
    pack: dict,
    pack_dir: str,
    quest: dict,
    plan: Plan,
    features: list[str],
    target: str,
    candidates: list[tuple[str, str]],
) -> tuple[str, str]:
    """The candidate with the best 5-fold cross-validated score on the train split (the hidden split is not looked at)."""
    if len(candidates) == 1:
        return candidates[0]
    import warnings

    import pandas as pd
    from sklearn.model_selection import cross_val_score

    train = pd.read_csv(
        os.path.join(pack_dir, next(d["dir"] for d in pack["datasets"] if d["id"] == quest["dataset"]), "train.csv")
    )
    best = None
    for name, code in candidates:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            namespace: dict = {"X": train[features], "y": train[target]}
            exec(compile(code.replace("model.fit(X, y)", ""), name, "exec"), namespace)
            score = float(
                cross_val_score(
                    namespace["model"], train[features], train[target], cv=5, scoring=cv_scorer(plan)
                ).mean()
            )
        print(f"reference candidate {name}: {score:.4f} in 5-fold cross-validation on the train split")
        if best is None or score > best[0]:
            best = (score, name, code)
    assert best is not None
    return best[1], best[2]


def calibrate_quest(
    pack: dict, pack_dir: str, quest: dict, dataset: dict, notebook_path: str, reference_path: str
) -> tuple[float, float]:
    import calibrate

    server, url = calibrate.serve_train_splits(pack, pack_dir)
    previous = os.environ.get("MLQUEST_SERVER_URL")
    os.environ["MLQUEST_SERVER_URL"] = url
    try:
        baseline = calibrate.run_code(calibrate.notebook_sources(notebook_path), os.path.basename(notebook_path))
        with open(reference_path, encoding="utf-8") as f:
            reference = calibrate.run_code([f.read()], reference_path)
        base, _ = calibrate.onnx_score(baseline, quest, dataset, pack_dir)
        ref, _ = calibrate.onnx_score(reference, quest, dataset, pack_dir)
    finally:
        server.shutdown()
        if previous is None:
            os.environ.pop("MLQUEST_SERVER_URL", None)
        else:
            os.environ["MLQUEST_SERVER_URL"] = previous
    return round(base, 4), round(ref, 4)


# ------------------------------------------------------------------ the server's own checks, and check


def server_problems(pack_dir: str) -> list[str]:
    """The server's own validation (schema, cross-references, catalog check, both splits of every dataset)."""
    node = shutil.which("node")
    tsx = os.path.join(ROOT, "node_modules", "tsx", "dist", "cjs", "index.cjs")
    source = os.path.join(ROOT, "server", "catalog", "check-pack-cli.ts")
    if node and os.path.exists(tsx) and os.path.exists(source):
        command = [node, "-r", tsx, source, pack_dir]  # a development checkout: the current source
    elif node and os.path.exists(CHECK_CLI):
        command = [node, CHECK_CLI, pack_dir]
    else:
        raise Refused(
            f"the server's pack check is not built ({os.path.relpath(CHECK_CLI, ROOT)}): run `npm run build`, "
            "with Node.js 20 on the PATH"
        )
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    try:
        return json.loads(done.stdout)["problems"]
    except (ValueError, KeyError):
        raise Refused(f"the server's pack check failed to run: {done.stderr.strip()[-500:]}") from None


def notebook_problems(pack: dict, nb_dir: str) -> list[str]:
    problems = []
    for q in pack.get("quests", []) if isinstance(pack.get("quests"), list) else []:
        if not isinstance(q, dict) or "notebook" not in q:
            continue
        where = f"quest {q.get('id')} ({q.get('title')}): notebook {q['notebook']}"
        path = os.path.join(nb_dir, os.path.basename(str(q["notebook"])))
        try:
            with open(path, encoding="utf-8") as f:
                nb = json.load(f)
        except FileNotFoundError:
            problems.append(f"{where}: not found in {nb_dir} (build it with `npm run quest -- new` or copy it there)")
            continue
        except ValueError as err:
            problems.append(f"{where}: not valid JSON ({err})")
            continue
        code = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
        submit = [c for c in code if "mlquest" in c.get("metadata", {})]
        if len(submit) != 1:
            problems.append(f'{where}: needs exactly one submit cell (metadata "mlquest"), has {len(submit)}')
            continue
        meta = submit[0]["metadata"]["mlquest"]
        if not isinstance(meta, dict) or meta.get("quest") != q.get("id") or not isinstance(meta.get("model"), str):
            problems.append(
                f"{where}: the submit cell's metadata is {json.dumps(meta)}; it must be "
                f"{json.dumps({'quest': q.get('id'), 'model': 'model'})}"
            )
        elif code[-1] is not submit[0]:
            problems.append(f"{where}: the submit cell must be the last code cell")
        source = "".join("".join(c.get("source", [])) for c in code)
        if f"QUEST_ID = {q.get('id')}" not in source:
            problems.append(f"{where}: its code does not load quest {q.get('id')} (no `QUEST_ID = {q.get('id')}`)")
    return problems


def card_notes(pack: dict, pack_dir: str) -> list[str]:
    notes = []
    for d in pack.get("datasets", []) if isinstance(pack.get("datasets"), list) else []:
        card = os.path.join(pack_dir, str(d.get("dir")), "card.md")
        if not os.path.exists(card):
            notes.append(f"dataset {d.get('id')}: no card.md (columns, source and licence for the learners)")
        elif TODO in open(card, encoding="utf-8").read():
            notes.append(
                f"dataset {d.get('id')}: {os.path.relpath(card, pack_dir)} still has {TODO} markers (source, licence, column meanings)"
            )
    return notes


def command_check(args: argparse.Namespace) -> int:
    pack_dir = os.path.abspath(args.pack or os.environ.get("MLQUEST_QUEST_PACK") or HERE)
    problems = server_problems(pack_dir)
    pack: dict = {}
    try:
        with open(os.path.join(pack_dir, "pack.json"), encoding="utf-8") as f:
            pack = json.load(f)
    except (OSError, ValueError):
        pass  # the server's check has said so
    problems += notebook_problems(pack, notebooks_dir(pack_dir))
    for note in card_notes(pack, pack_dir):
        print("note:", note)
    if problems:
        print(f"{pack_dir}: {len(problems)} problem{'s' if len(problems) > 1 else ''}:")
        for p in problems:
            print("  -", p)
        return 1
    print(
        f"{pack_dir}: the pack is usable: {len(pack['quests'])} quests, {len(pack['levels'])} levels, {len(pack['badges'])} badges, "
        "every file and submit cell in place, every level and badge reachable."
    )
    return 0


# ------------------------------------------------------------------ new


def command_new(args: argparse.Namespace) -> int:
    pack_dir = own_pack(args.pack)
    if not 0.05 <= args.test_size <= 0.5:
        raise Refused(
            f"--test-size {args.test_size}: use a share between 0.05 and 0.5 of the rows (0.2 hides one row in five)"
        )
    time_column = args.split[5:] if args.split and args.split.startswith("time:") else None
    if args.split and not (args.split in ("random", "stratified") or (time_column is not None and time_column)):
        raise Refused(f"--split {args.split}: use random, stratified or time:COLUMN")

    table = read_table(args.csv)
    plan = infer(table, args.target, args.task, args.metric, time_column, args.drop or [], args.positive_class)
    for line in plan.said:
        print(line)
    how = args.split or ("stratified" if plan.classes else "random")
    seed = DEFAULT_SEED if args.seed is None else args.seed
    train, test, split_words = split(table, plan, args.target, how, args.test_size, seed)
    print(f"split: {split_words}")

    created_pack = not os.path.exists(os.path.join(pack_dir, "pack.json"))
    if created_pack and os.path.exists(pack_dir) and os.listdir(pack_dir):
        raise Refused(f"{pack_dir} exists but holds no pack.json: pass an empty or new folder to --pack")
    if created_pack:
        if os.path.exists(pack_dir):
            os.rmdir(pack_dir)
        create_from_default(pack_dir)
        print(f"created {pack_dir} from the default pack (datasets/ and notebooks/ stay untouched)")
    with open(os.path.join(pack_dir, "pack.json"), encoding="utf-8") as f:
        pack_text = f.read()
    pack = json.loads(pack_text)
    written: list[str] = []
    try:
        return add_quest(args, pack_dir, pack, table, plan, train, test, split_words, written)
    except BaseException:
        for path in reversed(written):
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
        if created_pack:
            shutil.rmtree(pack_dir, ignore_errors=True)
        else:
            with open(os.path.join(pack_dir, "pack.json"), "w", encoding="utf-8", newline="\n") as f:
                f.write(pack_text)
        raise


def add_quest(
    args: argparse.Namespace,
    pack_dir: str,
    pack: dict,
    table: Table,
    plan: Plan,
    train: list[int],
    test: list[int],
    split_words: str,
    written: list[str],
) -> int:
    levels = sorted(pack["levels"], key=lambda lvl: lvl["required_xp"])
    level = (
        next((lvl for lvl in pack["levels"] if lvl["id"] == args.chapter), None)
        if args.chapter is not None
        else levels[0]
    )
    if level is None:
        raise Refused(
            f"--chapter {args.chapter}: no such level; the pack has "
            + ", ".join(f"{lvl['id']} {lvl['name']}" for lvl in levels)
        )
    stem = os.path.splitext(os.path.basename(args.csv))[0].replace("_", " ").replace("-", " ").strip().capitalize()
    title = args.title or stem
    taken = {d["id"] for d in pack["datasets"]} | {d["dir"] for d in pack["datasets"]}
    dataset_id, n = slugify(title), 2
    while dataset_id in taken or dataset_id.replace("-", "_") in taken:
        dataset_id, n = f"{slugify(title)}-{n}", n + 1
    folder = os.path.join(pack_dir, dataset_id.replace("-", "_"))
    qid = max(q["id"] for q in pack["quests"]) + 1
    slug = slugify(title)
    while any(q["slug"] == slug for q in pack["quests"]):
        slug = f"{slug}-{qid}"

    # The dataset: both splits with the instructor's own text, and the data card.
    os.makedirs(folder)
    written.append(folder)
    names = [f["name"] for f in plan.features] + [args.target]
    idx = [table.header.index(n) for n in names]
    for file, rows in (("train.csv", train), ("test.csv", test)):
        with open(os.path.join(folder, file), "w", encoding="utf-8", newline="") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(names)
            for r in rows:
                out.writerow([table.rows[r][i].strip() for i in idx])
    source, licence = args.source, args.licence
    if sys.stdin.isatty() and (source is None or licence is None):
        source = source or input("Where does the data come from (source)? [leave blank for a TODO] ").strip() or None
        licence = (
            licence or input("Under which licence may the class use it? [leave blank for a TODO] ").strip() or None
        )
    with open(os.path.join(folder, "card.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(
            card_text(
                title,
                table,
                plan,
                args.target,
                train,
                test,
                split_words,
                args.seed is not None,
                source,
                licence,
                os.path.basename(args.csv),
            )
        )

    dataset = {
        "id": dataset_id,
        "title": title,
        "dir": os.path.basename(folder),
        "task_type": plan.task,
        "target": args.target,
        "features": plan.features,
    }
    if plan.classes:
        dataset["classes"] = plan.classes
    if plan.positive_class is not None:
        dataset["positive_class"] = plan.positive_class
    higher = plan.metric not in ("mse", "rmse", "mae", "log_loss")
    metric_words = build_notebooks.METRIC_WORDS[plan.metric] + (", macro-averaged" if plan.average == "macro" else "")
    quest = {
        "id": qid,
        "slug": slug,
        "title": title,
        "description": f"Predict `{args.target}` from {len(plan.features)} columns of {title.lower()}; scored by {metric_words} on the hidden rows.",
        "level": level["id"],
        "dataset": dataset_id,
        "metric": plan.metric,
    }
    if plan.average:
        quest["average"] = plan.average
    quest.update(
        {
            "direction": "higher_is_better" if higher else "lower_is_better",
            "threshold": 0,
            "xp_reward": args.xp,
            "daily_submission_limit": 50,
            "notebook": f"{qid:02d}_{slug.replace('-', '_')}.ipynb",
            "hints": hints_for(plan),
        }
    )
    pack["datasets"].append(dataset)
    pack["quests"].append(quest)

    # The starter notebook (the same builder as the default quests) and the reference solution.
    recipe, candidates = recipe_for(plan, args.target)
    chosen, reference_code = choose_reference(
        pack, pack_dir, quest, plan, [f["name"] for f in plan.features], args.target, candidates
    )
    print(f"reference: {chosen}")
    nb_dir = notebooks_dir(pack_dir)
    if os.path.realpath(nb_dir) == os.path.realpath(os.path.join(ROOT, "notebooks")):
        raise Refused(
            f"MLQUEST_NOTEBOOKS points at the default starter notebooks ({nb_dir}), which stay untouched: "
            f"unset it (your pack keeps its notebooks in {os.path.join(pack_dir, 'notebooks')}) or point it at a folder of your own"
        )
    os.makedirs(nb_dir, exist_ok=True)
    notebook_path = os.path.join(nb_dir, quest["notebook"])
    ref_dir = os.path.join(pack_dir, "references")
    os.makedirs(ref_dir, exist_ok=True)
    reference_path = os.path.join(ref_dir, f"quest_{qid:02d}.py")
    quest["reference_score"] = "?"
    with open(reference_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(reference_text(quest, [f["name"] for f in plan.features], args.target, reference_code))
    written.append(reference_path)
    with open(notebook_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(build_notebooks.render(build_notebooks.build(quest, dataset, level, recipe)))
    written.append(notebook_path)

    # Calibration: both models through the companion's ONNX conversion and onnxruntime.
    base, ref = calibrate_quest(pack, pack_dir, quest, dataset, notebook_path, reference_path)
    op = ">=" if higher else "<="
    proposed = propose_threshold(higher, base, ref)
    print(
        f"calibrated on the hidden split: starter baseline {base}, reference {ref} ({plan.metric}, {'higher' if higher else 'lower'} is better)"
    )
    if args.threshold is not None:
        threshold = args.threshold
        print(f"threshold: {op} {threshold} (from --threshold; proposed was {proposed})")
    elif proposed is None:
        raise Refused(
            f"the reference ({ref}) does not beat the starter baseline ({base}) on the hidden split: the columns may not "
            f"predict `{args.target}`; check the data, or pass --threshold to set one yourself"
        )
    else:
        threshold = proposed
        print(
            f"threshold: {op} {threshold}, proposed between the baseline and the reference (pass --threshold to change)"
        )
    passes = (lambda s: s >= threshold) if higher else (lambda s: s <= threshold)
    if passes(base):
        print(f"warning: the starter baseline ({base}) already passes {op} {threshold}")
    if not passes(ref):
        print(f"warning: the reference ({ref}) does not pass {op} {threshold}")
    quest.update({"threshold": threshold, "baseline_score": base, "reference_score": ref})
    with open(reference_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(reference_text(quest, [f["name"] for f in plan.features], args.target, reference_code))
    with open(notebook_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(build_notebooks.render(build_notebooks.build(quest, dataset, level, recipe)))

    # "All quests" badges keep meaning all of them.
    old_total = len(pack["quests"]) - 1
    for badge in pack["badges"]:
        c = badge["condition"]
        if c["type"] == "quests_completed" and c["count"] == old_total:
            c["count"] = old_total + 1
            badge["description"] = re.sub(rf"\b{old_total}\b", str(old_total + 1), badge["description"])
            print(f"badge {badge['name']}: now asks for all {old_total + 1} quests")

    write_json(os.path.join(pack_dir, "pack.json"), pack)
    problems = server_problems(pack_dir) + notebook_problems(pack, nb_dir)
    if problems:
        raise Refused("the pack with the new quest does not pass the server's check:\n  " + "\n  ".join(problems))
    print(
        f'quest {qid} "{title}" added to {pack_dir}: level {level["id"]} {level["name"]} (from {level["required_xp"]} XP), '
        f"{args.xp} XP; catalog check passed."
    )
    print(
        f"  {os.path.relpath(folder, pack_dir)}/train.csv ({len(train)} rows, served), test.csv ({len(test)} rows, hidden), card.md"
    )
    print(f"  {os.path.relpath(notebook_path, pack_dir)}, {os.path.relpath(reference_path, pack_dir)}")
    if TODO in open(os.path.join(folder, "card.md"), encoding="utf-8").read():
        print(f"  fill in the {TODO} markers of card.md (source, licence, what the columns mean)")
    print(f"Restart the server with MLQUEST_QUEST_PACK={pack_dir} MLQUEST_NOTEBOOKS={nb_dir}; progress is kept.")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="npm run quest --", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    new = sub.add_parser("new", help="turn a CSV into a calibrated quest")
    new.add_argument("--csv", required=True, help="the data, UTF-8, a header line of column names")
    new.add_argument("--target", required=True, help="the column to predict")
    new.add_argument("--task", choices=sorted(TASKS), help="inferred from the target when not given")
    new.add_argument("--metric", help="inferred from the task and the classes when not given")
    new.add_argument("--title", help="the quest's title (default: from the file name)")
    new.add_argument("--chapter", type=int, help="the level id to put the quest in (default: the first level)")
    new.add_argument("--xp", type=int, default=DEFAULT_XP, help=f"XP for passing (default {DEFAULT_XP})")
    new.add_argument("--test-size", type=float, default=0.2, help="share of the rows hidden for scoring (default 0.2)")
    new.add_argument(
        "--seed",
        type=int,
        help=f"seed of the split; choose your own and do not commit it for a private split (default {DEFAULT_SEED})",
    )
    new.add_argument(
        "--split", help="random, stratified (the default for classification) or time:COLUMN (a forward split)"
    )
    new.add_argument("--threshold", type=float, help="the pass mark (default: proposed from the calibration)")
    new.add_argument("--drop", action="append", help="a column to leave out (repeatable)")
    new.add_argument(
        "--positive-class", help="for binary metrics: the class that counts as positive (default: the rarer)"
    )
    new.add_argument("--source", help="where the data comes from, for the data card")
    new.add_argument("--licence", help="the data's licence, for the data card")
    new.add_argument("--pack", help="your quest pack folder (default: $MLQUEST_QUEST_PACK)")
    check = sub.add_parser("check", help="validate a quest pack, listing every problem")
    check.add_argument("--pack", help="the pack folder (default: $MLQUEST_QUEST_PACK, else the default pack)")
    args = parser.parse_args(argv)
    try:
        return command_new(args) if args.command == "new" else command_check(args)
    except CsvProblems as err:
        print(
            f"{args.csv}: {len(err.problems)} problem{'s' if len(err.problems) > 1 else ''}; nothing was written:",
            file=sys.stderr,
        )
        for p in err.problems:
            print("  -", p, file=sys.stderr)
        return 1
    except Refused as err:
        print(
            f"quest {args.command}: {err}; nothing was written" if args.command == "new" else f"quest check: {err}",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
