#!/usr/bin/env python3
"""Generate the ML Quest default datasets, deterministically.

Every dataset gets a folder below datasets/ with
  train.csv  the public split (served to learners),
  test.csv   the hidden split (scored on the server, never served),
  card.md    the data card (columns, target, size, how it was made, licence).

Running the generator twice gives byte-identical files: every random draw comes from a
numpy Generator with a fixed seed, and every number is written with a fixed format.

Usage:
  python datasets/generate.py            # (re)write the datasets next to this file
  python datasets/generate.py --out DIR  # write them into DIR instead
  python datasets/generate.py --check    # regenerate into a temp dir and compare; exit 1 on a difference
"""

from __future__ import annotations

import argparse
import filecmp
import os
import sys
import tempfile
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
TRAIN_FRACTION = 0.8


@dataclass
class Column:
    name: str
    kind: str  # "float" | "int" | "string"
    description: str
    decimals: int = 3


@dataclass
class Dataset:
    dir: str
    title: str
    task: str
    target: Column
    features: list[Column]
    values: dict[str, Sequence]  # column name -> values (features and target)
    how_made: str
    licence: str = "CC0 1.0 (synthetic data made by datasets/generate.py)."
    split_seed: int = 0
    test_index: np.ndarray | None = None  # explicit hidden rows (overrides the random split)
    notes: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.values[self.target.name])


# ------------------------------------------------------------------ formatting and writing


def format_value(value, column: Column) -> str:
    if column.kind == "float":
        text = f"{float(value):.{column.decimals}f}"
        return "0." + "0" * column.decimals if text.startswith("-0.") and float(text) == 0 else text
    if column.kind == "int":
        return str(int(value))
    text = str(value)
    if any(ch in text for ch in ',"\n'):
        raise ValueError(f"string value {text!r} in {column.name} needs quoting; keep values plain")
    return text


def split_indices(ds: Dataset) -> tuple[np.ndarray, np.ndarray]:
    if ds.test_index is not None:
        test = np.sort(ds.test_index)
        train = np.setdiff1d(np.arange(ds.rows), test)
        return train, test
    order = np.random.default_rng(ds.split_seed).permutation(ds.rows)
    cut = int(round(ds.rows * TRAIN_FRACTION))
    return np.sort(order[:cut]), np.sort(order[cut:])


def write_csv(path: str, ds: Dataset, rows: np.ndarray) -> None:
    columns = ds.features + [ds.target]
    lines = [",".join(c.name for c in columns)]
    for i in rows:
        lines.append(",".join(format_value(ds.values[c.name][i], c) for c in columns))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def class_counts(values: Sequence, rows: np.ndarray) -> str:
    labels, counts = np.unique(np.asarray(values, dtype=object)[rows].astype(str), return_counts=True)
    return ", ".join(f"`{label}`: {c}" for label, c in zip(labels, counts))


def write_card(path: str, ds: Dataset, train: np.ndarray, test: np.ndarray) -> None:
    out = [
        f"# {ds.title}",
        "",
        f"Task: **{ds.task.replace('_', ' ')}**. Target column: `{ds.target.name}` ({ds.target.kind}): {ds.target.description}",
        "",
    ]
    out += [
        f"Size: {ds.rows} rows; `train.csv` (public) has {len(train)} rows, `test.csv` (hidden, used for scoring) has {len(test)} rows.",
        "",
    ]
    if ds.task != "regression":
        out += [f"Target distribution in train: {class_counts(ds.values[ds.target.name], train)}.", ""]
    out += ["## Columns", "", "| column | type | description |", "| --- | --- | --- |"]
    for c in ds.features:
        out.append(f"| `{c.name}` | {c.kind} | {c.description} |")
    out.append(f"| `{ds.target.name}` (target) | {ds.target.kind} | {ds.target.description} |")
    out += ["", "## How it was made", "", ds.how_made.strip(), ""]
    for note in ds.notes:
        out += [note.strip(), ""]
    out += ["## Licence", "", ds.licence, ""]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))


