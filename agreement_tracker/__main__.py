"""``python -m agreement_tracker``: the same as the ``agreement-tracker`` command."""

import sys

from .cli import main

sys.exit(main())
