"""Reference solution of quest 5: Advanced Classification Challenge.

A random forest learns the two-sided thresholds and the interactions.
Loads the train split from the ML Quest server exactly as the starter notebook does and leaves
the fitted model in `model` (run as a script, in a kernel, or by tests/reference/run_reference.py).
"""

import os

import pandas as pd

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = 5

df = pd.read_csv(f"{SERVER}/quests/{QUEST_ID}/dataset")
FEATURES = ["vibration_mm_s", "temperature_c", "pressure_bar", "rpm", "voltage_v", "humidity_pct"]
TARGET = "fault"
X = df[FEATURES]
y = df[TARGET]

from sklearn.ensemble import RandomForestClassifier

model = RandomForestClassifier(n_estimators=100, min_samples_leaf=2, random_state=0)
model.fit(X, y)
