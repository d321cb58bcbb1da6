"""ML Quest kernel companion.

The JupyterLab extension runs this module inside the learner's kernel (silently, without
history) to find fitted models and convert them to ONNX. It needs only the libraries the model
itself uses: scikit-learn and skl2onnx for scikit-learn models, plus onnxmltools for XGBoost and
LightGBM models (alone or as the last step of a pipeline; their converters are registered with
skl2onnx), torch (and onnx) for PyTorch modules. Nothing here imports a package of ML Quest.

Public functions (also used outside the kernel, e.g. by the notebooks' passability test):

- ``convert_to_onnx(model, features) -> bytes``: the ONNX bytes ML Quest accepts for a model.
  ``features`` is the quest's feature list, ``[{"name": ..., "type": "float"|"int"|"string"}]``
  (``GET /quests/{id}`` -> ``features``).
- ``list_fitted_models(namespace, cell_source="") -> list[dict]``: the fitted models in a
  namespace, the last one assigned in ``cell_source`` first.
- ``handle_request(namespace, request) -> (data, buffers)``: one request from the extension,
  answered as a JSON-able dict plus binary buffers; never raises.

Errors are ``CompanionError(code, message)``; the codes are listed in ``ERROR_CODES``.
"""

from __future__ import annotations

import ast
import copy
import io
import re
import sys
import warnings
from typing import Any, Dict, List, Optional, Sequence, Tuple

PROTOCOL_VERSION = 1
COMM_TARGET = "mlquest"

# ONNX opsets that onnxruntime 1.2x (the server's runtime) loads.
TARGET_OPSET = {"": 17, "ai.onnx.ml": 3}

ERROR_CODES = (
    "no_such_variable",
    "not_a_model",
    "not_fitted",
    "unsupported_type",
    "missing_converter",
    "feature_mismatch",
    "conversion_failed",
    "bad_request",
)


class CompanionError(Exception):
    """A failure the learner can act on; ``code`` is one of ERROR_CODES."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# ------------------------------------------------------------------ model kinds


def _is_sklearn_estimator(obj: Any) -> bool:
    sklearn_base = sys.modules.get("sklearn.base")
    if sklearn_base is None:
        return False
    return isinstance(obj, sklearn_base.BaseEstimator)


def _is_torch_module(obj: Any) -> bool:
    torch = sys.modules.get("torch")
    if torch is None:
        return False
    return isinstance(obj, torch.nn.Module)


def model_kind(obj: Any) -> Optional[str]:
    """'sklearn', 'torch' or None for an object that is no model ML Quest can take."""
    if isinstance(obj, type):
        return None
    if _is_sklearn_estimator(obj):
        return "sklearn"
    if _is_torch_module(obj):
        return "torch"
    return None


def is_fitted(obj: Any) -> bool:
    kind = model_kind(obj)
    if kind == "torch":
        return True
    if kind != "sklearn":
        return False
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    try:
        check_is_fitted(obj)
        return True
    except NotFittedError:
        return False
    except TypeError:
        return False


# ------------------------------------------------------------------ listing


def assigned_names(cell_source: str) -> List[str]:
    """Names assigned at the top level of a cell, in order of assignment (unparsable -> [])."""
    try:
        tree = ast.parse(cell_source or "")
    except SyntaxError:
        return []
    names: List[str] = []

    def add_target(target: ast.AST) -> None:
        if isinstance(target, ast.Name):
            names.append(target.id)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                add_target(element)

    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                add_target(target)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            add_target(node.target)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            # model.fit(X, y) marks `model` as the cell's model too.
            func = node.value.func
            if isinstance(func, ast.Attribute) and func.attr == "fit" and isinstance(func.value, ast.Name):
                names.append(func.value.id)
    return names


def list_fitted_models(namespace: Dict[str, Any], cell_source: str = "") -> List[Dict[str, Any]]:
    """Fitted models among the public names of ``namespace``; the cell's last assigned first."""
    found = []
    for name, value in list(namespace.items()):
        if name.startswith("_"):
            continue
        kind = model_kind(value)
        if kind is None or not is_fitted(value):
            continue
        found.append({"name": name, "kind": kind, "type": type(value).__name__})
    order = assigned_names(cell_source)
    rank = {name: index for index, name in enumerate(order)}
    found.sort(key=lambda m: (-(rank.get(m["name"], -1)), m["name"]))
    return found


# ------------------------------------------------------------------ conversion


