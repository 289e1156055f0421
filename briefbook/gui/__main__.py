"""``python -m briefbook.gui [FILE]``: the desktop app alone (the CLI offers the same)."""

import sys
from pathlib import Path

from briefbook.gui.app import run

sys.exit(run(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
