"""Reading an instructor's CSV for `npm run quest -- new`: validation (one clear message per
problem, all of them at once), task and metric inference, and the train/test split.

The cells are kept as the text the instructor wrote, so the splits hold exactly their values.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

NUMBER = re.compile(r"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$")  # what Python, pandas and JavaScript all read
MISSING = {"", "na", "n/a", "nan", "null", "none", "-", "?"}  # pandas reads most of these as missing
ID_NAME = re.compile(r"(^|_)(id|uuid|key)$|^id_", re.IGNORECASE)
MIN_ROWS = 50
MIN_PER_CLASS = 10
MAX_CLASSES = 50
TASKS = {
    "regression": "regression",
    "binary": "binary_classification",
    "multiclass": "multiclass_classification",
    "clustering": "clustering",
}
METRICS = {
    "regression": ["r2", "mse", "rmse", "mae"],
    "binary_classification": ["accuracy", "precision", "recall", "f1", "roc_auc", "log_loss"],
    "multiclass_classification": ["accuracy", "precision", "recall", "f1", "roc_auc", "log_loss"],
    "clustering": ["adjusted_rand_score"],
}


class CsvProblems(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Table:
    path: str
    header: list[str]
    rows: list[list[str]]  # data rows, text as written

    def column(self, name: str) -> list[str]:
        i = self.header.index(name)
        return [r[i] for r in self.rows]


@dataclass
class Plan:
    task: str
    metric: str
    average: str | None
    classes: list | None
    positive_class: str | int | None
    features: list[dict]
    said: list[str] = field(default_factory=list)  # the inferences, in words


def is_number(text: str) -> bool:
    return bool(NUMBER.match(text))


def is_missing(text: str) -> bool:
    return text.strip().lower() in MISSING


def lines_of(indexes: list[int], most: int = 3) -> str:
    shown = ", ".join(str(i + 2) for i in indexes[:most])  # line 1 is the header
    return f"line{'s' if len(indexes) > 1 else ''} {shown}{', …' if len(indexes) > most else ''}"


def read_table(path: str) -> Table:
    """The CSV as text cells; encoding, header and shape problems listed together."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as err:
        raise CsvProblems([f"{path}: cannot be read ({err.strerror}); check the path given to --csv"]) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise CsvProblems(
            [
                f"{path}: is not UTF-8 text (byte 0x{raw[err.start]:02x} on line {line}, probably Latin-1 or Windows-1252): "
                'save it as UTF-8 (in Excel: "CSV UTF-8"; or `iconv -f latin1 -t utf-8`)'
            ]
        ) from None
    if not text.strip():
        raise CsvProblems([f"{path}: is empty; it needs a header line of column names and one line per row"])
    records = [r for r in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in r)]
    header = [h.strip() for h in records[0]]
    problems: list[str] = []
    if len(header) < 2:
        problems.append(
            f"{path}: the header has {len(header)} column; a quest needs at least one feature and the target, separated by commas"
        )
    if all(is_number(h) for h in header if h):
        problems.append(
            f"{path}: the first line ({','.join(header[:4])}…) looks like data, not column names: add a header line naming each column"
        )
    for i, name in enumerate(header):
        if not name:
            problems.append(f"{path}: column {i + 1} of the header has no name: name it or remove the column")
    for name in sorted({h for h in header if h and header.count(h) > 1}):
        problems.append(
            f"{path}: the header names column `{name}` {header.count(name)} times: give each column its own name"
        )
    ragged = [i for i, r in enumerate(records[1:]) if len(r) != len(header)]
    if ragged:
        problems.append(
            f"{path}: {lines_of(ragged)} ha{'ve' if len(ragged) > 1 else 's'} a different number of fields than the header "
            f"({len(header)}): quote values that contain commas"
        )
    if problems:
        raise CsvProblems(problems)
    return Table(path=path, header=header, rows=records[1:])


