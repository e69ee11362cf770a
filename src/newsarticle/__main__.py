"""``python -m newsarticle``: the same as the ``newsarticle`` command."""

from .cli import main

raise SystemExit(main())