def write_dataset(root: str, ds: Dataset) -> list[str]:
    folder = os.path.join(root, ds.dir)
    os.makedirs(folder, exist_ok=True)
    train, test = split_indices(ds)
    paths = [os.path.join(folder, n) for n in ("train.csv", "test.csv", "card.md")]
    write_csv(paths[0], ds, train)
    write_csv(paths[1], ds, test)
    write_card(paths[2], ds, train, test)
    return paths


# ------------------------------------------------------------------ the datasets


def housing() -> Dataset:
    rng = np.random.default_rng(101)
    n = 1000
    area = rng.uniform(35, 240, n)
    bedrooms = np.clip(np.round(area / 40 + rng.normal(0, 0.7, n)), 1, 6)
    bathrooms = np.clip(np.round(bedrooms / 2 + rng.normal(0, 0.5, n)), 1, 4)
    age = rng.integers(0, 81, n)
    distance = rng.gamma(2.2, 4.0, n) + 0.3
    garden = (rng.uniform(0, 1, n) < 0.35 + area / 800).astype(int)
    price = (
        40_000
        + 2_600 * area
        + 9_000 * bedrooms
        + 14_000 * bathrooms
        - 900 * age
        - 5_500 * distance
        + 22_000 * garden
        + rng.normal(0, 60_000, n)
    )
    price = np.maximum(price, 30_000)
    return Dataset(
        dir="housing",
        title="Housing prices",
        task="regression",
        target=Column("price", "float", "Sale price in euros.", 0),
        features=[
            Column("area_sqm", "float", "Living area in square metres.", 1),
            Column("bedrooms", "int", "Number of bedrooms."),
            Column("bathrooms", "int", "Number of bathrooms."),
            Column("age_years", "int", "Age of the building in years."),
            Column("distance_km", "float", "Distance to the city centre in kilometres.", 2),
            Column("has_garden", "int", "1 when the house has a garden, else 0."),
        ],
        values={
            "area_sqm": area,
            "bedrooms": bedrooms,
            "bathrooms": bathrooms,
            "age_years": age,
            "distance_km": distance,
            "has_garden": garden,
            "price": price,
        },
        how_made="""Synthetic (numpy seed 101). The price is a linear function of the features plus
Gaussian noise (sd 60,000 EUR), floored at 30,000 EUR, so a linear regression on all features
explains most of the variance.""",
        split_seed=1,
    )


def crop_yield() -> Dataset:
    rng = np.random.default_rng(202)
    n = 1500
    u = rng.uniform(0, 1, (n, 8))
    # Friedman #1 on the first five columns; the last three are irrelevant.
    y = (
        10 * np.sin(np.pi * u[:, 0] * u[:, 1])
        + 20 * (u[:, 2] - 0.5) ** 2
        + 10 * u[:, 3]
        + 5 * u[:, 4]
        + rng.normal(0, 1.0, n)
    )
    return Dataset(
        dir="crop_yield",
        title="Crop yield (nonlinear regression)",
        task="regression",
        target=Column("yield_t_ha", "float", "Harvest in tonnes per hectare.", 3),
        features=[
            Column("rainfall_mm", "float", "Rainfall in the growing season (mm).", 1),
            Column("temperature_c", "float", "Mean temperature in the growing season (C).", 2),
            Column("soil_ph", "float", "Soil pH.", 3),
            Column("fertilizer_kg_ha", "float", "Nitrogen fertilizer (kg per hectare).", 1),
            Column("sunlight_h", "float", "Mean daily sunshine hours.", 2),
            Column("wind_kmh", "float", "Mean wind speed (km/h).", 2),
            Column("elevation_m", "float", "Field elevation (m).", 1),
            Column("field_slope_deg", "float", "Field slope (degrees).", 2),
        ],
        values={
            "rainfall_mm": 200 + 600 * u[:, 0],
            "temperature_c": 10 + 20 * u[:, 1],
            "soil_ph": 4.5 + 4 * u[:, 2],
            "fertilizer_kg_ha": 250 * u[:, 3],
            "sunlight_h": 3 + 9 * u[:, 4],
            "wind_kmh": 2 + 30 * u[:, 5],
            "elevation_m": 1200 * u[:, 6],
            "field_slope_deg": 15 * u[:, 7],
            "yield_t_ha": y,
        },
        how_made="""Synthetic (numpy seed 202), after Friedman's benchmark #1: with every feature
rescaled to [0, 1] as u1..u8, yield = 10 sin(pi u1 u2) + 20 (u3 - 0.5)^2 + 10 u4 + 5 u5 + N(0, 1).
Wind, elevation and slope do not influence the yield. The interaction of rainfall and
temperature and the U-shaped effect of soil pH are beyond a linear model.""",
        split_seed=2,
    )


