"""XGBoost reference solution of quest 10: Risk Ranker (ROC AUC).

The same task as quest_10.py, solved with gradient-boosted trees from XGBoost, to show that the
kernel companion's XGBoost path (onnxmltools' converter registered with skl2onnx) scores on the
server like any scikit-learn model: the ONNX model's probabilities arrive as a tensor (no ZipMap)
and the server ranks by the positive class's column. Needs xgboost-cpu and onnxmltools
(tests/requirements.txt); learners install them with `%pip install xgboost onnxmltools`.
"""

import os

import pandas as pd
from xgboost import XGBClassifier

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = 10

df = pd.read_csv(f"{SERVER}/quests/{QUEST_ID}/dataset")
FEATURES = ["annual_income", "debt_ratio", "credit_history_years", "late_payments", "loan_amount", "open_accounts"]
TARGET = "defaulted"
X = df[FEATURES]
y = df[TARGET]

model = XGBClassifier(n_estimators=200, max_depth=3, learning_rate=0.05, subsample=0.9, random_state=0)
model.fit(X, y)
