"""Reference solution of quest 16: Wine Cultivars.

Scaling the thirteen measurements lets a logistic regression use all of them.
Loads the train split from the ML Quest server exactly as the starter notebook does and leaves
the fitted model in `model` (run as a script, in a kernel, or by tests/reference/run_reference.py).
"""

import os

import pandas as pd

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = 16

df = pd.read_csv(f"{SERVER}/quests/{QUEST_ID}/dataset")
FEATURES = [
    "alcohol",
    "malic_acid",
    "ash",
    "alcalinity_of_ash",
    "magnesium",
    "total_phenols",
    "flavanoids",
    "nonflavanoid_phenols",
    "proanthocyanins",
    "color_intensity",
    "hue",
    "od280_od315_of_diluted_wines",
    "proline",
]
TARGET = "cultivar"
X = df[FEATURES]
y = df[TARGET]

from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
model.fit(X, y)