def churn() -> Dataset:
    rng = np.random.default_rng(303)
    n = 3000
    contract = rng.choice(["month-to-month", "one-year", "two-year"], n, p=[0.5, 0.28, 0.22])
    internet = rng.choice(["dsl", "fiber", "none"], n, p=[0.38, 0.44, 0.18])
    payment = rng.choice(
        ["electronic-check", "mailed-check", "bank-transfer", "credit-card"], n, p=[0.34, 0.22, 0.22, 0.22]
    )
    tenure = np.clip(np.round(rng.gamma(1.6, 16, n)), 1, 72)
    base = np.where(internet == "fiber", 80.0, np.where(internet == "dsl", 55.0, 25.0))
    monthly = base + rng.normal(0, 9, n)
    support_calls = rng.poisson(np.where(internet == "fiber", 1.8, 1.0))
    senior = (rng.uniform(0, 1, n) < 0.16).astype(int)
    logit = (
        -6.0
        + 4.6 * (contract == "month-to-month")
        + 1.2 * (contract == "one-year")
        + 2.4 * (internet == "fiber")
        - 1.6 * (internet == "none")
        + 2.2 * (payment == "electronic-check")
        - 0.09 * tenure
        + 0.03 * (monthly - 60)
        + 0.5 * support_calls
        + 0.6 * senior
    )
    churned = (rng.uniform(0, 1, n) < 1 / (1 + np.exp(-logit))).astype(int)
    return Dataset(
        dir="churn",
        title="Customer churn (imbalanced, categorical)",
        task="binary_classification",
        target=Column("churned", "int", "1 when the customer left within the next quarter, else 0."),
        features=[
            Column("tenure_months", "int", "Months as a customer."),
            Column("monthly_charges", "float", "Monthly bill in euros.", 2),
            Column("support_calls", "int", "Calls to support in the last quarter."),
            Column("senior", "int", "1 for customers aged 65 or more."),
            Column("contract", "string", "`month-to-month`, `one-year` or `two-year`."),
            Column("internet_service", "string", "`dsl`, `fiber` or `none`."),
            Column("payment_method", "string", "`electronic-check`, `mailed-check`, `bank-transfer` or `credit-card`."),
        ],
        values={
            "tenure_months": tenure,
            "monthly_charges": monthly,
            "support_calls": support_calls,
            "senior": senior,
            "contract": contract,
            "internet_service": internet,
            "payment_method": payment,
            "churned": churned,
        },
        how_made="""Synthetic (numpy seed 303), modelled on telecom churn data. The churn probability
is a logistic function of the contract type, internet service and payment method (string
columns: encode them, e.g. with a OneHotEncoder inside a Pipeline) and of tenure, charges, support
calls and age group. About a quarter of the customers churn, so always predicting "stays" is
already about 75% accurate: look at precision, recall and F1 as well.""",
        split_seed=3,
    )


