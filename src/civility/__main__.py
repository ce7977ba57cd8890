"""Allows `python -m civility`."""

from civility.cli import main

main()
