"""`python -m netstudio` is the `netstudio` command."""

from netstudio.cli import main

raise SystemExit(main())
