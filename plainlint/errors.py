"""Errors that end a run or a file cleanly, with a message for the user."""


class PlainlintError(Exception):
    """Base class: the message is written for the user, never a traceback."""


class ConfigError(PlainlintError):
    """A config file or command-line option is wrong (exit code 2)."""


class InputError(PlainlintError):
    """One input could not be read (exit code 3); the run goes on."""