def iris() -> Dataset:
    from sklearn.datasets import load_iris

    data = load_iris()
    names = ["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"]
    species = np.asarray(data.target_names)[data.target]
    values: dict[str, Sequence] = {name: data.data[:, i] for i, name in enumerate(names)}
    values["species"] = species
    # The classic hold-out: 45 rows (30%) chosen with numpy seed 42, stratified by species.
    rng = np.random.default_rng(42)
    test_index = np.concatenate([rng.choice(np.flatnonzero(data.target == k), 15, replace=False) for k in range(3)])
    return Dataset(
        dir="iris",
        title="Iris flowers (the real data set)",
        task="multiclass_classification",
        target=Column("species", "string", "`setosa`, `versicolor` or `virginica`."),
        features=[
            Column(name, "float", f"{name.replace('_cm', '').replace('_', ' ').capitalize()} in centimetres.", 1)
            for name in names
        ],
        values=values,
        how_made="""The real iris data set (Fisher 1936; Anderson 1935): 150 flowers, 50 of each species,
as shipped by scikit-learn (`sklearn.datasets.load_iris`). The hidden split holds 15 flowers of
each species, drawn with numpy seed 42.""",
        licence="Public domain (R. A. Fisher, 1936); distributed with scikit-learn under BSD-3-Clause.",
        test_index=test_index,
    )


def delivery() -> Dataset:
    rng = np.random.default_rng(404)
    n = 2000
    distance = rng.gamma(2.0, 2.2, n) + 0.2
    items = rng.integers(1, 13, n)
    hour = rng.integers(10, 23, n)
    weekend = (rng.uniform(0, 1, n) < 2 / 7).astype(int)
    rain = (rng.uniform(0, 1, n) < 0.2).astype(int)
    rush = ((hour >= 12) & (hour <= 13)) | ((hour >= 18) & (hour <= 20))
    minutes = (
        8
        + 3.0 * distance * np.where(rush, 1.8, 1.0) * np.where(rain == 1, 1.3, 1.0)
        + 1.1 * items
        + 7 * rush * (1 - weekend)
        + 4 * weekend
        + rng.laplace(0, 2.0, n)
    )
    minutes = np.maximum(minutes, 5)
    return Dataset(
        dir="delivery",
        title="Food delivery times",
        task="regression",
        target=Column("delivery_minutes", "float", "Minutes from order to door.", 1),
        features=[
            Column("distance_km", "float", "Distance from the restaurant (km).", 2),
            Column("items", "int", "Number of items in the order."),
            Column("hour", "int", "Hour of the order (10-22)."),
            Column("is_weekend", "int", "1 on Saturdays and Sundays."),
            Column("raining", "int", "1 when it rained."),
        ],
        values={
            "distance_km": distance,
            "items": items,
            "hour": hour,
            "is_weekend": weekend,
            "raining": rain,
            "delivery_minutes": minutes,
        },
        how_made="""Synthetic (numpy seed 404). Travel time grows with distance, and grows faster during
the lunch (12-13 h) and dinner (18-20 h) rush and in the rain; larger orders take longer to
prepare. The noise is Laplace-distributed (scale 2 minutes), so the mean absolute error is the
natural metric. The rush-hour effect is not a straight line in `hour`.""",
        split_seed=4,
    )