def column_problems(table: Table, name: str, role: str) -> list[str]:
    values = table.column(name)
    missing = [i for i, v in enumerate(values) if is_missing(v)]
    problems = []
    if missing:
        problems.append(
            f"{role} `{name}` has {len(missing)} empty or NA cell{'s' if len(missing) > 1 else ''} ({lines_of(missing)}): "
            "fill them or remove those rows (the server scores complete rows only)"
        )
    present = [v for v in values if not is_missing(v)]
    numbers = [v for v in present if is_number(v)]
    if numbers and len(numbers) < len(present) and len(numbers) >= len(present) / 2:
        bad = [i for i, v in enumerate(values) if not is_missing(v) and not is_number(v)]
        examples = ", ".join(f"`{values[i]}`" for i in bad[:3])
        problems.append(
            f"{role} `{name}` mixes numbers and text: {lines_of(bad)} ({examples}) are not numbers; "
            "correct them, or write the whole column as text categories"
        )
    return problems


def infer(
    table: Table,
    target: str,
    task_arg: str | None,
    metric_arg: str | None,
    time_column: str | None,
    drop: list[str],
    positive_arg: str | None,
) -> Plan:
    """Checks every column and decides the task, metric and feature types, saying why."""
    problems: list[str] = []
    if target not in table.header:
        raise CsvProblems(
            [f"{table.path}: has no column `{target}` for --target; its columns are: {', '.join(table.header)}"]
        )
    for name in drop:
        if name not in table.header:
            problems.append(f"--drop {name}: there is no such column; the columns are: {', '.join(table.header)}")
    if time_column is not None and time_column not in table.header:
        problems.append(
            f"--split time:{time_column}: there is no such column; the columns are: {', '.join(table.header)}"
        )
    n = len(table.rows)
    if n < MIN_ROWS:
        problems.append(
            f"{table.path}: has {n} data rows; a quest needs at least {MIN_ROWS} (the hidden test split takes a share of them)"
        )

    target_problems = column_problems(table, target, "the target")
    problems += target_problems
    values = table.column(target)
    numeric_target = all(is_number(v) for v in values if not is_missing(v))
    distinct = sorted({v.strip() for v in values if not is_missing(v)})
    said: list[str] = []

    if task_arg:
        task = TASKS[task_arg]
        said.append(f"task: {task_arg} (from --task)")
    elif not numeric_target:
        task = TASKS["binary"] if len(distinct) == 2 else TASKS["multiclass"]
        said.append(
            f"task: {'binary' if len(distinct) == 2 else 'multiclass'} classification, inferred: the target `{target}` holds "
            f"{len(distinct)} text values (pass --task to change)"
        )
    elif all(float(v) == int(float(v)) for v in distinct) and len(distinct) <= 10:
        task = TASKS["binary"] if len(distinct) == 2 else TASKS["multiclass"]
        said.append(
            f"task: {'binary' if len(distinct) == 2 else 'multiclass'} classification, inferred: the target `{target}` holds "
            f"{len(distinct)} whole numbers (pass --task regression if they are amounts)"
        )
    else:
        task = TASKS["regression"]
        said.append(
            f"task: regression, inferred: the target `{target}` holds {len(distinct)} different numbers (pass --task to change)"
        )

    classes = None
    positive = None
    if task.endswith("classification") and not target_problems:
        if {d.lower() for d in distinct} <= {"true", "false"}:
            problems.append(
                f"the target `{target}` holds True/False, which pandas reads as booleans: write it as 1/0 or as words such as yes/no"
            )
        if numeric_target and any(float(v) != int(float(v)) for v in distinct):
            problems.append(
                f"the target `{target}` holds fractional numbers such as `{distinct[0]}`: classification needs class labels; use --task regression"
            )
        elif len(distinct) < 2:
            problems.append(
                f"the target `{target}` has only one value (`{distinct[0] if distinct else ''}`): a classifier needs at least two classes"
            )
        elif len(distinct) > MAX_CLASSES:
            problems.append(
                f"the target `{target}` has {len(distinct)} classes; at most {MAX_CLASSES} make a quest (is it a regression? pass --task regression)"
            )
        else:
            labels = [v.strip() for v in values]
            classes = sorted({int(float(v)) for v in distinct}) if numeric_target else distinct
            counts = {c: sum(1 for v in labels if (int(float(v)) if numeric_target else v) == c) for c in classes}
            for c, k in counts.items():
                if k < MIN_PER_CLASS:
                    problems.append(
                        f"class `{c}` of the target `{target}` has {k} row{'s' if k != 1 else ''}; every class needs at least "
                        f"{MIN_PER_CLASS} so that both splits hold it: collect more rows or merge rare classes"
                    )
            if task == TASKS["binary"]:
                if len(classes) != 2:
                    problems.append(
                        f"--task binary: the target `{target}` has {len(classes)} classes, not 2; use --task multiclass"
                    )
                elif positive_arg is not None:
                    positive = next((c for c in classes if str(c) == positive_arg), None)
                    if positive is None:
                        problems.append(
                            f"--positive-class {positive_arg}: not a class of `{target}` ({', '.join(map(str, classes))})"
                        )
                else:
                    positive = min(classes, key=lambda c: (counts[c], str(c)))
    elif task == TASKS["regression"] and not numeric_target:
        problems.append(
            f"--task regression needs a numeric target; `{target}` holds text such as `{next(v for v in values if not is_number(v))}`"
        )

    features = []
    for name in table.header:
        if name in (target, time_column) or name in drop:
            continue
        col_problems = column_problems(table, name, "column")
        problems += col_problems
        column = table.column(name)
        present = [v.strip() for v in column if not is_missing(v)]
        unique = set(present)
        if len(unique) <= 1 and not col_problems:
            problems.append(
                f"column `{name}` has the same value (`{present[0] if present else ''}`) in every row: it cannot help a model; remove it or pass --drop {name}"
            )
            continue
        numeric = bool(present) and all(is_number(v) for v in present)
        integer = numeric and all(float(v) == int(float(v)) for v in present)
        if (
            len(unique) == len(column)
            and n >= MIN_ROWS
            and (
                not numeric
                or (integer and (ID_NAME.search(name) or max(map(float, present)) - min(map(float, present)) + 1 == n))
            )
        ):
            problems.append(
                f"column `{name}` looks like an identifier (every row has its own value): a model would only memorise it; "
                f"remove it or pass --drop {name}"
            )
            continue
        if not col_problems:
            features.append({"name": name, "type": "int" if integer else "float" if numeric else "string"})
    if not features and not problems:
        problems.append(f"{table.path}: no feature columns are left besides the target `{target}`")

    if task == TASKS["clustering"] and any(f["type"] == "string" for f in features):
        problems.append(
            "--task clustering: the features must all be numbers; remove the text columns or pass --drop for each"
        )

    average = None
    if metric_arg:
        metric = metric_arg
        if metric not in METRICS[task]:
            problems.append(
                f"--metric {metric} does not fit a {task.replace('_', ' ')} quest; use one of {', '.join(METRICS[task])}"
            )
        said.append(f"metric: {metric} (from --metric)")
    elif task == TASKS["regression"]:
        metric = "r2"
        said.append(
            "metric: r2 (R², the default for regression; pass --metric mae, rmse or mse for an error in the target's units)"
        )
    elif task == TASKS["clustering"]:
        metric = "adjusted_rand_score"
        said.append("metric: adjusted_rand_score (clusters against the target's groups)")
    elif classes and task == TASKS["binary"] and positive is not None:
        share = sum(1 for v in values if v.strip() == str(positive)) / n
        metric = "f1" if share < 0.35 else "accuracy"
        said.append(
            f"metric: {metric}, inferred: the rarer class `{positive}` is {share:.0%} of the rows"
            + (" (accuracy would flatter a model that ignores it)" if metric == "f1" else "")
            + " (pass --metric to change)"
        )
    elif classes:
        counts = [sum(1 for v in values if v.strip() == str(c)) for c in classes]
        metric = "f1" if min(counts) < 0.5 * max(counts) else "accuracy"
        said.append(
            f"metric: {'F1 macro-averaged' if metric == 'f1' else 'accuracy'}, inferred: the classes are "
            f"{'uneven' if metric == 'f1' else 'about even'} ({min(counts)} to {max(counts)} rows) (pass --metric to change)"
        )
    else:
        metric = METRICS[task][0]
    if metric in ("precision", "recall", "f1") or (metric == "roc_auc" and task == TASKS["multiclass"]):
        average = "binary" if task == TASKS["binary"] else "macro"
    if task == TASKS["binary"] and positive is not None and metric in ("precision", "recall", "f1", "roc_auc"):
        said.append(
            f"positive class: `{positive}` ({'from --positive-class' if positive_arg else 'the rarer one; pass --positive-class to change'})"
        )
    if problems:
        raise CsvProblems(problems)
    return Plan(
        task=task,
        metric=metric,
        average=average,
        classes=classes,
        positive_class=positive,
        features=features,
        said=said,
    )


