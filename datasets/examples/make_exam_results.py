#!/usr/bin/env python3
"""Writes datasets/examples/exam_results.csv, the example CSV of the README's instructor section.

Synthetic (CC0 1.0): 600 students of an imagined course, made deterministically here (numpy seed
2026), so that `npm run quest -- new` can be tried without real student data. Whether a student
passed depends on study hours, attendance, assignments and the earlier grade, plus noise; the
`student_id` column is there to show how the command treats an identifier column.

    python datasets/examples/make_exam_results.py [OUT.csv]   # default: next to this script
"""

import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def main(out: str) -> None:
    rng = np.random.default_rng(2026)
    n = 600
    track = rng.choice(["science", "arts", "business"], size=n, p=[0.4, 0.35, 0.25])
    study = np.clip(rng.gamma(3.0, 2.5, n), 0, 30)
    attendance = np.clip(rng.normal(80, 12, n), 30, 100)
    assignments = rng.binomial(10, np.clip(attendance / 110, 0, 1))
    prior = np.clip(rng.normal(2.9, 0.6, n), 1.0, 4.0)
    boost = np.where(track == "science", -1.8, np.where(track == "arts", 1.4, 0.0))
    logit = (
        -10.2
        + 0.28 * study
        - 3.0 * (attendance < 65)
        + 0.05 * attendance
        + 0.25 * assignments
        + 1.1 * prior
        + boost
        + 0.12 * np.maximum(study - 10, 0) ** 1.5
    )
    passed = rng.random(n) < 1 / (1 + np.exp(-logit))
    ids = rng.permutation(np.arange(10001, 10001 + n))
    lines = ["student_id,study_hours,attendance_pct,assignments_done,prior_grade,track,passed"]
    for i in range(n):
        lines.append(
            f"{ids[i]},{study[i]:.1f},{attendance[i]:.0f},{assignments[i]},{prior[i]:.2f},{track[i]},{'yes' if passed[i] else 'no'}"
        )
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "exam_results.csv"))