def _missing(package: str, import_error: Exception) -> CompanionError:
    return CompanionError(
        "missing_converter",
        f"Converting this model needs the '{package}' package, which this kernel cannot import "
        f"({import_error}). Run `%pip install {package}` in a cell, restart the kernel, then submit again.",
    )


def _check_features(features: Sequence[Dict[str, Any]]) -> List[Dict[str, str]]:
    if not isinstance(features, (list, tuple)) or not features:
        raise CompanionError("bad_request", "The quest's feature list is empty; reload the quest list and try again.")
    checked = []
    for feature in features:
        if (
            not isinstance(feature, dict)
            or "name" not in feature
            or feature.get("type") not in ("float", "int", "string")
        ):
            raise CompanionError("bad_request", f"Unexpected feature description {feature!r}.")
        checked.append({"name": str(feature["name"]), "type": str(feature["type"])})
    return checked


def _sub_estimators(model: Any) -> List[Any]:
    """The model and every estimator nested in it (pipelines, column transformers, ensembles)."""
    seen: Dict[int, Any] = {}
    stack = [model]
    while stack:
        current = stack.pop()
        if id(current) in seen or not _is_sklearn_estimator(current):
            continue
        seen[id(current)] = current
        for attr in ("steps", "transformers_", "estimators_", "named_estimators_"):
            value = getattr(current, attr, None)
            if isinstance(value, dict):
                stack.extend(value.values())
            elif isinstance(value, (list, tuple)):
                for item in value:
                    if isinstance(item, tuple):
                        stack.extend(part for part in item if _is_sklearn_estimator(part))
                    else:
                        stack.append(item)
        for attr in ("estimator_", "final_estimator_", "regressor_"):
            value = getattr(current, attr, None)
            if value is not None:
                stack.append(value)
    return list(seen.values())


def _needs_column_inputs(model: Any, features: List[Dict[str, str]]) -> bool:
    if any(f["type"] == "string" for f in features):
        return True
    from sklearn.compose import ColumnTransformer

    return any(isinstance(est, ColumnTransformer) for est in _sub_estimators(model))


def _zipmap_off_options(model: Any) -> Dict[int, Dict[str, Any]]:
    from sklearn.base import is_classifier
    from sklearn.pipeline import Pipeline

    options = {}
    for est in _sub_estimators(model):
        if is_classifier(est) and not isinstance(est, Pipeline) and hasattr(est, "classes_"):
            options[id(est)] = {"zipmap": False}
    return options


# XGBoost and LightGBM estimators follow scikit-learn's API; onnxmltools has their converters,
# which skl2onnx calls once they are registered with its shape calculators.
_GRADIENT_BOOSTING = (
    ("xgboost", "XGBClassifier", "XGBoostXGBClassifier", True),
    ("xgboost", "XGBRegressor", "XGBoostXGBRegressor", False),
    ("lightgbm", "LGBMClassifier", "LightGbmLGBMClassifier", True),
    ("lightgbm", "LGBMRegressor", "LightGbmLGBMRegressor", False),
)
_registered: set = set()


def _gradient_boosting_in(model: Any) -> List[Any]:
    """The XGBoost and LightGBM estimators inside ``model`` (itself included)."""
    found = []
    for est in _sub_estimators(model):
        module = type(est).__module__.split(".")[0]
        if module in ("xgboost", "lightgbm"):
            found.append(est)
    return found


def _register_gradient_boosting(models: List[Any]) -> None:
    """Registers onnxmltools' converter of each XGBoost/LightGBM class used, once per kernel."""
    packages = {type(est).__module__.split(".")[0] for est in models}
    if not packages:
        return
    try:
        from skl2onnx import update_registered_converter
        from skl2onnx.common.shape_calculator import (
            calculate_linear_classifier_output_shapes,
            calculate_linear_regressor_output_shapes,
        )
    except ImportError as error:
        raise _missing("skl2onnx", error) from error
    for package, class_name, alias, is_classifier_ in _GRADIENT_BOOSTING:
        if package not in packages or alias in _registered:
            continue
        try:
            if package == "xgboost":
                from onnxmltools.convert.xgboost.operator_converters.XGBoost import convert_xgboost as converter
            else:
                from onnxmltools.convert.lightgbm.operator_converters.LightGbm import convert_lightgbm as converter
        except ImportError as error:
            raise _missing("onnxmltools", error) from error
        cls = getattr(sys.modules[package], class_name, None)
        if cls is None:
            continue
        if is_classifier_:
            update_registered_converter(
                cls,
                alias,
                calculate_linear_classifier_output_shapes,
                converter,
                options={"nocl": [True, False], "zipmap": [True, False, "columns"]},
            )
        else:
            options = {"split": None} if package == "lightgbm" else None
            update_registered_converter(
                cls, alias, calculate_linear_regressor_output_shapes, converter, options=options
            )
        _registered.add(alias)


