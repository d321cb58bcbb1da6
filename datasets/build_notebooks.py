#!/usr/bin/env python3
"""Build the starter notebooks in notebooks/ from datasets/pack.json and the recipes below.

Each notebook: the goal, metric, threshold and XP in Markdown; the train split loaded from the
ML Quest server (so it also works on JupyterHub); a short exploration; a baseline model assigned
to `model`; and a final submit cell whose metadata {"mlquest": {"quest": id, "model": "model"}}
tells the JupyterLab extension which quest and variable its "Submit model" button submits.

The notebooks are committed without outputs. Output is deterministic (sorted keys, fixed cell ids).

Usage:
  python datasets/build_notebooks.py           # write notebooks/NN_*.ipynb
  python datasets/build_notebooks.py --check   # exit 1 when a committed notebook differs
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
NOTEBOOKS = os.path.join(os.path.dirname(HERE), "notebooks")

METRIC_WORDS = {
    "r2": "R² (coefficient of determination)",
    "mse": "mean squared error",
    "rmse": "root mean squared error",
    "mae": "mean absolute error",
    "accuracy": "accuracy",
    "precision": "precision",
    "recall": "recall",
    "f1": "F1 score",
    "roc_auc": "ROC AUC",
    "log_loss": "log loss",
    "adjusted_rand_score": "adjusted Rand index",
}

# scikit-learn scoring names for the local cross-validation (negated for lower-is-better metrics).
CV_SCORING = {
    "r2": "r2",
    "rmse": "neg_root_mean_squared_error",
    "mae": "neg_mean_absolute_error",
    "mse": "neg_mean_squared_error",
    "accuracy": "accuracy",
    "roc_auc": "roc_auc",
    "log_loss": "neg_log_loss",
}

# Per quest: exploration code, the baseline model code (must assign a fitted `model`), and a short
# explanation of what the baseline lacks.
RECIPES: dict[int, dict[str, str]] = {
    1: {
        "explore": "df.describe().round(1)",
        "explore2": "df[FEATURES + [TARGET]].corr()[TARGET].round(2)",
        "baseline": "from sklearn.linear_model import LinearRegression\n\nmodel = LinearRegression()\nmodel.fit(X, y)",
        "why": "A straight line through all six features. For this first quest it already passes: submit it to see how scoring works, then try to beat it.",
    },
    2: {
        "explore": "df.describe().round(2)",
        "explore2": "# How does the yield change with soil pH? Average yield per pH band:\ndf.groupby(pd.cut(df['soil_ph'], 8), observed=True)[TARGET].mean().round(2)",
        "baseline": "from sklearn.linear_model import LinearRegression\n\nmodel = LinearRegression()\nmodel.fit(X, y)",
        "why": "A linear model cannot bend: it misses the U-shaped effect of soil pH and the rainfall × temperature interaction, and stays below the threshold.",
    },
    3: {
        "explore": "df[TARGET].value_counts(normalize=True).round(3)",
        "explore2": "# Churn rate per contract type\ndf.groupby('contract')[TARGET].mean().round(3)",
        "baseline": (
            "from sklearn.compose import ColumnTransformer\n"
            "from sklearn.linear_model import LogisticRegression\n"
            "from sklearn.pipeline import Pipeline\n"
            "from sklearn.preprocessing import StandardScaler\n\n"
            "NUMERIC = ['tenure_months', 'monthly_charges', 'support_calls', 'senior']\n"
            "# The baseline drops the string columns (remainder='drop').\n"
            "model = Pipeline([\n"
            "    ('prepare', ColumnTransformer([('numbers', StandardScaler(), NUMERIC)], remainder='drop')),\n"
            "    ('classify', LogisticRegression()),\n"
            "])\n"
            "model.fit(X, y)"
        ),
        "why": "The baseline only sees the numeric columns. The contract, internet service and payment method carry most of the signal: encode them inside the pipeline.",
    },
    4: {
        "explore": "df.groupby(TARGET).mean().round(2)",
        "explore2": "df[TARGET].value_counts()",
        "baseline": "from sklearn.tree import DecisionTreeClassifier\n\n# A 'stump': one question about one feature.\nmodel = DecisionTreeClassifier(max_depth=1, random_state=0)\nmodel.fit(X, y)",
        "why": "One split can separate only two groups, so one species is never predicted.",
    },
    5: {
        "explore": "df[TARGET].value_counts()",
        "explore2": "df.groupby(TARGET).mean().round(2)",
        "baseline": (
            "from sklearn.linear_model import LogisticRegression\n"
            "from sklearn.pipeline import make_pipeline\n"
            "from sklearn.preprocessing import StandardScaler\n\n"
            "model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))\n"
            "model.fit(X, y)"
        ),
        "why": "Straight decision boundaries cannot express 'voltage far from 230 V in either direction' or 'hot AND low pressure'.",
    },
    6: {
        "explore": "df.groupby(TARGET).mean().round(2)",
        "explore2": "df.describe().round(2)",
        "baseline": (
            "from sklearn.neighbors import KNeighborsClassifier\n\n"
            "# Looks at the 60 nearest flowers in the training data, which is too many.\n"
            "model = KNeighborsClassifier(n_neighbors=60)\n"
            "model.fit(X, y)"
        ),
        "why": "Sixty neighbours out of about a hundred flowers blur the species together.",
    },
    7: {
        "explore": "df.describe().round(2)",
        "explore2": "# Average delivery time per hour of the day\ndf.groupby('hour')[TARGET].mean().round(1)",
        "baseline": "from sklearn.linear_model import LinearRegression\n\nmodel = LinearRegression()\nmodel.fit(X, y)",
        "why": "A straight line in `hour` cannot model two rush hours; distance also matters more during the rush and in the rain.",
    },
    8: {
        "explore": "df[TARGET].value_counts()",
        "explore2": "# Churn rate per payment method\ndf.groupby('payment_method')[TARGET].mean().round(3)",
        "baseline": (
            "from sklearn.compose import ColumnTransformer\n"
            "from sklearn.linear_model import LogisticRegression\n"
            "from sklearn.pipeline import Pipeline\n"
            "from sklearn.preprocessing import StandardScaler\n\n"
            "NUMERIC = ['tenure_months', 'monthly_charges', 'support_calls', 'senior']\n"
            "model = Pipeline([\n"
            "    ('prepare', ColumnTransformer([('numbers', StandardScaler(), NUMERIC)], remainder='drop')),\n"
            "    ('classify', LogisticRegression()),\n"
            "])\n"
            "model.fit(X, y)"
        ),
        "why": "Without the string columns the model misses most churners: its recall, and so its F1, is low.",
    },
    9: {
        "explore": "df.describe().round(2)",
        "explore2": "# Distance from the centre of the picture, per class\nradius = ((df['x'] - df['x'].mean())**2 + (df['y'] - df['y'].mean())**2) ** 0.5\nradius.groupby(df[TARGET]).describe().round(2)",
        "baseline": "from sklearn.linear_model import LogisticRegression\n\nmodel = LogisticRegression()\nmodel.fit(X, y)",
        "why": "A logistic regression draws one straight line: it cannot cut a ring out of the plane and stays near 50%.",
    },
    10: {
        "explore": "df[TARGET].value_counts(normalize=True).round(3)",
        "explore2": "df.groupby(TARGET).mean().round(3)",
        "baseline": "from sklearn.tree import DecisionTreeClassifier\n\n# An unpruned tree memorises the training data.\nmodel = DecisionTreeClassifier(random_state=0)\nmodel.fit(X, y)",
        "why": "An unpruned tree predicts probabilities of exactly 0 or 1, so it ranks applicants poorly.",
    },
    11: {
        "explore": "df[TARGET].value_counts(normalize=True).round(3)",
        "explore2": "# Default rate by number of late payments\ndf.groupby('late_payments')[TARGET].agg(['mean', 'count']).round(3)",
        "baseline": "from sklearn.tree import DecisionTreeClassifier\n\nmodel = DecisionTreeClassifier(random_state=0)\nmodel.fit(X, y)",
        "why": "Probabilities of exactly 0 and 1 are punished without mercy by log loss whenever they are wrong.",
    },
    12: {
        "explore": "df[FEATURES].describe().round(2)",
        "explore2": "# The true segments are given here only so that you can check your clustering.\ndf.groupby(TARGET)[FEATURES].mean().round(2)",
        "baseline": "from sklearn.cluster import KMeans\n\nmodel = KMeans(n_clusters=3, n_init=10, random_state=0)\nmodel.fit(X)",
        "why": "Three clusters on unscaled columns: distances are dominated by annual spend, which says little about the segment.",
    },
    13: {
        "explore": "df.describe().round(2)",
        "explore2": "df[FEATURES + [TARGET]].corr()[TARGET].round(2)",
        "baseline": "from sklearn.ensemble import GradientBoostingRegressor\n\nmodel = GradientBoostingRegressor(random_state=0)\nmodel.fit(X, y)",
        "why": "Gradient boosting with its default settings gets close, but not below the threshold.",
    },
    14: {
        "explore": "df[TARGET].value_counts().sort_index()",
        "explore2": (
            "# Each row is an 8×8 image: print the first three, darker characters for more ink.\n"
            "for _, row in df.head(3).iterrows():\n"
            "    print('digit', row[TARGET])\n"
            "    pixels = row[FEATURES].to_numpy().reshape(8, 8)\n"
            "    print('\\n'.join(''.join(' .:-=+*#%@'[v * 9 // 16] * 2 for v in line) for line in pixels))"
        ),
        "baseline": "from sklearn.linear_model import LogisticRegression\n\n# One straight boundary per digit, on the raw pixel counts.\nmodel = LogisticRegression(max_iter=2000)\nmodel.fit(X, y)",
        "why": "A linear model on the 64 raw pixels gets most digits right, but not enough: it cannot combine strokes the way a neural network's hidden layer does.",
    },
    15: {
        "explore": "df[TARGET].value_counts()",
        "explore2": "# The columns live on very different scales.\ndf[FEATURES].describe().loc[['min', 'max']].T.round(3)",
        "baseline": "from sklearn.neighbors import KNeighborsClassifier\n\n# Five nearest biopsies, on the raw columns.\nmodel = KNeighborsClassifier()\nmodel.fit(X, y)",
        "why": "Unscaled, the distance is almost only `worst_area` and `mean_area` (in the hundreds); the shape measurements near 0.1 are ignored, and malignant tumours are missed.",
    },
    16: {
        "explore": "df[TARGET].value_counts()",
        "explore2": "df.groupby(TARGET)[FEATURES].mean().round(2).T",
        "baseline": "from sklearn.neighbors import KNeighborsClassifier\n\nmodel = KNeighborsClassifier()\nmodel.fit(X, y)",
        "why": "On raw columns the nearest wines are those with a similar `proline` (hundreds to 1,680) and `magnesium`; the other eleven measurements hardly count.",
    },
    17: {
        "explore": "df.describe().round(2)",
        "explore2": "df[FEATURES + [TARGET]].corr()[TARGET].round(2)",
        "baseline": "from sklearn.tree import DecisionTreeRegressor\n\n# An unpruned tree: one leaf per patient.\nmodel = DecisionTreeRegressor(random_state=0)\nmodel.fit(X, y)",
        "why": "An unpruned tree learns every patient's noise by heart and predicts new patients poorly.",
    },
}


def cell_id(quest_id: int, index: int) -> str:
    return f"q{quest_id:02d}-c{index:02d}"


def markdown(quest_id: int, index: int, text: str) -> dict:
    return {
        "cell_type": "markdown",
        "id": cell_id(quest_id, index),
        "metadata": {},
        "source": text.strip("\n").splitlines(keepends=True),
    }


def code(quest_id: int, index: int, text: str, metadata: dict | None = None) -> dict:
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": cell_id(quest_id, index),
        "metadata": metadata or {},
        "outputs": [],
        "source": text.strip("\n").splitlines(keepends=True),
    }


def threshold_words(quest: dict) -> str:
    op = "≥" if quest["direction"] == "higher_is_better" else "≤"
    better = "higher is better" if quest["direction"] == "higher_is_better" else "lower is better"
    return f"{op} {quest['threshold']} ({better})"


def metric_words(quest: dict) -> str:
    words = METRIC_WORDS[quest["metric"]]
    if quest.get("average") == "macro":
        words += ", macro-averaged over the classes"
    return words


def local_check_code(quest: dict, dataset: dict) -> str:
    metric = quest["metric"]
    if dataset["task_type"] == "clustering":
        return (
            "from sklearn.metrics import adjusted_rand_score\n\n"
            "# Compare the clusters with the true segments of the training rows.\n"
            "print('adjusted Rand index on the training data:', round(adjusted_rand_score(y, model.predict(X)), 3))"
        )
    if metric == "f1":
        scoring = "f1_macro" if quest.get("average") == "macro" else "f1"
    else:
        scoring = CV_SCORING[metric]
    sign = "-" if scoring.startswith("neg_") else ""
    imports = "from sklearn.base import clone\nfrom sklearn.model_selection import cross_val_score\n"
    scorer = f"'{scoring}'"
    positive = dataset.get("positive_class")
    if scoring == "f1" and isinstance(positive, str):
        # scikit-learn's named binary scorers take 1 as the positive class; say which label is.
        imports += f"from sklearn.metrics import {scoring}_score, make_scorer\n"
        scorer = f"make_scorer({scoring}_score, pos_label={positive!r})"
    return (
        imports + "\n"
        "# 5-fold cross-validation on the training data: a preview of the hidden-test score.\n"
        f"scores = {sign}cross_val_score(clone(model), X, y, cv=5, scoring={scorer})\n"
        "cv_score = float(scores.mean())  # ML Quest compares this preview with the hidden-test score\n"
        f"print('{METRIC_WORDS[metric]} per fold:', scores.round(3), ' mean:', round(cv_score, 3))"
    )


def build(quest: dict, dataset: dict, level: dict, recipe: dict[str, str] | None = None) -> dict:
    """One starter notebook; `recipe` for a quest made by `npm run quest -- new` (else RECIPES)."""
    qid = quest["id"]
    recipe = recipe or RECIPES[qid]
    features = [f["name"] for f in dataset["features"]]
    target = dataset["target"]
    hints = "\n".join(f"- {h}" for h in quest.get("hints", []))
    cells = [
        markdown(
            qid,
            0,
            f"""