def rings() -> Dataset:
    rng = np.random.default_rng(505)
    n = 1600
    label = rng.integers(0, 2, n)
    radius = np.where(label == 1, rng.normal(1.0, 0.22, n), rng.normal(2.0, 0.32, n))
    angle = rng.uniform(0, 2 * np.pi, n)
    x = radius * np.cos(angle) + 0.3
    y = radius * np.sin(angle) - 0.2
    return Dataset(
        dir="rings",
        title="Concentric rings (not linearly separable)",
        task="binary_classification",
        target=Column("inner", "int", "1 for points of the inner ring, 0 for the outer ring."),
        features=[
            Column("x", "float", "Horizontal position.", 4),
            Column("y", "float", "Vertical position.", 4),
            Column("sensor_a", "float", "An unrelated measurement (noise).", 4),
            Column("sensor_b", "float", "An unrelated measurement (noise).", 4),
        ],
        values={"x": x, "y": y, "sensor_a": rng.normal(0, 1, n), "sensor_b": rng.normal(0, 1, n), "inner": label},
        how_made="""Synthetic (numpy seed 505): two noisy concentric rings around (0.3, -0.2), inner
radius about 1.0, outer about 2.0. No straight line separates them, so a linear classifier stays
near chance; a small neural network (or a tree ensemble) separates them well.""",
        split_seed=5,
    )


def machine_faults() -> Dataset:
    rng = np.random.default_rng(606)
    n = 2400
    vib = rng.uniform(0, 10, n)
    temp = rng.uniform(40, 110, n)
    pressure = rng.uniform(1, 6, n)
    rpm = rng.uniform(800, 3200, n)
    voltage = rng.normal(230, 6, n)
    humidity = rng.uniform(20, 90, n)
    fault = np.full(n, "normal", dtype=object)
    bearing = (vib > 6.0) & (rpm > 1800)
    overheat = (temp > 85) & (pressure < 3.5)
    electrical = np.abs(voltage - 230) > 8.5
    fault[electrical] = "electrical"
    fault[overheat] = "overheating"
    fault[bearing] = "bearing"
    flip = rng.uniform(0, 1, n) < 0.03
    fault[flip] = rng.choice(["normal", "bearing", "overheating", "electrical"], int(flip.sum()))
    return Dataset(
        dir="machine_faults",
        title="Machine fault diagnosis",
        task="multiclass_classification",
        target=Column("fault", "string", "`normal`, `bearing`, `overheating` or `electrical`."),
        features=[
            Column("vibration_mm_s", "float", "Vibration velocity (mm/s).", 3),
            Column("temperature_c", "float", "Housing temperature (C).", 2),
            Column("pressure_bar", "float", "Coolant pressure (bar).", 3),
            Column("rpm", "float", "Shaft speed (revolutions per minute).", 1),
            Column("voltage_v", "float", "Supply voltage (V).", 2),
            Column("humidity_pct", "float", "Ambient humidity (%).", 1),
        ],
        values={
            "vibration_mm_s": vib,
            "temperature_c": temp,
            "pressure_bar": pressure,
            "rpm": rpm,
            "voltage_v": voltage,
            "humidity_pct": humidity,
            "fault": fault,
        },
        how_made="""Synthetic (numpy seed 606). Faults follow threshold rules on combinations of
sensors: a bearing fault needs high vibration at high speed, overheating needs high temperature
with low coolant pressure, an electrical fault shows as a supply voltage far from 230 V in either
direction. 3% of the labels are then replaced at random. Interactions and two-sided thresholds
favour trees and tree ensembles over linear models.""",
        split_seed=6,
    )


