"""``python -m briefbook``: the same as the ``briefbook`` command."""

import sys

from briefbook.cli import main

sys.exit(main())
