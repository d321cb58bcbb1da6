"""The ML Quest JupyterLab extension, shipped as a prebuilt extension (see pyproject.toml)."""

__version__ = "0.1.0"


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "jupyterlab-mlquest"}]