def loan_default() -> Dataset:
    rng = np.random.default_rng(707)
    n = 3000
    income = rng.lognormal(10.6, 0.45, n)
    debt_ratio = rng.beta(2, 5, n)
    history = rng.gamma(3, 3, n)
    late = rng.poisson(0.7, n)
    amount = rng.lognormal(9.3, 0.6, n)
    accounts = rng.integers(1, 15, n)
    logit = (
        -2.2
        + 8.0 * (debt_ratio - 0.3)
        - 0.16 * history
        + 1.2 * late
        + 2.0 * (amount / income)
        - 1.0 * (income / 40_000 - 1)
        + 2.5 * (debt_ratio > 0.5) * (late > 1)
    )
    default = (rng.uniform(0, 1, n) < 1 / (1 + np.exp(-logit))).astype(int)
    return Dataset(
        dir="loan_default",
        title="Loan defaults (probabilities)",
        task="binary_classification",
        target=Column("defaulted", "int", "1 when the borrower defaulted within two years, else 0."),
        features=[
            Column("annual_income", "float", "Annual income in euros.", 0),
            Column("debt_ratio", "float", "Monthly debt payments divided by monthly income.", 4),
            Column("credit_history_years", "float", "Length of the credit history in years.", 2),
            Column("late_payments", "int", "Late payments in the last two years."),
            Column("loan_amount", "float", "Requested amount in euros.", 0),
            Column("open_accounts", "int", "Number of open credit accounts."),
        ],
        values={
            "annual_income": income,
            "debt_ratio": debt_ratio,
            "credit_history_years": history,
            "late_payments": late,
            "loan_amount": amount,
            "open_accounts": accounts,
            "defaulted": default,
        },
        how_made="""Synthetic (numpy seed 707). Each borrower defaults with a probability given by a
logistic function of debt ratio, credit history, late payments and loan size relative to income,
plus a jump for borrowers who are both highly indebted and often late. Outcomes are random draws
from those probabilities, so no model can be certain: the quests on this data score predicted
probabilities (ROC AUC, log loss), not hard labels.""",
        split_seed=7,
    )


def segments() -> Dataset:
    rng = np.random.default_rng(808)
    centres = np.array(
        [
            [1500.0, 2.0, 25.0],
            [1900.0, 3.0, 60.0],
            [1500.0, 9.0, 20.0],
            [1900.0, 8.0, 70.0],
        ]
    )
    spread = np.array([450.0, 0.8, 6.0])
    per = 300
    cluster = np.repeat(np.arange(4), per)
    points = centres[cluster] + rng.normal(0, 1, (4 * per, 3)) * spread
    order = rng.permutation(4 * per)
    points, cluster = points[order], cluster[order]
    return Dataset(
        dir="segments",
        title="Customer segments (clustering)",
        task="clustering",
        target=Column(
            "segment",
            "int",
            "The true segment (0-3). Not a feature: it is only used to score a clustering with the adjusted Rand index.",
        ),
        features=[
            Column("annual_spend", "float", "Spending in the last year (euros).", 1),
            Column("visits_per_month", "float", "Mean store visits per month.", 2),
            Column("avg_basket", "float", "Mean basket value (euros).", 2),
        ],
        values={
            "annual_spend": points[:, 0],
            "visits_per_month": points[:, 1],
            "avg_basket": points[:, 2],
            "segment": cluster,
        },
        how_made="""Synthetic (numpy seed 808): four Gaussian segments of 300 customers each. The
segments differ mostly in visits and basket value; annual spend varies a lot within every
segment. The features have very different scales (spend in thousands, visits in units), so a
distance-based clustering on the raw columns is dominated by spend: scale the features first.""",
        notes=[
            "The `segment` column is in both splits so that a clustering can be scored; a learner's model must not use it."
        ],
        split_seed=8,
    )


# ------------------------------------------------------------------ real data shipped with scikit-learn (no download)


def stratified_test_index(labels: np.ndarray, fraction: float, seed: int) -> np.ndarray:
    """The same share of every class in the hidden split, drawn with a fixed numpy seed."""
    rng = np.random.default_rng(seed)
    picks = [
        rng.choice(np.flatnonzero(labels == k), int(round(np.sum(labels == k) * fraction)), replace=False)
        for k in np.unique(labels)
    ]
    return np.concatenate(picks)


def exact_decimals(values: np.ndarray, most: int = 6) -> int:
    """The fewest decimals that write every value of a column exactly as scikit-learn ships it."""
    for d in range(most + 1):
        if np.allclose(np.round(values, d), values, rtol=0, atol=1e-9):
            return d
    return most


SKLEARN_LICENCE = (
    "BSD-3-Clause, as distributed with scikit-learn (`sklearn.datasets`); see the source above for the original terms."
)


