"""The ``factcards`` command line.

Exit codes:
  0  success
  1  ``validate``: the card is invalid; ``card``: the card failed its own schema (a plugin bug)
  2  usage error (unknown option, unknown extractor or summarizer)
  3  bad input (missing file, directory, binary, invalid UTF-8, empty, too large, malformed JSON,
     closed stdin), or a card that cannot be written (a missing folder, a full disk)
  4  a plugin failed under ``--strict-plugins``
  5  the card took longer than ``--timeout``
  130  ``card``: interrupted (Ctrl-C): one line, no card, no partial output file

A reader that goes away (a broken pipe) ends the command quietly with exit 1.

Plugin code never writes to the card's stream: while plugins are imported and
run, ``sys.stdout`` points to stderr.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.util
import inspect
import json
import os
import sys
import tempfile
import traceback
from pathlib import Path

import click

from . import __version__
from .config import load_config
from .errors import FactcardsError, InputError, PluginError
from .inventory import plugin_rows
from .manager import load_plugins_dir, make_plugin_manager
from .pipeline import Pipeline, PipelineOptions
from .reader import FORMATS, decode, read_bytes
from .registry import collect_registry
from .stages import call_each
from .render import render_markdown
from .schema import schema_errors

EXIT_INVALID = 1
EXIT_INPUT = InputError.exit_code
EXIT_INTERRUPTED = 130


def fail(message: str, code: int) -> None:
    click.echo(f"factcards: error: {message}", err=True)
    sys.exit(code)


def plugin_output_to_stderr():
    """While plugin code runs (imported, registering, making a card): its ``print`` goes to stderr, never into the card's stream."""
    return contextlib.redirect_stdout(sys.stderr)


class LazyGroup(click.Group):
    """A group whose heavier commands (the service, the batch runner) are imported only when run."""

    lazy_commands = {
        "serve": "factcards.service.command:serve",
        "batch": "factcards.batch.command:batch",
    }

    def list_commands(self, ctx):
        return sorted({*super().list_commands(ctx), *self._available()})

    def get_command(self, ctx, name):
        command = super().get_command(ctx, name)
        if command is None and name in self._available():
            module_name, attribute = self.lazy_commands[name].split(":")
            command = getattr(importlib.import_module(module_name), attribute)
        return command

    def _available(self):
        return [name for name, target in self.lazy_commands.items() if importlib.util.find_spec(target.split(":")[0].rsplit(".", 1)[0])]


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcards")
def cli():
    """Turn a news article into a fact card: a faithful summary plus its grounded key facts."""


def plugins_dir_option(command):
    """Add ``--plugins-dir``; ``command`` receives the plugin manager, with the folder's plugins loaded, first."""

    @click.option("--plugins-dir", type=click.Path(file_okay=False, exists=True), help="Also load each .py file in this folder as a plugin.")
    @click.pass_obj
    @functools.wraps(command)
    def with_plugins_dir(plugin_manager, plugins_dir, **kwargs):
        with plugin_output_to_stderr():
            pm = plugin_manager or make_plugin_manager()
            if plugins_dir:
                load_plugins_dir(pm, plugins_dir)
        return command(pm, **kwargs)

    return with_plugins_dir


def plugin_options(command):
    """Add ``--config``, ``-s NAME.KEY=VALUE`` and ``--plugins-dir`` to ``command``.

    The command receives the plugin manager (with the folder's plugins loaded)
    and the settings (``$env`` references not yet resolved) as its first two
    arguments.
    """

    @click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Settings file (TOML, a table per plugin, extractor or summarizer; default $FACTCARDS_CONFIG or the user config folder).")
    @click.option("-s", "--set", "settings", multiple=True, metavar="NAME.KEY=VALUE", help="Override one setting, e.g. -s casualties.min_count=2 (repeatable).")
    @plugins_dir_option
    @functools.wraps(command)
    def with_plugin_options(pm, config_path, settings, **kwargs):
        try:
            config = load_config(config_path, settings)
        except FactcardsError as exc:
            fail(str(exc), exc.exit_code)
        return command(pm, config, **kwargs)

    return with_plugin_options


