"""Entry point: ``python -m civility.training``."""

from civility.training.pipeline import main

raise SystemExit(main())
