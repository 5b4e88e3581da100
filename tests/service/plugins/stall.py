"""A test plugin: its extractor hangs on an article holding STALL-FOREVER (swallowing every interruption
too with STALL-HARD, so only killing its process stops it), and fails on one holding BREAK-NOW."""

import time

from factcards import Extractor, hookimpl

FACTCARDS_PLUGIN_API = "1.0"
__version__ = "0.0.1"


@hookimpl
def register_extractors(register):
    """``stall``: finds nothing, but may hang or raise on command."""
    register(Extractor("stall", ("number",), extract, version=__version__))


def extract(document, config):
    if "STALL-HARD" in document.text:
        while True:
            try:
                time.sleep(0.5)
            except BaseException:  # noqa: S110 - the point: a plugin that cannot be interrupted
                pass
    if "STALL-FOREVER" in document.text:
        while True:
            time.sleep(0.5)
    if "BREAK-NOW" in document.text:
        raise RuntimeError("asked to break")
    return []
