"""factcards: turn a news article into a fact card, a faithful summary plus grounded key facts.

The public API, for embedding and for plugins::

    import factcards
    card = factcards.make_card(pathlib.Path("article.txt"))   # one-off
    pipeline = factcards.Pipeline(summarizer="lead")            # built once, shared safely
    for card in pipeline.cards(texts):
        print(card.to_json())

Plugins implement the hooks in ``factcards.hookspecs`` with ``@factcards.hookimpl``
and build ``Extractor``, ``Summarizer``, ``FactType``, ``Fact`` and ``Summary``
records. Built-in plugins import only what this module exports.
"""

__version__ = "0.2.0"
PLUGIN_API = "1.2"

from .card import Card, Diagnostic, Extractor, Fact, FactType, Settings, Summarizer, Summary, SummarySentence  # noqa: E402
from .config import ConfigError  # noqa: E402
from .document import Document, Region, Sentence  # noqa: E402
from .errors import FactcardsError, InputError, PluginError, SelectionError  # noqa: E402
from .hookspecs import hookimpl  # noqa: E402
from .manager import PluginManager, make_plugin_manager  # noqa: E402
from .pipeline import Pipeline, PipelineOptions, make_card  # noqa: E402
from .registry import Registry, collect_registry  # noqa: E402
from .schema import CardInvalid, load_schema  # noqa: E402

__all__ = [
    "__version__",
    "PLUGIN_API",
    "Card",
    "CardInvalid",
    "ConfigError",
    "Diagnostic",
    "Document",
    "Extractor",
    "Fact",
    "FactType",
    "FactcardsError",
    "InputError",
    "PluginError",
    "Pipeline",
    "PipelineOptions",
    "PluginManager",
    "Region",
    "Registry",
    "SelectionError",
    "Sentence",
    "Settings",
    "Summarizer",
    "Summary",
    "SummarySentence",
    "collect_registry",
    "hookimpl",
    "load_schema",
    "make_card",
    "make_plugin_manager",
]