def pipeline_options(command):
    """Add the options a ``Pipeline`` is built from (selection, budget, strictness, input size) and the plugin options.

    The command receives the plugin manager and a ``PipelineOptions`` as its first two arguments.
    ``--timeout`` goes into the options, unless the command takes a ``timeout`` argument: then it
    declares its own ``--timeout`` (``serve``: the service's limit) and gets it as before.
    """
    own_timeout = "timeout" in inspect.signature(command).parameters

    @click.option("--summarizer", help="The summarizer to run (default: the best available).")
    @click.option("--extractor", "extractors", multiple=True, help="Run only this extractor (repeatable).")
    @click.option("--disable", multiple=True, help="Do not run this extractor, summarizer or plugin (repeatable).")
    @click.option("--length", help="Summary budget: sentences (3) or words (60w).")
    @click.option("--max-bytes", type=click.IntRange(min=1), help="Largest input accepted, in bytes (default 10 MiB, or $FACTCARDS_MAX_BYTES).")
    @click.option("--strict-plugins", is_flag=True, help="Fail on the first plugin error instead of reporting it.")
    @click.option("--strict-config/--no-strict-config", default=True, show_default=True, help="Refuse settings no plugin declares (else warn).")
    @click.option("--device", type=click.Choice(["cpu", "cuda", "auto"]), help="Where the --summarizer's model runs (its device setting).")
    @plugin_options
    @functools.wraps(command)
    def with_pipeline_options(pm, config, summarizer, extractors, disable, length, max_bytes, strict_plugins, strict_config, device, timeout=None, **kwargs):
        if device and not summarizer:
            fail("--device needs --summarizer (the summarizer whose model it places)", 2)
        options = PipelineOptions(
            config=config, extractors=tuple(extractors) or None, summarizer=summarizer, disable=tuple(disable),
            length=length, device=device, strict_plugins=strict_plugins, strict_config=strict_config,
            max_bytes=max_bytes, timeout=None if own_timeout else timeout, plugins_dirs=tuple(pm.plugins_dirs),
        )
        if own_timeout:
            kwargs["timeout"] = timeout
        return command(pm, options, **kwargs)

    return with_pipeline_options if own_timeout else timeout_option(with_pipeline_options)


timeout_option = click.option(
    "--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
    help="Fail a card that takes longer, naming the plugin that was running (default: no limit).",
)


def build_pipeline(pm, options: PipelineOptions) -> Pipeline:
    """The pipeline for a command, or exit with the one-line reason it cannot be built."""
    try:
        with plugin_output_to_stderr():
            return options.build(pm)
    except FactcardsError as exc:
        fail_on(exc)


def fail_on(exc: FactcardsError) -> None:
    """Exit with ``exc``'s line and exit code; a plugin's failure (``--strict-plugins``) shows its traceback first."""
    if isinstance(exc, PluginError) and exc.__cause__ is not None:
        traceback.print_exception(exc.__cause__, file=sys.stderr)
    fail(str(exc), exc.exit_code)


@cli.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the card here (atomically) instead of stdout.")
@click.option("--format", "fmt", type=click.Choice(["json", "markdown"]), default="json", show_default=True)
@click.option("--input-format", type=click.Choice(FORMATS), default="auto", show_default=True, help="How to read the input.")
@click.option("--published", help="Publication date (ISO 8601); overrides the dateline.")
@pipeline_options
def card(plugin_manager, options, source, output, fmt, input_format, published):
    """Make the fact card of an article (a text, HTML or JSON file, or - for stdin)."""
    try:
        with plugin_output_to_stderr():
            result = make_card_of(plugin_manager, options, source, input_format, published)
            rendered = render_markdown(result) if fmt == "markdown" else result.to_json()
        for diagnostic in result.diagnostics:
            if diagnostic.level != "info":
                click.echo(diagnostic.line(), err=True)
        if output:
            write_atomically(Path(output), rendered + "\n")
        elif sys.stdout is None:  # started with its stdout closed (>&-)
            fail("cannot write the card: standard output is closed (use -o FILE)", EXIT_INPUT)
        else:
            with failing_writes("the card"):
                click.echo(rendered)
                sys.stdout.flush()  # a full disk fails here, not at exit
    except KeyboardInterrupt:
        fail("interrupted", EXIT_INTERRUPTED)


