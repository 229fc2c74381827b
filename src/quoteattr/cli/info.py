"""``quoteattr info``: version, the model in use and where it comes from, pipelines, extras."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import platform
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ._app import app

__all__ = ["EXTRAS", "collect_info", "format_info", "info"]

#: optional packages: (import name, distribution name, the extra that installs it)
EXTRAS: tuple[tuple[str, str, str], ...] = (
    ("pyarrow", "pyarrow", "parquet"),
    ("pandas", "pandas", "pandas"),
    ("dask", "dask", "dask"),
)


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _location(module: str) -> str | None:
    spec = importlib.util.find_spec(module)
    if spec is None:
        return None
    if spec.submodule_search_locations:
        return str(Path(next(iter(spec.submodule_search_locations))))
    return spec.origin


def collect_info() -> dict[str, Any]:
    """What ``quoteattr info`` prints, as data (no model is loaded).

    Example:
        >>> sorted(collect_info())[:3]
        ['default_model', 'extras', 'location']
    """
    import spacy
    import spacy.util

    from .. import __version__
    from ..pipeline import DEFAULT_MODELS
    from ..settings import Settings

    installed = sorted(spacy.util.get_installed_models())
    pipelines = {name: _version(name.replace("_", "-")) or _version(name) for name in installed}
    default = next((m for m in DEFAULT_MODELS if importlib.util.find_spec(m) is not None), None)
    model: dict[str, Any] | None = None
    if default is not None:
        model = {
            "name": default,
            "version": pipelines.get(default) or _version(default.replace("_", "-")),
            "location": _location(default),
            "chosen_from": list(DEFAULT_MODELS),
        }
    extras = {extra: {"package": dist, "version": _version(dist)} for _, dist, extra in EXTRAS}
    return {
        "quoteattr": __version__,
        "location": _location("quoteattr"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "spacy": _version("spacy"),
        "default_model": model,
        "pipelines": pipelines,
        "extras": extras,
        "settings": Settings().model_dump(mode="json"),
    }


def format_info(data: dict[str, Any]) -> str:
    """The info as aligned text lines, as ``spacy info`` prints it."""
    model = data["default_model"]
    if model is None:
        model_line = "none installed: pip install 'quoteattr[model]' (see [QA001])"
    else:
        model_line = f"{model['name']} {model['version'] or ''}".rstrip()
    rows = [
        ("quoteattr version", data["quoteattr"]),
        ("Location", data["location"] or "-"),
        ("Python version", data["python"]),
        ("Platform", data["platform"]),
        ("spaCy version", data["spacy"]),
        ("Model in use", model_line),
    ]
    if model is not None:
        rows.append(("Model location", model["location"] or "-"))
        rows.append(("Chosen from (in order)", ", ".join(model["chosen_from"])))
    pipelines = ", ".join(f"{n} ({v})" if v else n for n, v in data["pipelines"].items())
    rows.append(("Installed pipelines", pipelines or "none"))
    for extra, item in data["extras"].items():
        state = item["version"] or f"not installed (pip install 'quoteattr[{extra}]')"
        rows.append((f"Extra [{extra}]: {item['package']}", state))
    settings = ", ".join(f"{k}={_short(v)}" for k, v in data["settings"].items())
    rows.append(("Default settings", settings))
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows) + "\n"


def _short(value: Any) -> str:
    if isinstance(value, list) and len(value) > 3:
        return f"[{len(value)} classes]"
    return json.dumps(value)


@app.command(
    help="Print the version, the model in use and where it comes from, the installed "
    "pipelines and extras, and the default settings.",
    epilog="Examples:\n\n  quoteattr info\n\n  quoteattr info --json",
)
def info(
    as_json: Annotated[bool, typer.Option("--json", help="Print the info as JSON.")] = False,
) -> int:
    """Print what ``collect_info`` gathers."""
    data = collect_info()
    if as_json:
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
    else:
        sys.stdout.write(format_info(data))
    return 0