def digits() -> Dataset:
    from sklearn.datasets import load_digits

    data = load_digits()
    names = [f"px_{r}_{c}" for r in range(8) for c in range(8)]
    values: dict[str, Sequence] = {name: data.data[:, i].astype(int) for i, name in enumerate(names)}
    values["digit"] = data.target.astype(int)
    return Dataset(
        dir="digits",
        title="Handwritten digits (the real 8×8 images, via scikit-learn)",
        task="multiclass_classification",
        target=Column("digit", "int", "the digit drawn, `0` to `9`."),
        features=[
            Column(name, "int", f"Ink in row {name[3]}, column {name[5]} of the 8×8 image, 0 (white) to 16 (black).")
            for name in names
        ],
        values=values,
        how_made="""The real optical-recognition data set of handwritten digits (UCI ML repository; E. Alpaydin and
C. Kaynak, 1998), as shipped by scikit-learn (`sklearn.datasets.load_digits`): 1,797 images written
by 43 people, each 32×32 bitmap reduced to 8×8 blocks counting the ink pixels (0-16). The columns
`px_R_C` are the 64 cells row by row. The hidden split holds a quarter of the images of each digit,
drawn with numpy seed 7.""",
        licence="CC BY 4.0 (UCI Machine Learning Repository, Optical Recognition of Handwritten Digits); "
        + SKLEARN_LICENCE,
        test_index=stratified_test_index(data.target, 0.25, 7),
    )


def breast_cancer() -> Dataset:
    from sklearn.datasets import load_breast_cancer

    data = load_breast_cancer()
    names = [n.replace(" ", "_") for n in data.feature_names]
    values: dict[str, Sequence] = {name: data.data[:, i] for i, name in enumerate(names)}
    values["diagnosis"] = np.asarray(data.target_names)[data.target]
    return Dataset(
        dir="breast_cancer",
        title="Breast cancer diagnosis (Wisconsin, the real data set, via scikit-learn)",
        task="binary_classification",
        target=Column("diagnosis", "string", "`malignant` or `benign`."),
        features=[
            Column(
                name,
                "float",
                f"The {name.replace('_', ' ')} of the cell nuclei in the image.",
                exact_decimals(data.data[:, i]),
            )
            for i, name in enumerate(names)
        ],
        values=values,
        how_made="""The real Breast Cancer Wisconsin (Diagnostic) data set (W. N. Street, W. H. Wolberg and
O. L. Mangasarian, 1993; UCI ML repository), as shipped by scikit-learn
(`sklearn.datasets.load_breast_cancer`): 569 fine-needle aspirates of breast masses, 212 malignant
and 357 benign, each described by the mean, standard error and worst value of ten measurements
of the cell nuclei in a digitised image. The hidden split holds a quarter of each diagnosis,
drawn with numpy seed 11.""",
        licence="CC BY 4.0 (UCI Machine Learning Repository, Breast Cancer Wisconsin (Diagnostic)); " + SKLEARN_LICENCE,
        test_index=stratified_test_index(data.target, 0.25, 11),
    )


def wine() -> Dataset:
    from sklearn.datasets import load_wine

    data = load_wine()
    names = [n.replace("/", "_") for n in data.feature_names]
    values: dict[str, Sequence] = {name: data.data[:, i] for i, name in enumerate(names)}
    values["cultivar"] = np.asarray(data.target_names)[data.target]
    return Dataset(
        dir="wine",
        title="Wine cultivars (the real data set, via scikit-learn)",
        task="multiclass_classification",
        target=Column("cultivar", "string", "`class_0`, `class_1` or `class_2`: the grape cultivar."),
        features=[
            Column(name, "float", f"Chemical analysis: {name.replace('_', ' ')}.", exact_decimals(data.data[:, i]))
            for i, name in enumerate(names)
        ],
        values=values,
        how_made="""The real wine recognition data set (M. Forina et al., PARVUS, 1988; UCI ML repository), as
shipped by scikit-learn (`sklearn.datasets.load_wine`): 178 wines grown in one region of Italy
from three cultivars, with 13 results of a chemical analysis. The columns differ in scale by a
factor of a thousand (`proline` against `hue`). The hidden split holds 30% of each cultivar,
drawn with numpy seed 5.""",
        licence="CC BY 4.0 (UCI Machine Learning Repository, Wine); " + SKLEARN_LICENCE,
        test_index=stratified_test_index(data.target, 0.3, 5),
    )