@contextlib.contextmanager
def failing_writes(what: str):
    """A write that fails (a full disk) exits 3 with one line; a reader that went away is click's (exit 1, quietly)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        fail(f"cannot write {what}: {exc.strerror or exc}", EXIT_INPUT)


def make_card_of(pm, options: PipelineOptions, source: str, input_format: str, published: str | None):
    """The card of ``source`` (a path or ``-``), or exit with the one-line reason there is none."""
    pipeline = build_pipeline(pm, options)
    try:
        if source == "-":
            data = read_bytes("-", max_bytes=options.max_bytes)
            return pipeline.card(data, published=published, input_format=input_format, name="standard input")
        return pipeline.card(Path(source), published=published, input_format=input_format, name=source)
    except FactcardsError as exc:  # CardInvalid exits 1, a time limit 5
        fail_on(exc)


def write_atomically(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` via a temporary file in the same folder, so no partial file is ever seen.

    Devices and pipes (``/dev/stdout``, ``/dev/null``) are written directly: they cannot be replaced.
    """
    with failing_writes(path):
        if path.exists() and not path.is_file():
            with path.open("w", encoding="utf-8") as fh:
                fh.write(content)
            return
        directory = path.parent if str(path.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        try:
            os.chmod(tmp, 0o666 & ~_umask())
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(content)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


@cli.command("new-plugin")
@click.argument("name")
@click.option("--dir", "directory", type=click.Path(file_okay=False), default=".", show_default=True, help="Where to create the factcards-NAME folder.")
def new_plugin_command(name, directory):
    """Create an installable plugin package, factcards-NAME, with a working extractor and its tests."""
    from .scaffold import new_plugin

    try:
        root = new_plugin(name, directory)
    except FactcardsError as exc:
        fail(str(exc), exc.exit_code)
    click.echo(f"Created {root}. Next:\n  cd {root}\n  pip install -e '.[test]'\n  factcards plugins\n  python -m pytest")


def _umask() -> int:
    """The process umask (mkstemp makes 0600 files; a card should get the usual permissions)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@plugin_options
def plugins(pm, config, as_json):
    """List installed plugins: version, hooks, status, what each provides and its effective settings."""
    rows = plugin_rows(pm, config)
    for line in pm.load_warnings:
        click.echo(f"factcards: warning load: {line}", err=True)
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        kind = "built-in" if row["builtin"] else "third-party"
        click.echo(f"{row['name']} {row['version'] or '?'} ({kind}) {row['status']}")
        if row["error"]:
            click.echo(f"  error: {row['error']}")
        for key in ("hooks", "extractors", "summarizers", "fact_types"):
            if row[key]:
                click.echo(f"  {key.replace('_', ' ')}: {', '.join(row[key])}")
        for name, settings in row["config"].items():
            if settings:
                click.echo(f"  config {name}: {json.dumps(settings, ensure_ascii=False)}")


@cli.command()
@plugins_dir_option
def schema(plugin_manager):
    """Print the card's JSON Schema, composed with every registered fact type."""
    registry = collect_registry(plugin_manager, [])
    click.echo(json.dumps(registry.schema(), indent=2))


@cli.command()
@click.argument("card_file", metavar="CARD.json")
@plugins_dir_option
def validate(plugin_manager, card_file):
    """Check a card against the schema; exit 1 with a report when it is invalid."""
    try:
        text = decode(read_bytes(card_file), card_file)
        data = json.loads(text)
    except FactcardsError as exc:
        fail(str(exc), exc.exit_code)
    except json.JSONDecodeError as exc:
        fail(f"{card_file} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", EXIT_INPUT)
    except RecursionError:
        fail(f"{card_file} is not valid JSON: it nests too deeply", EXIT_INPUT)
    registry = collect_registry(plugin_manager or make_plugin_manager(), [])
    errors = schema_errors(data, registry.schema())
    errors += grounding_errors(data)
    if errors:
        click.echo(f"{card_file}: invalid ({len(errors)} problem{'s' if len(errors) > 1 else ''})")
        for line in errors:
            click.echo(f"  - {line}")
        sys.exit(EXIT_INVALID)
    click.echo(f"{card_file}: valid")


def grounding_errors(data) -> list[str]:
    """Facts and extractive summary sentences whose text is not what the document holds at their offsets."""
    try:
        text = data["document"]["text"]
        spans = [(f"facts/{i}", fact) for i, fact in enumerate(data["facts"])]
        summary = data.get("summary") or {}
        if summary.get("extractive"):
            spans += [(f"summary/sentences/{i}", s) for i, s in enumerate(summary.get("sentences", []))]
    except (KeyError, TypeError, AttributeError):
        return []
    errors = []
    for where, span in spans:
        try:
            if text[span["start"] : span["end"]] != span["text"]:
                errors.append(f"at {where}: text {span['text']!r} is not at {span['start']}..{span['end']}")
        except (KeyError, TypeError):
            continue
    return errors


def main():
    try:
        with plugin_output_to_stderr():
            pm = _safe_plugin_manager()
            problems: list = []
            if pm is not None:
                call_each(pm, "register_commands", problems, cli=cli)
    except KeyboardInterrupt:
        fail("interrupted", EXIT_INTERRUPTED)
    for problem in problems:
        click.echo(problem.line(), err=True)
    cli(obj=pm)


def _safe_plugin_manager():
    try:
        return make_plugin_manager()
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # the CLI must start even when plugin loading is broken
        click.echo(f"factcards: error: plugins could not be loaded: {exc}", err=True)
        return None
