"""Running the pipeline: the stage tasks, the digest plan, and the executors that run them.

``EXECUTORS`` names every executor by its CLI name; each implements the same
interface (summarize.run.digest_plan.Executor plus ``articles``), so a
command builds one job and hands it to whichever the user chose. Executors
are imported on first use: this package's import stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

# CLI name -> (module, class). The local executor needs nothing more; the
# Dask one needs `pip install "summarize[dask]"`.
EXECUTORS: dict[str, tuple[str, str]] = {
    "local": (".local", "LocalExecutor"),
    "dask": (".dask", "DaskExecutor"),
}
DEFAULT_EXECUTOR = "local"


def executor_class(name: str) -> Any:
    module_name, class_name = EXECUTORS[name]
    return getattr(importlib.import_module(module_name, __name__), class_name)
