"""Where the bundled assets (fonts with their licence, templates) are found at run time.

The files live in the repository's top-level ``assets/`` folder. A wheel carries them as
``briefbook/assets`` (see ``package-dir`` in pyproject.toml); a source checkout or an
editable install reads them from ``assets/`` beside the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_MARKER = Path("templates") / "example.brief.yaml"


@cache
def assets_dir() -> Path:
    """The folder holding ``fonts/`` and ``templates/``, installed or in a checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "assets", package.parent / "assets"):
        if (candidate / _MARKER).is_file():
            return candidate
    raise FileNotFoundError(
        f"briefbook's assets (fonts, templates) are missing: looked in {package / 'assets'} "
        f"and {package.parent / 'assets'}; reinstall briefbook"
    )
