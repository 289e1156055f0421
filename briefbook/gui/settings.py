"""The app's own folders and its settings file (preferences, geometry, recent files).

The folders come from platformdirs; ``BRIEFBOOK_HOME`` overrides them all (the
tests point it at a temporary folder so they never touch the real home).
Settings are a small JSON file: readable, and safe to delete.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from briefbook.core.safety.atomic import write_atomic
from briefbook.core.safety.filemodes import PRIVATE_FILE, private_folder
from briefbook.errors import BriefbookError

APP_NAME = "briefbook"
HOME_VARIABLE = "BRIEFBOOK_HOME"
MAX_RECENT = 10


def config_dir() -> Path:
    """Where the settings file lives."""
    home = os.environ.get(HOME_VARIABLE)
    if home:
        return Path(home) / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    """Where transient state lives: autosaved work (``autosave/``) and which briefs are
    open (``locks/``)."""
    home = os.environ.get(HOME_VARIABLE)
    if home:
        return Path(home) / "state"
    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    return config_dir() / "settings.json"


@dataclass
class Settings:
    """Everything the app remembers between runs."""

    #: Most recent first, as absolute paths.
    recent_files: list[str] = field(default_factory=list)
    #: ``QMainWindow.saveGeometry()`` / ``saveState()`` as hex text.
    geometry: str = ""
    window_state: str = ""
    splitter: list[int] = field(default_factory=list)
    #: Set once the first start has opened the bundled example.
    started_before: bool = False
    #: Preferences.
    preview_delay_ms: int = 400
    show_thumbnails: bool = True
    reopen_last: bool = True
    open_after_export: bool = False
    last_export_dir: str = ""
    #: Unsaved work is written to the state folder after this long without an edit.
    autosave_delay_ms: int = 4000

    def add_recent(self, path: Path) -> None:
        """Put ``path`` at the top of the recent files (once)."""
        text = str(Path(path).resolve())
        self.recent_files = [text] + [p for p in self.recent_files if p != text]
        del self.recent_files[MAX_RECENT:]

    def remove_recent(self, path: Path | str) -> None:
        text = str(path)
        self.recent_files = [p for p in self.recent_files if p != text]

    def last_file(self) -> Path | None:
        """The most recent file that still exists, if any."""
        for text in self.recent_files:
            if Path(text).is_file():
                return Path(text)
        return None


def load_settings() -> Settings:
    """Read the settings file; a missing or damaged file gives the defaults."""
    try:
        raw = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    defaults = Settings()
    values = {}
    for item in fields(Settings):
        value = raw.get(item.name, getattr(defaults, item.name))
        if isinstance(value, type(getattr(defaults, item.name))):
            values[item.name] = value
    settings = Settings(**values)
    settings.recent_files = [p for p in settings.recent_files if isinstance(p, str)]
    settings.splitter = [n for n in settings.splitter if isinstance(n, int)]
    return settings


def save_settings(settings: Settings) -> None:
    """Write the settings file atomically. Failing to save settings is never fatal."""
    path = settings_path()
    try:
        private_folder(path.parent)
        data = json.dumps(asdict(settings), indent=2, sort_keys=True)
        write_atomic(path, data.encode("utf-8"), mode=PRIVATE_FILE)
    except (OSError, BriefbookError):
        pass
