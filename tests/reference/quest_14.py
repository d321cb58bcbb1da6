"""Reference solution of quest 14: Handwritten Digits.

A neural network with one hidden layer on scaled pixels combines strokes that no single straight boundary sees.
Loads the train split from the ML Quest server exactly as the starter notebook does and leaves
the fitted model in `model` (run as a script, in a kernel, or by tests/reference/run_reference.py).
"""

import os

import pandas as pd

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = 14

df = pd.read_csv(f"{SERVER}/quests/{QUEST_ID}/dataset")
FEATURES = [f"px_{r}_{c}" for r in range(8) for c in range(8)]  # the 8×8 image, row by row
TARGET = "digit"
X = df[FEATURES]
y = df[TARGET]

from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

model = make_pipeline(StandardScaler(), MLPClassifier(hidden_layer_sizes=(128,), max_iter=1000, random_state=0))
model.fit(X, y)
