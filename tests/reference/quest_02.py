"""Reference solution of quest 2: Advanced Regression.

Gradient boosting captures the curve in soil pH and the rainfall x temperature interaction.
Loads the train split from the ML Quest server exactly as the starter notebook does and leaves
the fitted model in `model` (run as a script, in a kernel, or by tests/reference/run_reference.py).
"""

import os

import pandas as pd

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = 2

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

model = GradientBoostingRegressor(n_estimators=400, max_depth=3, learning_rate=0.05, random_state=0)
model.fit(X, y)