# Quest {qid}: {quest["title"]}

**Level {level["id"]} · {level["name"]}** · reward **{quest["xp_reward"]} XP**

{quest["description"]}

| | |
| --- | --- |
| Data | {dataset["title"]} (`{dataset["id"]}`) |
| Metric | {metric_words(quest)} on the hidden test set |
| To pass | {threshold_words(quest)} |
| Reward | {quest["xp_reward"]} XP, once, on the first pass |

Train a model on the data below, keep it in the variable `model`, and press **Submit model**
on the last cell. The model is converted to ONNX in this kernel, scored on rows you never see,
and you get the score, XP and any new badge a second later.
""",
        ),
        code(
            qid,
            1,
            f"""
import os

import pandas as pd

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = {qid}

df = pd.read_csv(f"{{SERVER}}/quests/{{QUEST_ID}}/dataset")
FEATURES = {json.dumps(features)}
TARGET = "{target}"
X = df[FEATURES]  # the model must take exactly these columns, in this order
y = df[TARGET]
df.head()
""",
        ),
        markdown(qid, 2, "## Explore"),
        code(qid, 3, recipe["explore"]),
        code(qid, 4, recipe["explore2"]),
        markdown(
            qid,
            5,
            f"""
## A baseline

{recipe["why"]}
""",
        ),
        code(qid, 6, recipe["baseline"]),
        code(qid, 7, local_check_code(quest, dataset)),
        markdown(
            qid,
            8,
            f"""
