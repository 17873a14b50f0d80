"""plainlint: a linter for plain language and form usability."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("plainlint")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"
