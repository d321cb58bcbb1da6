"""Reference solution of quest 15: Tumour Triage.

A logistic regression on standardised columns weighs every measurement, not only the large ones.
Loads the train split from the ML Quest server exactly as the starter notebook does and leaves
the fitted model in `model` (run as a script, in a kernel, or by tests/reference/run_reference.py).
"""

import os

import pandas as pd

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = 15

df = pd.read_csv(f"{SERVER}/quests/{QUEST_ID}/dataset")
FEATURES = [
    "mean_radius",
    "mean_texture",
    "mean_perimeter",
    "mean_area",
    "mean_smoothness",
    "mean_compactness",
    "mean_concavity",
    "mean_concave_points",
    "mean_symmetry",
    "mean_fractal_dimension",
    "radius_error",
    "texture_error",
    "perimeter_error",
    "area_error",
    "smoothness_error",
    "compactness_error",
    "concavity_error",
    "concave_points_error",
    "symmetry_error",
    "fractal_dimension_error",
    "worst_radius",
    "worst_texture",
    "worst_perimeter",
    "worst_area",
    "worst_smoothness",
    "worst_compactness",
    "worst_concavity",
    "worst_concave_points",
    "worst_symmetry",
    "worst_fractal_dimension",
]
TARGET = "diagnosis"
X = df[FEATURES]
y = df[TARGET]

from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
model.fit(X, y)
