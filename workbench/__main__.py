"""`python -m workbench`: see `workbench.cli`."""

import sys

from .app.cli import main

sys.exit(main())