def _without_xgboost_feature_names(model: Any, boosters: List[Any]) -> Any:
    """A copy of ``model`` whose XGBoost boosters name features f0, f1, ... (onnxmltools reads
    splits by those names; a model fitted on a DataFrame names them after its columns). The
    learner's model is left as it was."""

    def named(est: Any) -> bool:
        names = est.get_booster().feature_names
        return bool(names) and not all(re.fullmatch(r"f\d+", str(n)) for n in names)

    if not any(type(est).__module__.startswith("xgboost") and named(est) for est in boosters):
        return model
    clone = copy.deepcopy(model)
    for est in _sub_estimators(clone):
        if type(est).__module__.startswith("xgboost"):
            est.get_booster().feature_names = None
    return clone


def _convert_sklearn(model: Any, features: List[Dict[str, str]]) -> bytes:
    try:
        import skl2onnx
        from skl2onnx.common.data_types import FloatTensorType, StringTensorType
    except ImportError as error:
        raise _missing("skl2onnx", error) from error
    if not is_fitted(model):
        raise CompanionError(
            "not_fitted",
            f"This {type(model).__name__} is not fitted yet: call .fit(X, y) on it (run the training cell) before submitting.",
        )
    expected = getattr(model, "n_features_in_", None)
    if expected is not None and int(expected) != len(features):
        names = ", ".join(f["name"] for f in features)
        raise CompanionError(
            "feature_mismatch",
            f"The model was fitted on {int(expected)} features but the quest has {len(features)} ({names}). "
            "Fit it on the quest's feature columns, in that order.",
        )
    if _needs_column_inputs(model, features):
        initial_types = [
            (f["name"], StringTensorType([None, 1]) if f["type"] == "string" else FloatTensorType([None, 1]))
            for f in features
        ]
    else:
        initial_types = [("input", FloatTensorType([None, len(features)]))]
    boosters = _gradient_boosting_in(model)
    _register_gradient_boosting(boosters)
    if boosters:
        model = _without_xgboost_feature_names(model, boosters)
    options = _zipmap_off_options(model)
    try:
        onnx_model = skl2onnx.convert_sklearn(
            model,
            initial_types=initial_types,
            options=options or None,
            target_opset=dict(TARGET_OPSET),
        )
    except Exception as error:  # skl2onnx raises several unrelated types
        text = str(error)
        if (
            type(error).__name__ in ("MissingShapeCalculator", "MissingConverter")
            or "Unable to find a shape calculator" in text
        ):
            raise CompanionError(
                "unsupported_type",
                f"skl2onnx cannot convert a {type(model).__name__} ({text.splitlines()[0]}). "
                "Use a scikit-learn estimator that skl2onnx supports, e.g. LinearRegression, LogisticRegression or a RandomForest, "
                "or an XGBoost/LightGBM classifier or regressor (XGBClassifier, XGBRegressor, LGBMClassifier, LGBMRegressor).",
            ) from error
        raise CompanionError(
            "conversion_failed",
            f"Converting the {type(model).__name__} to ONNX failed: {text.splitlines()[0] if text else type(error).__name__}",
        ) from error
    return onnx_model.SerializeToString()


def _convert_torch(model: Any, features: List[Dict[str, str]]) -> bytes:
    import torch

    if any(f["type"] == "string" for f in features):
        raise CompanionError(
            "unsupported_type",
            "A PyTorch module takes numeric tensors, but this quest has string features; use a scikit-learn pipeline with a OneHotEncoder.",
        )
    try:
        import onnx  # noqa: F401  (torch.onnx needs it)
    except ImportError as error:
        raise _missing("onnx", error) from error
    example = torch.zeros((2, len(features)), dtype=torch.float32)
    buffer = io.BytesIO()
    was_training = model.training
    model.eval()
    try:
        kwargs: Dict[str, Any] = dict(
            input_names=["input"],
            output_names=["output"],
            dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}},
            opset_version=TARGET_OPSET[""],
        )
        with warnings.catch_warnings():
            # torch >= 2.9 warns that the TorchScript exporter is legacy; it is the one that needs
            # no extra package (the dynamo exporter needs onnxscript).
            warnings.simplefilter("ignore", DeprecationWarning)
            try:
                torch.onnx.export(model, (example,), buffer, dynamo=False, **kwargs)
            except TypeError:
                torch.onnx.export(model, (example,), buffer, **kwargs)
    except ImportError as error:
        raise _missing(getattr(error, "name", None) or "onnx", error) from error
    except Exception as error:
        raise CompanionError(
            "conversion_failed",
            f"torch.onnx could not export the module with an input of shape (batch, {len(features)}): {str(error).splitlines()[0]}",
        ) from error
    finally:
        model.train(was_training)
    return buffer.getvalue()


