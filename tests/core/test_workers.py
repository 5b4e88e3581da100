"""factcards.workers: cards in worker processes that a stuck or crashing plugin cannot take down."""

import queue
import textwrap
import time

import pytest

import factcards
from factcards.workers import CardFailed, WorkerPool

# One plugin misbehaving on cue: the article's text says how.
MISCHIEF = textwrap.dedent(
    '''
    import os, signal, sys, time
    import factcards

    def extract(document, config):
        text = document.text
        print("mischief was here")
        if "LOOPS FOREVER" in text:
            while True:
                pass
        if "IGNORES ALARMS" in text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # as code stuck in C would
            time.sleep(60)
        if "EXITS" in text:
            os._exit(3)
        if "SEGFAULTS" in text:
            os.kill(os.getpid(), signal.SIGSEGV)
        if "TAKES A WHILE" in text:
            time.sleep(1.5)
        return []

    @factcards.hookimpl
    def register_extractors(register):
        register(factcards.Extractor("mischief", ("number",), extract))
    '''
)

ARTICLE = "LONDON (Reuters) - The council said on Tuesday it would spend $4.5 million on 12 new buses, up 8% on last year."


def text(cue):
    return f"{ARTICLE} The plan {cue}, officials said."


@pytest.fixture(scope="module")
def options(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plugins")
    (folder / "mischief.py").write_text(MISCHIEF, encoding="utf-8")
    return factcards.PipelineOptions(summarizer="lead", plugins_dirs=(str(folder),))


@pytest.fixture(scope="module")
def pool(options):
    with WorkerPool(options, workers=1, timeout=1.0, grace=1.0) as pool:
        assert pool.wait_ready(60)
        yield pool


def without_timing(card):
    card["generator"].pop("elapsed_ms")
    return card


def test_cards_equal_the_pipelines(pool, options, sample_text):
    pipeline = options.build()
    for source in (sample_text, text("goes ahead"), {"text": ARTICLE, "title": "Buses"}):
        expected = without_timing(pipeline.card(source).to_dict())
        assert without_timing(pool.card(source)) == expected
    published = "2024-03-05"
    assert without_timing(pool.card(ARTICLE, published=published)) == without_timing(pipeline.card(ARTICLE, published=published).to_dict())


def test_a_looping_plugin_times_out_naming_it_and_the_next_card_is_made(pool):
    restarts = pool.health()["restarts"]
    began = time.monotonic()
    with pytest.raises(CardFailed) as failed:
        pool.card(text("LOOPS FOREVER"))
    assert time.monotonic() - began < 1.0 + 1.0 + 0.5
    assert failed.value.kind == "timeout" and failed.value.exit_code == 5
    assert "plugin 'mischief' was running extractor mischief" in failed.value.message
    assert pool.card(text("goes ahead"))["summary"]["method"] == "lead"
    assert pool.health()["restarts"] == restarts + 1  # a fresh worker: the interrupted one may hold half-made state


def test_a_plugin_the_alarm_cannot_stop_gets_its_worker_killed_and_replaced(pool):
    restarts = pool.health()["restarts"]
    with pytest.raises(CardFailed) as failed:
        pool.card(text("IGNORES ALARMS"))
    assert failed.value.kind == "timeout"
    assert "plugin 'mischief' was running extractor mischief" in failed.value.message and "worker was stopped" in failed.value.message
    assert pool.wait_ready(60) and pool.health()["restarts"] == restarts + 1
    assert pool.card(text("goes ahead"))["facts"]


@pytest.mark.parametrize("cue, reason", [("EXITS", "exit code 3"), ("SEGFAULTS", "killed by SIGSEGV")])
def test_a_worker_dying_mid_card_fails_that_card_and_is_replaced(pool, cue, reason):
    restarts = pool.health()["restarts"]
    with pytest.raises(CardFailed) as failed:
        pool.card(text(cue))
    assert failed.value.kind == "plugin" and failed.value.error_type == "WorkerDied"
    assert reason in failed.value.message and "plugin 'mischief' was running extractor mischief" in failed.value.message
    assert pool.wait_ready(60) and pool.health()["restarts"] == restarts + 1
    assert pool.card(text("goes ahead"))["document"]["text"] == text("goes ahead")


def test_errors_keep_their_kind(pool):
    with pytest.raises(CardFailed) as failed:
        pool.card(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert failed.value.to_dict() == {"kind": "input", "type": "InputError", "message": failed.value.message}
    assert "binary" in failed.value.message and failed.value.exit_code == 3


def test_plugin_output_goes_to_stderr(options, capfd):
    with WorkerPool(options, workers=1) as pool:  # started here, so its workers write to the captured streams
        card = pool.card(text("goes ahead"))
    out, err = capfd.readouterr()
    assert card["facts"]
    assert "mischief was here" not in out and "mischief was here" in err


def test_the_queue_is_bounded(options):
    with WorkerPool(options, workers=1, queue_size=1) as pool:
        assert pool.wait_ready(60)
        busy = pool.submit(text("TAKES A WHILE"))
        while pool.health()["busy"] == 0:
            time.sleep(0.01)
        waiting = pool.submit(text("goes ahead"))
        with pytest.raises(queue.Full):
            pool.submit(text("goes ahead"), block=False)
        assert busy.result()["facts"] and waiting.result()["facts"]


def test_close_now_stops_a_stuck_card(options):
    pool = WorkerPool(options, workers=1)  # no time limit: only closing stops it
    assert pool.wait_ready(60)
    stuck = pool.submit(text("IGNORES ALARMS"))
    while pool.health()["busy"] == 0:
        time.sleep(0.01)
    began = time.monotonic()
    pool.close(now=True)
    assert time.monotonic() - began < 5
    with pytest.raises(CardFailed, match="closed"):
        stuck.result()
    assert not pool.ready()
    with pytest.raises(RuntimeError):
        pool.submit(ARTICLE)


def test_options_that_build_no_pipeline_fail_every_card():
    with WorkerPool(factcards.PipelineOptions(summarizer="no-such-summarizer"), workers=1) as pool:
        with pytest.raises(CardFailed) as failed:
            pool.wait_ready(60)
        assert failed.value.kind == "usage" and "no summarizer named 'no-such-summarizer'" in failed.value.message
        assert not pool.ready() and pool.health()["startup_error"] == failed.value.message
        with pytest.raises(CardFailed, match="no summarizer named"):
            pool.card(ARTICLE)
