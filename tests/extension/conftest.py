"""No silent skips: in CI (CI=true) a test or module that would be skipped (e.g. torch missing for
the torch.onnx tests) fails instead, with the skip's reason; outside CI the skip and its reason
are reported on one line (pytest -rs)."""

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true")


def _fail_instead_of_skip(report):
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"CI=true: required tests may not skip; {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    _fail_instead_of_skip(outcome.get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    outcome = yield
    _fail_instead_of_skip(outcome.get_result())
