"""The ``factcards batch`` command."""

from __future__ import annotations

import sys

import click

from ..cli import fail, pipeline_options
from ..errors import FactcardsError
from .runner import DEFAULT_BATCH_SIZE, DEFAULT_CHUNK_SIZE, run

EXIT_FAILED_RECORDS = 1
EXIT_INPUT = 3
EXIT_INTERRUPTED = 130


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", "out", required=True, type=click.Path(file_okay=False), help="The output folder (created; a second run in it resumes).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet"]), default="jsonl", show_default=True, help="Cards as JSONL chunks, or a Parquet cards dataset plus a flat facts table.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True, help="Local worker processes, or Ray Data (pip install 'factcards[ray]').")
@click.option("--workers", type=click.IntRange(min=0), help="Local worker processes (default: the cores; 0: in this process).")
@click.option("--chunk-size", type=click.IntRange(min=1), default=DEFAULT_CHUNK_SIZE, show_default=True, help="Records per committed output chunk.")
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE, show_default=True, help="Articles a worker cards (and summarizes) together.")
@click.option("--resume", is_flag=True, help="Insist on finishing an earlier run in OUT (running the same command again resumes anyway). Failed records are not retried: --overwrite cards everything again.")
@click.option("--overwrite", is_flag=True, help="Delete an earlier run's outputs in OUT and start again.")
@click.option("--progress", type=click.Choice(["auto", "bar", "lines", "off"]), default="auto", show_default=True, help="A bar on a terminal, periodic lines otherwise.")
@click.option("--ray-address", help="The Ray cluster to join (default: $RAY_ADDRESS, or a local Ray).")
@click.option("--ray-actors", type=click.IntRange(min=1), help="Ray actors, each with its own pipeline (default: the cluster's CPUs).")
@pipeline_options
def batch(plugin_manager, options, inputs, out, fmt, engine, workers, chunk_size, batch_size, resume, overwrite, progress, ray_address, ray_actors):
    """Card every article of INPUT... (JSONL, Parquet, folders of .txt/.html/.json files, globs) into OUT.

    Exit 0 when every record was carded, 1 when some went to OUT/errors.jsonl,
    130 when Ctrl-C stopped it (what was finished is committed: run it again to go on).
    """
    if resume and overwrite:
        fail("--resume and --overwrite exclude each other", 2)
    try:
        result = run(
            inputs, out, options, format=fmt, engine=engine, workers=workers, chunk_size=chunk_size, batch_size=batch_size,
            resume=resume, overwrite=overwrite, progress=progress, ray_address=ray_address, ray_actors=ray_actors,
        )
    except FactcardsError as exc:
        fail(str(exc), exc.exit_code)
    except OSError as exc:  # OUT cannot be made or written (a file in the way, a full disk), an input vanished
        fail(f"{exc.filename or out}: {exc.strerror or exc}", EXIT_INPUT)
    counts = result.manifest["counts"]
    state = "interrupted" if result.interrupted else "done"
    click.echo(
        f"batch {state}: {_count(result.cards, 'card')} and {_count(result.errors, 'error')} now ({result.rate:.1f} articles/s), "
        f"{result.skipped} already done; {out} holds {_count(counts['cards'], 'card')} and {_count(counts['errors'], 'error')}",
        err=True,
    )
    if result.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    if counts["errors"]:
        sys.exit(EXIT_FAILED_RECORDS)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
