"""``python -m desktop``: the same as the ``policydesk`` command."""

from desktop.cli import main

raise SystemExit(main())
