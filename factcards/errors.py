"""The errors factcards raises, each with the CLI exit code it maps to."""


class FactcardsError(Exception):
    """Base class; ``exit_code`` is what the CLI exits with."""

    exit_code = 1


class InputError(FactcardsError):
    """The input cannot be read as an article (missing, binary, empty, too large, malformed)."""

    exit_code = 3


class PluginError(FactcardsError):
    """A plugin failed while ``--strict-plugins`` (``strict_plugins=True``) was in force."""

    exit_code = 4

    def __init__(self, plugin: str, stage: str, exc: BaseException):
        super().__init__(f"plugin {plugin!r} failed in {stage}: {type(exc).__name__}: {exc}")
        self.plugin = plugin
        self.stage = stage


class SelectionError(FactcardsError):
    """The user named an extractor or summarizer that is not registered."""

    exit_code = 2


class CardTimeout(FactcardsError):
    """A card took longer than its time limit (``timeout``); ``plugin`` and ``stage`` say what was running."""

    exit_code = 5

    def __init__(self, seconds: float, plugin: str | None, stage: str | None):
        doing = f"plugin {plugin!r} was running {stage}" if plugin else f"the core was in {stage or 'its own work'}"
        super().__init__(f"the card took longer than its {seconds:g} s time limit: {doing}")
        self.seconds, self.plugin, self.stage = seconds, plugin, stage


def first_line(exc: BaseException) -> str:
    """The first line of ``exc``'s message, or its type's name when it has none."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def one_line(exc: BaseException) -> str:
    """``exc`` as a one-line reason: factcards' own messages as they are, others after their type's name."""
    return first_line(exc) if isinstance(exc, FactcardsError) else f"{type(exc).__name__}: {first_line(exc)}"


# What stops the card (or the run) instead of failing one plugin: the core re-raises these
# from plugin code and turns any other exception, SystemExit included, into that plugin's failure.
STOPS = (KeyboardInterrupt, CardTimeout)