## Your turn

Improve on the baseline: change the model in the cell above (keep the name `model`), check it with
the cross-validation cell, then submit.

{hints}
""",
        ),
        markdown(
            qid,
            9,
            """
## Submit

Press the **Submit model** button on the cell below. It submits the variable named in the cell's
metadata (`model`) for this quest.
""",
        ),
        code(qid, 10, "model", metadata={"mlquest": {"quest": qid, "model": "model"}}),
    ]
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "mlquest": {"quest": qid},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def render(notebook: dict) -> str:
    return json.dumps(notebook, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def build_all(out_dir: str) -> list[str]:
    with open(os.path.join(HERE, "pack.json"), encoding="utf-8") as f:
        pack = json.load(f)
    datasets = {d["id"]: d for d in pack["datasets"]}
    levels = {lvl["id"]: lvl for lvl in pack["levels"]}
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for quest in pack["quests"]:
        path = os.path.join(out_dir, quest["notebook"])
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(render(build(quest, datasets[quest["dataset"]], levels[quest["level"]])))
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare the committed notebooks with a fresh build")
    args = parser.parse_args(argv)
    if not args.check:
        for path in build_all(NOTEBOOKS):
            print("wrote", os.path.relpath(path, os.path.dirname(HERE)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        differ = []
        for path in build_all(tmp):
            committed = os.path.join(NOTEBOOKS, os.path.basename(path))
            with open(path, encoding="utf-8") as a:
                fresh = a.read()
            if not os.path.exists(committed) or open(committed, encoding="utf-8").read() != fresh:
                differ.append(os.path.basename(path))
    if differ:
        print(
            "build_notebooks.py --check: differs from a fresh build (run `python datasets/build_notebooks.py`):",
            ", ".join(differ),
        )
        return 1
    print("build_notebooks.py --check: every starter notebook matches a fresh build.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
