"""Tools for catalogue curators: preview, new-role scaffold and quality checks.

Each ``cli_*`` module here adds one ``compass catalogue`` action; they are listed in
``compass.cli.catalogue.CURATOR_ACTIONS``.
"""
