"""Reference solution of quest 8: Churn Catcher.

The categorical pipeline with balanced class weights finds most churners.
Loads the train split from the ML Quest server exactly as the starter notebook does and leaves
the fitted model in `model` (run as a script, in a kernel, or by tests/reference/run_reference.py).
"""

import os

import pandas as pd

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = 8

df = pd.read_csv(f"{SERVER}/quests/{QUEST_ID}/dataset")
FEATURES = [
    "tenure_months",
    "monthly_charges",
    "support_calls",
    "senior",
    "contract",
    "internet_service",
    "payment_method",
]
TARGET = "churned"
X = df[FEATURES]
y = df[TARGET]

from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["tenure_months", "monthly_charges", "support_calls", "senior"]
CATEGORICAL = ["contract", "internet_service", "payment_method"]
model = Pipeline(
    [
        (
            "prepare",
            ColumnTransformer(
                [
                    ("numbers", StandardScaler(), NUMERIC),
                    ("categories", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
                ]
            ),
        ),
        ("classify", LogisticRegression(class_weight="balanced", max_iter=1000)),
    ]
)
model.fit(X, y)
