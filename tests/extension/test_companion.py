"""Tests of the kernel companion: real scikit-learn models, real skl2onnx conversion, and the
converted models run by onnx's reference evaluator against scikit-learn's own predictions."""

import importlib.util
import pathlib

import numpy as np
import onnx
import pandas as pd
import pytest
from onnx.reference import ReferenceEvaluator
from sklearn.cluster import KMeans
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

COMPANION = pathlib.Path(__file__).resolve().parents[2] / "extension" / "companion" / "mlquest_companion.py"
spec = importlib.util.spec_from_file_location("mlquest_companion", COMPANION)
companion = importlib.util.module_from_spec(spec)
spec.loader.exec_module(companion)

RNG = np.random.default_rng(7)
NUMERIC = [{"name": "x1", "type": "float"}, {"name": "x2", "type": "float"}, {"name": "x3", "type": "int"}]


def numeric_data(rows=60):
    X = RNG.normal(size=(rows, 3))
    y_reg = X @ np.array([1.5, -2.0, 0.5]) + 0.1 * RNG.normal(size=rows)
    y_cls = (X[:, 0] + X[:, 1] > 0).astype(int)
    return X, y_reg, y_cls


def run_onnx(onnx_bytes, feeds):
    model = onnx.load_from_string(onnx_bytes)
    onnx.checker.check_model(model)
    return model, ReferenceEvaluator(model).run(None, feeds)


def test_linear_regression_converts_to_one_float_input_with_same_predictions():
    X, y, _ = numeric_data()
    model = LinearRegression().fit(X, y)
    onnx_bytes = companion.convert_to_onnx(model, NUMERIC)
    proto, (pred,) = run_onnx(onnx_bytes, {"input": X.astype(np.float32)})
    assert [i.name for i in proto.graph.input] == ["input"]
    np.testing.assert_allclose(pred.ravel(), model.predict(X), rtol=1e-4, atol=1e-4)


def test_classifier_pipeline_exports_without_zipmap_and_matches_labels():
    X, _, y = numeric_data()
    model = Pipeline([("scale", StandardScaler()), ("clf", LogisticRegression())]).fit(X, y)
    onnx_bytes = companion.convert_to_onnx(model, NUMERIC)
    proto, (labels, probabilities) = run_onnx(onnx_bytes, {"input": X.astype(np.float32)})
    assert all(node.op_type != "ZipMap" for node in proto.graph.node)
    assert probabilities.shape == (len(X), 2)
    np.testing.assert_array_equal(labels, model.predict(X))


def test_column_transformer_on_dataframe_gets_one_input_per_column_and_strings_as_strings():
    frame = pd.DataFrame({"size": RNG.normal(size=80), "colour": RNG.choice(["red", "green", "blue"], size=80)})
    y = ((frame["colour"] == "red") | (frame["size"] > 1)).astype(int)
    features = [{"name": "size", "type": "float"}, {"name": "colour", "type": "string"}]
    model = Pipeline(
        [
            ("prep", ColumnTransformer([("num", StandardScaler(), ["size"]), ("cat", OneHotEncoder(), ["colour"])])),
            ("clf", LogisticRegression()),
        ]
    ).fit(frame, y)
    onnx_bytes = companion.convert_to_onnx(model, features)
    proto = onnx.load_from_string(onnx_bytes)
    inputs = {i.name: i.type.tensor_type.elem_type for i in proto.graph.input}
    assert inputs == {"size": onnx.TensorProto.FLOAT, "colour": onnx.TensorProto.STRING}
    assert all(node.op_type != "ZipMap" for node in proto.graph.node)
    # The exported pipeline predicts what scikit-learn predicts, labels and probabilities alike,
    # when fed the way the server feeds it (one [N, 1] tensor per column).
    import onnxruntime as rt

    session = rt.InferenceSession(onnx_bytes, providers=["CPUExecutionProvider"])
    feeds = {
        "size": frame[["size"]].to_numpy(dtype=np.float32),
        "colour": frame[["colour"]].to_numpy(dtype=object),
    }
    labels, probabilities = session.run(None, feeds)
    np.testing.assert_array_equal(labels, model.predict(frame))
    np.testing.assert_allclose(probabilities, model.predict_proba(frame), atol=1e-5)


def test_kmeans_converts():
    X, _, _ = numeric_data()
    model = KMeans(n_clusters=3, n_init=3, random_state=0).fit(X)
    _, outputs = run_onnx(companion.convert_to_onnx(model, NUMERIC), {"input": X.astype(np.float32)})
    np.testing.assert_array_equal(outputs[0], model.predict(X))


