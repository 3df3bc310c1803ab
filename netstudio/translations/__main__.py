"""``python -m netstudio.translations [update|release|check]``: see `catalogues`."""

from __future__ import annotations

import sys

from netstudio.translations.catalogues import main

sys.exit(main(sys.argv[1:]))
