"""`python -m workbench`: see `workbench.app.cli`."""

import sys

from .app.cli import main

sys.exit(main())