def test_unfitted_model_is_refused_with_not_fitted():
    with pytest.raises(companion.CompanionError) as caught:
        companion.convert_to_onnx(LinearRegression(), NUMERIC)
    assert caught.value.code == "not_fitted"
    assert "fit" in caught.value.message


def test_wrong_number_of_features_is_refused():
    X, y, _ = numeric_data()
    model = LinearRegression().fit(X[:, :2], y)
    with pytest.raises(companion.CompanionError) as caught:
        companion.convert_to_onnx(model, NUMERIC)
    assert caught.value.code == "feature_mismatch"
    assert "x1, x2, x3" in caught.value.message


def test_object_that_is_no_model_is_unsupported():
    with pytest.raises(companion.CompanionError) as caught:
        companion.convert_to_onnx({"weights": [1, 2]}, NUMERIC)
    assert caught.value.code == "unsupported_type"


def test_estimator_skl2onnx_cannot_convert_is_unsupported_type():
    from sklearn.base import BaseEstimator, RegressorMixin

    class HandMade(RegressorMixin, BaseEstimator):
        def fit(self, X, y):
            self.coef_ = np.ones(X.shape[1])
            self.n_features_in_ = X.shape[1]
            return self

        def predict(self, X):
            return X @ self.coef_

    X, y, _ = numeric_data()
    with pytest.raises(companion.CompanionError) as caught:
        companion.convert_to_onnx(HandMade().fit(X, y), NUMERIC)
    assert caught.value.code == "unsupported_type"
    assert "HandMade" in caught.value.message


def test_missing_skl2onnx_names_the_pip_command(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_skl2onnx(name, *args, **kwargs):
        if name.startswith("skl2onnx"):
            raise ImportError("No module named 'skl2onnx'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_skl2onnx)
    X, y, _ = numeric_data()
    with pytest.raises(companion.CompanionError) as caught:
        companion.convert_to_onnx(LinearRegression().fit(X, y), NUMERIC)
    assert caught.value.code == "missing_converter"
    assert "%pip install skl2onnx" in caught.value.message


def test_list_fitted_models_puts_the_cells_last_assignment_first_and_skips_unfitted_and_private():
    X, y, yc = numeric_data()
    namespace = {
        "alpha": LinearRegression().fit(X, y),
        "beta": LogisticRegression().fit(X, yc),
        "gamma": LinearRegression().fit(X, y),
        "unfitted": LinearRegression(),
        "_hidden": LinearRegression().fit(X, y),
        "number": 3,
    }
    models = companion.list_fitted_models(namespace, "beta = LogisticRegression()\nbeta.fit(X, y)\ngamma = alpha\n")
    assert [m["name"] for m in models] == ["gamma", "beta", "alpha"]
    assert models[1] == {"name": "beta", "kind": "sklearn", "type": "LogisticRegression"}


def test_handle_request_convert_returns_bytes_in_a_buffer():
    X, y, _ = numeric_data()
    namespace = {"model": LinearRegression().fit(X, y)}
    data, buffers = companion.handle_request(
        namespace, {"id": "r1", "action": "convert", "variable": "model", "features": NUMERIC}
    )
    assert data["ok"] is True and data["id"] == "r1"
    assert data["bytes"] == len(buffers[0]) > 0
    onnx.checker.check_model(onnx.load_from_string(buffers[0]))


def test_handle_request_reports_undefined_variable_and_non_models_without_raising():
    data, buffers = companion.handle_request(
        {}, {"id": 2, "action": "convert", "variable": "modle", "features": NUMERIC}
    )
    assert (data["ok"], data["code"], buffers) == (False, "no_such_variable", [])
    assert "'modle'" in data["message"]
    data, _ = companion.handle_request(
        {"text": "hello"}, {"id": 3, "action": "convert", "variable": "text", "features": NUMERIC}
    )
    assert data["code"] == "not_a_model"
    assert data["message"].startswith("'text' is a str, not a model")
    data, _ = companion.handle_request(
        {"count": 3}, {"id": 5, "action": "convert", "variable": "count", "features": NUMERIC}
    )
    assert data["message"].startswith("'count' is an int, not a model")
    data, _ = companion.handle_request({}, {"id": 4, "action": "dance"})
    assert data["code"] == "bad_request"
