"""PyTorch reference solution of quest 9: Rings: Your First Neural Network.

The same task as quest_09.py, solved with a PyTorch module instead of scikit-learn, to show that
the kernel companion's torch.onnx path scores on the server like any other model. The inputs are
standardised inside the module, so the exported ONNX model takes the raw feature columns; its two
outputs are class logits, which the server turns into labels by argmax over the quest's classes.
Needs torch (tests/requirements-torch.txt).
"""

import os

import pandas as pd
import torch

SERVER = os.environ.get("MLQUEST_SERVER_URL", "http://localhost:8000")
QUEST_ID = 9

df = pd.read_csv(f"{SERVER}/quests/{QUEST_ID}/dataset")
FEATURES = ["x", "y", "sensor_a", "sensor_b"]
TARGET = "inner"
X = torch.tensor(df[FEATURES].to_numpy(), dtype=torch.float32)
y = torch.tensor(df[TARGET].to_numpy(), dtype=torch.long)


class RingNet(torch.nn.Module):
    def __init__(self, mean: torch.Tensor, std: torch.Tensor) -> None:
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)
        self.layers = torch.nn.Sequential(
            torch.nn.Linear(len(FEATURES), 32),
            torch.nn.ReLU(),
            torch.nn.Linear(32, 32),
            torch.nn.ReLU(),
            torch.nn.Linear(32, 2),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.layers((x - self.mean) / self.std)


torch.manual_seed(0)
model = RingNet(X.mean(dim=0), X.std(dim=0))
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = torch.nn.CrossEntropyLoss()
for _ in range(400):
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
model.eval()
