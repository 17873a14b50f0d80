"""plainlint: a linter for plain language and form usability."""

#: The one place the version is written: hatchling reads it from here for
#: the package metadata, and `--version` prints it without reading that
#: metadata (importlib.metadata costs more than the rest of start-up).
__version__ = "0.1.0"
