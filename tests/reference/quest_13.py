"""Reference solution of quest 13: Yield Forecaster Pro.

More, smaller boosting steps on subsamples.
Loads the train split from the ML Quest server exactly as the starter notebook does and leaves
the fitted model in `model` (run as a script, in a kernel, or by tests/reference/run_reference.py).
"""

import os

import pandas as pd

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = 13

df = pd.read_csv(f"{SERVER}/quests/{QUEST_ID}/dataset")
FEATURES = [
    "rainfall_mm",
    "temperature_c",
    "soil_ph",
    "fertilizer_kg_ha",
    "sunlight_h",
    "wind_kmh",
    "elevation_m",
    "field_slope_deg",
]
TARGET = "yield_t_ha"
X = df[FEATURES]
y = df[TARGET]

from sklearn.ensemble import GradientBoostingRegressor

model = GradientBoostingRegressor(n_estimators=1000, learning_rate=0.02, max_depth=3, subsample=0.8, random_state=0)
model.fit(X, y)
