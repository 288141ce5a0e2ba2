"""``python -m dateline.batch INPUT... --out DIR``: ``dateline batch`` on its own."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())
