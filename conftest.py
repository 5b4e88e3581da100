"""The example plugin's own tests run only where it is installed (the README's test command installs it)."""

import importlib.util

collect_ignore = [] if importlib.util.find_spec("factcards_casualties") else ["examples/factcards-casualties/tests"]
