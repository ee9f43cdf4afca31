"""MkDocs hook: add the figures drawn from the reference solutions to the build.

The SVG files exist only in memory (`File.generated`), at ``figures/<name>.svg`` as if they were
in the docs folder, so concept pages link them with ``![...](../figures/<name>.svg)`` and strict
link validation checks those links. Nothing is written into ``site/`` during a build, so
``mkdocs serve`` never sees its own output and does not rebuild in a loop.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from grader.docs_site.figures import render_figures

__all__ = ["on_files"]

log = logging.getLogger("mkdocs.hooks.learn.figures")


def on_files(files: Files, config: Any) -> Files:
    started = time.perf_counter()
    try:
        figures = render_figures()
    except ImportError as exc:
        raise PluginError(
            f"그림을 그리려면 matplotlib이 필요합니다 ({exc}). pip install -e '.[docs]'로 설치하세요."
        ) from exc
    except Exception as exc:
        raise PluginError(f"그림을 만들지 못했습니다 (grader/docs_site/figures.py): {type(exc).__name__}: {exc}") from exc
    for src_uri, svg in figures.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            raise PluginError(f"{src_uri}: 이 그림은 빌드할 때 만들어집니다. site/ 안의 같은 이름 파일을 지우세요.")
        files.append(File.generated(config, src_uri, content=svg))
    log.debug("figures ready in %.2f s", time.perf_counter() - started)
    return files
