"""The name and version written into the PDF's Creator field."""

from __future__ import annotations


def briefbook_version() -> str:
    """The installed briefbook version, or ``"0+unknown"`` when it cannot be told."""
    try:
        from briefbook._version import __version__

        return str(__version__)
    except ImportError:
        pass
    try:
        from importlib.metadata import PackageNotFoundError, version

        return version("briefbook")
    except (ImportError, PackageNotFoundError):
        return "0+unknown"


def creator() -> str:
    """``briefbook VERSION``."""
    return f"briefbook {briefbook_version()}"
