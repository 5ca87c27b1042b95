"""Tools for catalogue curators: preview, new-role scaffold and quality checks.

Modules named ``cli_*`` here each add one ``compass catalogue`` action.
"""
