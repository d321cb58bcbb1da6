"""Reference solution of quest 9: Rings: Your First Neural Network.

A small neural network on scaled inputs cuts the inner ring out of the plane.
Loads the train split from the ML Quest server exactly as the starter notebook does and leaves
the fitted model in `model` (run as a script, in a kernel, or by tests/reference/run_reference.py).
"""

import os

import pandas as pd

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = 9

df = pd.read_csv(f"{SERVER}/quests/{QUEST_ID}/dataset")
FEATURES = ["x", "y", "sensor_a", "sensor_b"]
TARGET = "inner"
X = df[FEATURES]
y = df[TARGET]

from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

model = make_pipeline(StandardScaler(), MLPClassifier(hidden_layer_sizes=(16, 16), max_iter=2000, random_state=0))
model.fit(X, y)