def diabetes() -> Dataset:
    from sklearn.datasets import load_diabetes

    data = load_diabetes(scaled=False)
    columns = [
        ("age", "int", "Age in years."),
        ("sex", "int", "Sex, coded 1 or 2 as in the original data."),
        ("bmi", "float", "Body-mass index."),
        ("blood_pressure", "float", "Average blood pressure."),
        ("total_cholesterol", "int", "Total serum cholesterol (s1, tc)."),
        ("ldl", "float", "Low-density lipoproteins (s2)."),
        ("hdl", "float", "High-density lipoproteins (s3)."),
        ("cholesterol_hdl_ratio", "float", "Total cholesterol / HDL (s4)."),
        ("log_triglycerides", "float", "Logarithm of the serum triglycerides level (s5, ltg)."),
        ("blood_sugar", "int", "Blood sugar level (s6, glu)."),
    ]
    values: dict[str, Sequence] = {name: data.data[:, i] for i, (name, _, _) in enumerate(columns)}
    values["progression"] = data.target.astype(int)
    return Dataset(
        dir="diabetes",
        title="Diabetes progression (the real data set, via scikit-learn)",
        task="regression",
        target=Column(
            "progression", "int", "a quantitative measure of disease progression one year after the baseline."
        ),
        features=[
            Column(name, kind, text, exact_decimals(data.data[:, i])) for i, (name, kind, text) in enumerate(columns)
        ],
        values=values,
        how_made="""The real diabetes data set (B. Efron, T. Hastie, I. Johnstone and R. Tibshirani, "Least Angle
Regression", Annals of Statistics, 2004), as shipped by scikit-learn
(`sklearn.datasets.load_diabetes(scaled=False)`, the original units): 442 patients, ten baseline
measurements, and the disease progression a year later. The hidden split holds 20% of the
patients, drawn with numpy seed 3.""",
        licence="Distributed with scikit-learn under BSD-3-Clause; original data from the authors' LARS paper (publicly released for research).",
        split_seed=3,
    )


DATASETS: list[Callable[[], Dataset]] = [
    housing,
    crop_yield,
    churn,
    iris,
    delivery,
    rings,
    machine_faults,
    loan_default,
    segments,
    digits,
    breast_cancer,
    wine,
    diabetes,
]


def generate(root: str) -> list[str]:
    written: list[str] = []
    for make in DATASETS:
        written += write_dataset(root, make())
    return written


def check() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = generate(tmp)
        differ = []
        for path in fresh:
            rel = os.path.relpath(path, tmp)
            committed = os.path.join(HERE, rel)
            if not os.path.exists(committed) or not filecmp.cmp(path, committed, shallow=False):
                differ.append(rel)
    if differ:
        print(
            "generate.py --check: these files differ from a fresh run (run `python datasets/generate.py` and commit):"
        )
        for rel in differ:
            print("  datasets/" + rel)
        return 1
    print(f"generate.py --check: all {len(fresh)} files are identical to a fresh run.")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--check", action="store_true", help="regenerate into a temp dir and compare with the committed files"
    )
    parser.add_argument("--out", default=HERE, help="folder to write the datasets into (default: next to this script)")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    for path in generate(args.out):
        print("wrote", os.path.relpath(path, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
