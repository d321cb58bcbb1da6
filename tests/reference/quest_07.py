"""Reference solution of quest 7: Delivery Time Estimator.

Gradient boosting with the absolute-error loss learns the rush hours from the raw hour.
Loads the train split from the ML Quest server exactly as the starter notebook does and leaves
the fitted model in `model` (run as a script, in a kernel, or by tests/reference/run_reference.py).
"""

import os

import pandas as pd

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = 7

df = pd.read_csv(f"{SERVER}/quests/{QUEST_ID}/dataset")
FEATURES = ["distance_km", "items", "hour", "is_weekend", "raining"]
TARGET = "delivery_minutes"
X = df[FEATURES]
y = df[TARGET]

from sklearn.ensemble import GradientBoostingRegressor

model = GradientBoostingRegressor(loss="absolute_error", n_estimators=300, random_state=0)
model.fit(X, y)
