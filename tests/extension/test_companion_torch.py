"""The kernel companion's PyTorch path: real torch modules exported by torch.onnx, and the ONNX
models run by onnx's reference evaluator against torch's own outputs. Needs torch
(tests/requirements-torch.txt; CI installs it)."""

import importlib.util
import pathlib

import numpy as np
import onnx
import pytest
from onnx.reference import ReferenceEvaluator

torch = pytest.importorskip("torch", reason="install tests/requirements-torch.txt to test the torch.onnx path")

COMPANION = pathlib.Path(__file__).resolve().parents[2] / "extension" / "companion" / "mlquest_companion.py"
spec = importlib.util.spec_from_file_location("mlquest_companion", COMPANION)
companion = importlib.util.module_from_spec(spec)
spec.loader.exec_module(companion)

FEATURES = [{"name": f"f{i}", "type": "float"} for i in range(5)] + [{"name": "count", "type": "int"}]


def run(onnx_bytes, x):
    model = onnx.load_from_string(onnx_bytes)
    onnx.checker.check_model(model)
    (input_,) = model.graph.input
    return model, ReferenceEvaluator(model).run(None, {input_.name: x})


def test_regression_module_exports_one_float_input_with_a_free_batch_and_same_outputs():
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(6, 16), torch.nn.ReLU(), torch.nn.Linear(16, 1))
    model, (out,) = run(
        companion.convert_to_onnx(net, FEATURES), x := np.random.default_rng(1).normal(size=(7, 6)).astype(np.float32)
    )
    (input_,) = model.graph.input
    assert input_.name == "input"
    dims = input_.type.tensor_type.shape.dim
    assert dims[0].dim_param and dims[1].dim_value == 6  # any number of rows, one column per feature
    assert out.shape == (7, 1)
    np.testing.assert_allclose(out, net(torch.from_numpy(x)).detach().numpy(), rtol=1e-5, atol=1e-6)


def test_classifier_module_exports_its_logits_and_is_put_back_in_training_mode():
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(6, 8), torch.nn.Dropout(0.5), torch.nn.Linear(8, 3))
    net.train()
    x = np.random.default_rng(2).normal(size=(4, 6)).astype(np.float32)
    _, (logits,) = run(companion.convert_to_onnx(net, FEATURES), x)
    assert net.training  # the learner's module is left as it was
    net.eval()
    np.testing.assert_allclose(logits, net(torch.from_numpy(x)).detach().numpy(), rtol=1e-5, atol=1e-6)


def test_listing_finds_a_torch_module_beside_other_variables():
    net = torch.nn.Linear(6, 1)
    found = companion.list_fitted_models({"net": net, "n": 3, "text": "x"}, "net = torch.nn.Linear(6, 1)")
    assert found == [{"name": "net", "kind": "torch", "type": "Linear"}]


def test_string_features_get_a_message_that_points_to_a_pipeline():
    with pytest.raises(companion.CompanionError) as error:
        companion.convert_to_onnx(
            torch.nn.Linear(2, 1), [{"name": "city", "type": "string"}, {"name": "x", "type": "float"}]
        )
    assert error.value.code == "unsupported_type"
    assert "OneHotEncoder" in str(error.value)


def test_a_module_that_does_not_fit_the_quest_features_gets_a_message_naming_the_shape():
    with pytest.raises(companion.CompanionError) as error:
        companion.convert_to_onnx(torch.nn.Linear(3, 1), FEATURES)
    assert error.value.code == "conversion_failed"
    assert "(batch, 6)" in str(error.value)