def convert_to_onnx(model: Any, features: Sequence[Dict[str, Any]]) -> bytes:
    """Convert a fitted scikit-learn estimator/pipeline (XGBoost and LightGBM estimators included,
    alone or as a pipeline's last step) or a PyTorch module to ONNX bytes.

    One float input ``input`` of shape [N, len(features)], or, for a model with a
    ColumnTransformer or string features, one [N, 1] input per feature named as the feature
    (strings as string tensors, numbers as float). Classifiers without ZipMap.
    """
    checked = _check_features(features)
    kind = model_kind(model)
    if kind == "sklearn":
        return _convert_sklearn(model, checked)
    if kind == "torch":
        return _convert_torch(model, checked)
    raise CompanionError(
        "unsupported_type",
        f"A {type(model).__module__}.{type(model).__name__} is not a model ML Quest can convert: "
        "submit a fitted scikit-learn estimator or pipeline, or a PyTorch nn.Module.",
    )


# ------------------------------------------------------------------ requests


def _with_article(noun: str) -> str:
    """'an int', 'a str', 'an ndarray': the noun with the article it is read with."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _resolve_variable(namespace: Dict[str, Any], name: Any) -> Any:
    if not isinstance(name, str) or not name.isidentifier():
        raise CompanionError("bad_request", f"{name!r} is not a Python variable name.")
    if name not in namespace:
        raise CompanionError(
            "no_such_variable",
            f"There is no variable named '{name}' in the kernel. Run the cell that defines it "
            "(Run > Run All Cells), or pick another model.",
        )
    return namespace[name]


def handle_request(namespace: Dict[str, Any], request: Dict[str, Any]) -> Tuple[Dict[str, Any], List[bytes]]:
    """Answer one request. ``request`` is {"id", "action": "list"|"convert", ...}."""
    request_id = request.get("id") if isinstance(request, dict) else None
    base = {"id": request_id, "protocol": PROTOCOL_VERSION}
    try:
        if not isinstance(request, dict):
            raise CompanionError("bad_request", "The request must be an object.")
        action = request.get("action")
        if action == "list":
            models = list_fitted_models(namespace, request.get("cell_source") or "")
            return {**base, "ok": True, "action": "list", "models": models}, []
        if action == "convert":
            name = request.get("variable")
            model = _resolve_variable(namespace, name)
            if model_kind(model) is None:
                raise CompanionError(
                    "not_a_model",
                    f"'{name}' is {_with_article(type(model).__name__)}, not a model: submit a fitted scikit-learn "
                    "estimator or pipeline, or a PyTorch nn.Module.",
                )
            onnx_bytes = convert_to_onnx(model, request.get("features") or [])
            return (
                {
                    **base,
                    "ok": True,
                    "action": "convert",
                    "variable": name,
                    "model_type": type(model).__name__,
                    "bytes": len(onnx_bytes),
                },
                [onnx_bytes],
            )
        raise CompanionError("bad_request", f"Unknown action {action!r}.")
    except CompanionError as error:
        return {**base, "ok": False, "code": error.code, "message": error.message}, []
    except Exception as error:  # never let the kernel print a traceback for a companion bug
        return {**base, "ok": False, "code": "conversion_failed", "message": f"{type(error).__name__}: {error}"}, []


def run_in_kernel(request: Dict[str, Any]) -> None:
    """Entry point used by the extension: answer over a comm opened to the browser."""
    import comm as comm_package

    shell = sys.modules["IPython"].get_ipython()
    data, buffers = handle_request(shell.user_ns, request)
    channel = comm_package.create_comm(target_name=COMM_TARGET, data=data, buffers=buffers)
    channel.close()
