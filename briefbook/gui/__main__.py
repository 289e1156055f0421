"""``python -m briefbook.gui [FILE]``: the desktop app alone (the CLI offers the same)."""

import sys
from pathlib import Path

from briefbook.gui.display import display_problem

problem = display_problem()
if problem is not None:
    print(problem, file=sys.stderr)
    sys.exit(2)

from briefbook.gui.app import run  # noqa: E402  (Qt only once a display is known)

sys.exit(run(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