def split(
    table: Table, plan: Plan, target: str, how: str, test_size: float, seed: int
) -> tuple[list[int], list[int], str]:
    """Row indexes of the train and test splits and a sentence saying how they were made."""
    import numpy as np
    from sklearn.model_selection import train_test_split

    n = len(table.rows)
    index = np.arange(n)
    if how.startswith("time:"):
        column = how[5:]
        times = parse_times(table, column)
        order = sorted(range(n), key=lambda i: times[i])
        boundary = times[order[int(round(n * (1 - test_size)))]]
        train = [i for i in order if times[i] < boundary]
        test = [i for i in order if times[i] >= boundary]
        words = (
            f"a forward split on `{column}`: the {len(train)} earliest rows train, the {len(test)} rows from "
            f"`{table.column(column)[test[0]].strip()}` on are hidden (`{column}` itself is not a feature)"
        )
        problems = []
        if len(train) < MIN_ROWS * (1 - test_size) or len(test) < 5:
            problems.append(
                f"--split {how}: too many rows share the last times; the forward split leaves {len(train)} train and {len(test)} test rows"
            )
        if plan.classes:
            missing = [
                c
                for c in plan.classes
                if not any(str(c) == table.rows[i][table.header.index(target)].strip() for i in train)
            ]
            if missing:
                problems.append(
                    f"--split {how}: class{'es' if len(missing) > 1 else ''} {', '.join(f'`{c}`' for c in missing)} "
                    "occur only in the hidden (latest) rows: a model could never learn them; use --split stratified"
                )
        if problems:
            raise CsvProblems(problems)
        return train, test, words
    stratify = None
    if how == "stratified":
        if not plan.classes:
            raise CsvProblems(
                [
                    f"--split stratified needs a classification target; `{target}` is a {plan.task.replace('_', ' ')} target: use --split random"
                ]
            )
        stratify = [v.strip() for v in table.column(target)]
    train, test = train_test_split(index, test_size=test_size, random_state=seed, stratify=stratify)
    kind = "a split stratified by the target" if stratify else "a random split"
    return (
        sorted(int(i) for i in train),
        sorted(int(i) for i in test),
        f"{kind}, {len(test)} of {n} rows hidden ({test_size:.0%})",
    )


def parse_times(table: Table, column: str) -> list:
    import pandas as pd

    values = table.column(column)
    if all(is_number(v) for v in values):
        return [float(v) for v in values]
    parsed = pd.to_datetime(pd.Series(values), errors="coerce", format="mixed")
    bad = [i for i, t in enumerate(parsed) if pd.isna(t)]
    if bad:
        raise CsvProblems(
            [
                f"--split time:{column}: {lines_of(bad)} hold no date or number (`{values[bad[0]]}`): fix them or split another way"
            ]
        )
    return list(parsed)
