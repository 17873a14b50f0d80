"""Errors that end a run or a file cleanly, with a message for the user."""


class PlainlintError(Exception):
    """Base class: the message is written for the user, never a traceback."""


class ConfigError(PlainlintError):
    """A config file or command-line option is wrong (exit code 2)."""


class InputError(PlainlintError):
    """One input could not be read (exit code 3); the run goes on."""


def brief(value: object, limit: int = 80) -> str:
    """A configured value as a message shows it: a 4,000-digit number or a
    long nested array is cut, not printed whole."""
    try:
        text = repr(value)
    except ValueError:  # an int too long to turn into text
        return f"a {type(value).__name__} too long to show"
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"
