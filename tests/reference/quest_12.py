"""Reference solution of quest 12: Customer Segments.

Four clusters on standardised features.
Loads the train split from the ML Quest server exactly as the starter notebook does and leaves
the fitted model in `model` (run as a script, in a kernel, or by tests/reference/run_reference.py).
"""

import os

import pandas as pd

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = 12

df = pd.read_csv(f"{SERVER}/quests/{QUEST_ID}/dataset")
FEATURES = ["annual_spend", "visits_per_month", "avg_basket"]
TARGET = "segment"
X = df[FEATURES]
y = df[TARGET]

from sklearn.cluster import KMeans
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

model = make_pipeline(StandardScaler(), KMeans(n_clusters=4, n_init=10, random_state=0))
model.fit(X)
