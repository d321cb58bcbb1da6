"""Reference solution of quest 1: Linear Regression Challenge.

A linear regression on all six features.
Loads the train split from the ML Quest server exactly as the starter notebook does and leaves
the fitted model in `model` (run as a script, in a kernel, or by tests/reference/run_reference.py).
"""

import os

import pandas as pd

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = 1

df = pd.read_csv(f"{SERVER}/quests/{QUEST_ID}/dataset")
FEATURES = ["area_sqm", "bedrooms", "bathrooms", "age_years", "distance_km", "has_garden"]
TARGET = "price"
X = df[FEATURES]
y = df[TARGET]

from sklearn.linear_model import LinearRegression

model = LinearRegression()
model.fit(X, y)
