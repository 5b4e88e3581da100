"""The hooks a factcards plugin can implement.

Implement any of them in a module or class decorated with ``factcards.hookimpl``
and expose it through the ``factcards`` entry-point group. The core calls each
implementation on its own, so one plugin's exception becomes a diagnostic in the
card instead of a crash. Hooks evolve by gaining arguments (implementations opt
in by naming them); they are never renamed in place.
"""

from __future__ import annotations

import pluggy

PROJECT = "factcards"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def register_extractors(register):
    """Register fact extractors.

    :param register: call ``register(Extractor(...))`` once per extractor. An
        extractor has a unique ``name``, the ``fact_types`` it produces, and
        ``extract(document, config)`` returning an iterable of ``Fact``.

    The three ``register_*`` hooks are asked once per plugin manager; the answer
    is kept until a plugin is registered or removed, so register the same
    records every time and keep per-card state out of them.

    The core runs every registered extractor that the user did not disable,
    each on its own: an exception is reported in the card's diagnostics and the
    other extractors still run. It stamps each fact with the extractor's name
    and sentence index, drops facts whose ``text`` is not ``document.text[start:end]``
    (with a diagnostic), drops facts inside chrome, duplicates and the dateline,
    collapses exact duplicates and sorts the rest by position.

    Example::

        @hookimpl
        def register_extractors(register):
            register(Extractor("votes", ("vote_count",), extract_votes))

    Since 0.1.
    """


@hookspec
def register_summarizers(register):
    """Register summarizers.

    :param register: call ``register(Summarizer(...))`` once per summarizer. A
        summarizer has a unique ``name`` and ``summarize(document, facts,
        config)`` returning a ``Summary``; ``facts`` are the merged facts.

    Exactly one summarizer runs per card: the one the user names, otherwise the
    available one with the highest ``priority``. If it raises, the failure is a
    diagnostic and the core falls back to ``lead``. Extractive summaries must
    give each sentence's offsets in the document.

    Since 0.1.
    """


@hookspec
def register_fact_types(register):
    """Register fact types and the JSON Schema fragments their values follow.

    :param register: call ``register(FactType(name, value_schema, description))``.
        ``value_schema`` is a JSON Schema 2020-12 object that every fact of this
        type's ``value`` must satisfy.

    The core composes these fragments into the card schema (``factcards schema``
    prints the result), so a third-party type validates like a built-in one.
    Facts of an unregistered type are dropped with a diagnostic.

    Since 0.1.
    """


@hookspec
def register_settings(register):
    """Declare settings tables your plugin reads outside its extractors and summarizers.

    :param register: call ``register(Settings(name, defaults, description))``;
        ``defaults`` holds every key of the table with its default value
        (``config_schema``, a JSON Schema by key, what a default cannot say).

    The core refuses (or, with ``strict_config=False``, warns about) a user's
    table or key that no plugin, extractor, summarizer or ``Settings``
    declares, so a typo never silently does nothing; a value unlike its
    default's type, or outside its ``config_schema``, is always refused. An extractor's or
    summarizer's own ``default_config`` declares its keys already; this hook is
    for settings a ``process_card`` or ``prepare_document`` implementation
    reads from ``config``. ``factcards plugins`` lists them.

    Example::

        @hookimpl
        def register_settings(register):
            register(Settings("consistency", {"fallback": False}, "Replace a summary with findings."))

    Since 0.2.
    """


@hookspec
def prepare_document(document):
    """Clean and describe a document before anything reads it.

    :param document: the ``Document``; set its metadata (``title``, ``source``,
        ``published``) where still empty and mark regions with
        ``document.mark(start, end, kind)`` (kinds: chrome, caption, duplicate,
        title, dateline, byline, heading). Never change ``document.text``:
        every offset in the card indexes into it.

    Returns nothing. Every implementation runs, in registration order; metadata
    given by the input (JSON fields, HTML metadata, ``--published``) wins over
    what a cleaner finds. The core segments sentences afterwards.

    Since 0.1.
    """


@hookspec
def process_card(card, document, config, registry):
    """Post-process the merged card before it is validated.

    :param card: the ``Card``, with its merged ``facts`` and ``summary``.
    :param document: the prepared ``Document``.
    :param config: the user's settings, ``{name: {key: value}}``; read your
        plugin's own entry (implementations opt in by naming it).
    :param registry: this run's ``Registry``: its ``extractors``,
        ``summarizers`` and ``fact_types`` by name, as the card was made with
        them (to re-run an extractor or a summarizer; do not change it).

    Change ``card`` in place (link a quote to a person, drop cross-type
    duplicates, add summary checks). Returns nothing. Facts added here are
    merged again with the same rules as extracted ones, and the card is then
    validated, so a bad change fails loudly instead of leaving the core.

    Since 0.1.
    """


@hookspec
def register_commands(cli):
    """Add subcommands to the ``factcards`` command line.

    :param cli: the click group; decorate functions with ``@cli.command()``.

    Called once when the CLI starts. Returns nothing.

    Since 0.1.
    """
