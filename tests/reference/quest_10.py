"""Reference solution of quest 10: Risk Ranker.

A logistic regression on scaled features ranks applicants well.
Loads the train split from the ML Quest server exactly as the starter notebook does and leaves
the fitted model in `model` (run as a script, in a kernel, or by tests/reference/run_reference.py).
"""

import os

import pandas as pd

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = 10

df = pd.read_csv(f"{SERVER}/quests/{QUEST_ID}/dataset")
FEATURES = ["annual_income", "debt_ratio", "credit_history_years", "late_payments", "loan_amount", "open_accounts"]
TARGET = "defaulted"
X = df[FEATURES]
y = df[TARGET]

from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

model = make_pipeline(StandardScaler(), LogisticRegression())
model.fit(X, y)
