"""factcards.batch.run and the batch command: outputs, errors, manifest, resuming, order."""

import json
import sys

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from batch_articles import article, without_timing, write_jsonl
from factcards import PipelineOptions
from factcards.batch import BatchError, read_cards, read_errors, run
from factcards.cli import cli

LEAD = PipelineOptions(summarizer="lead")


def lead_run(inputs, out, **kwargs):
    kwargs.setdefault("workers", 0)
    kwargs.setdefault("progress", "off")
    return run([str(i) for i in inputs], out, LEAD, **kwargs)


def test_every_article_gets_a_card_with_its_id_first_and_its_other_fields(tmp_path, articles):
    source = write_jsonl(tmp_path / "in.jsonl", articles)
    result = lead_run([source], tmp_path / "out", chunk_size=5)
    cards = read_cards(tmp_path / "out")
    assert [c["id"] for c in cards] == [a["id"] for a in articles]
    assert all(next(iter(c)) == "id" for c in cards)
    assert cards[3]["fields"] == {"desk": "business"}
    assert cards[3]["document"]["published"] == articles[3]["published"]
    text = cards[3]["document"]["text"]
    assert cards[3]["facts"] and all(text[f["start"] : f["end"]] == f["text"] for f in cards[3]["facts"])
    assert (result.cards, result.errors) == (12, 0)
    assert len(list((tmp_path / "out" / "cards").glob("part-*.jsonl"))) == 3


def test_bad_records_go_to_errors_and_the_rest_is_carded(tmp_path, articles):
    records = [articles[0], '{"id": "torn', {"id": "no-text", "title": "Nothing here"}, articles[1], {**articles[2], "id": "wire-0000"}]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    result = lead_run([source], tmp_path / "out")
    assert [c["id"] for c in read_cards(tmp_path / "out")] == ["wire-0000", "wire-0001"]
    errors = read_errors(tmp_path / "out")
    assert [e["where"] for e in errors] == [f"{source}:{n}" for n in (2, 3, 5)]
    assert "not a JSON object" in errors[0]["reason"]
    assert 'needs a non-empty string "text"' in errors[1]["reason"]
    assert errors[2]["id"] == "wire-0000" and f"duplicate id 'wire-0000' (first at {source}:1)" in errors[2]["reason"]
    assert all("\n" not in e["reason"] for e in errors)
    assert (result.cards, result.errors) == (2, 3)


def test_a_date_error_names_its_record_like_the_other_errors(tmp_path, articles):
    page = "<html><body><article><p>" + articles[1]["text"] + "</p></article></body></html>"
    records = [{**articles[0], "published": "last Tuesday"}, {"id": "page", "html": page, "published": "soon"}, {**articles[2], "published": 5}]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    lead_run([source], tmp_path / "out")
    assert [e["reason"] for e in read_errors(tmp_path / "out")] == [
        f"{source}:1: JSON field 'published': cannot read 'last Tuesday' as a date (use ISO 8601, e.g. 2022-02-15 or 2022-02-15T12:57)",
        f"{source}:2: JSON field 'published': cannot read 'soon' as a date (use ISO 8601, e.g. 2022-02-15 or 2022-02-15T12:57)",
        f"{source}:3: JSON field 'published' must be a string",
    ]


def test_a_resume_does_not_retry_failed_records_and_its_help_says_so(tmp_path, articles):
    source = write_jsonl(tmp_path / "in.jsonl", [articles[0], {"id": "no-text", "title": "Nothing here"}, articles[1]])
    lead_run([source], tmp_path / "out")
    again = lead_run([source], tmp_path / "out", resume=True)
    assert (again.cards, again.errors, again.skipped) == (0, 0, 3)
    assert [e["id"] for e in read_errors(tmp_path / "out")] == ["no-text"]
    assert again.manifest["counts"] == {"records": 3, "cards": 2, "errors": 1}
    help_text = " ".join(CliRunner().invoke(cli, ["batch", "--help"]).output.split())
    assert "Failed records are not retried: --overwrite cards everything again." in help_text


def test_the_manifest_names_inputs_options_versions_and_counts(tmp_path, articles):
    source = write_jsonl(tmp_path / "in.jsonl", articles + ["{"])
    result = lead_run([source], tmp_path / "out")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest == result.manifest
    assert manifest["inputs"] == [str(source)]
    assert manifest["job"]["options"]["summarizer"] == "lead" and manifest["summarizer"] == "lead"
    assert manifest["plugins"]["money"] and manifest["factcards"]
    assert manifest["counts"] == {"records": 13, "cards": 12, "errors": 1}
    assert manifest["complete"] is True and manifest["runs"][-1]["stopped"] == "done"


def test_parquet_output_is_a_cards_dataset_and_a_flat_facts_table(tmp_path, articles):
    source = write_jsonl(tmp_path / "in.jsonl", articles)
    lead_run([source], tmp_path / "out", format="parquet", chunk_size=5)
    cards = pq.read_table(tmp_path / "out" / "cards").to_pylist()
    facts = pq.read_table(tmp_path / "out" / "facts").to_pylist()
    assert sorted(c["id"] for c in cards) == sorted(a["id"] for a in articles)
    full = {c["id"]: json.loads(c["card"]) for c in cards}
    assert len(facts) == sum(len(card["facts"]) == c["facts"] and c["facts"] for c, card in zip(cards, full.values()))
    for fact in facts:
        text = full[fact["article_id"]]["document"]["text"]
        assert text[fact["start"] : fact["end"]] == fact["text"]
        assert isinstance(json.loads(fact["value"]), dict)
    money = [f for f in facts if f["type"] == "money" and f["article_id"] == "wire-0004"]
    assert json.loads(money[0]["value"])["currency"] == "USD"


def test_a_second_run_skips_what_is_done_and_finishes_the_rest(tmp_path, articles):
    first = write_jsonl(tmp_path / "first.jsonl", articles[:7])
    lead_run([first], tmp_path / "out", chunk_size=3)
    everything = write_jsonl(tmp_path / "all.jsonl", articles)
    again = lead_run([everything], tmp_path / "out", chunk_size=3)
    assert (again.skipped, again.cards) == (7, 5)
    assert [c["id"] for c in read_cards(tmp_path / "out")] == [a["id"] for a in articles]


def test_an_unfinished_chunk_is_removed_and_carded_again(tmp_path, articles):
    source = write_jsonl(tmp_path / "in.jsonl", articles)
    lead_run([source], tmp_path / "out", chunk_size=4)
    (tmp_path / "out" / "cards" / "part-000002.jsonl").unlink()  # as if killed between the index and the cards part
    (tmp_path / "out" / "cards" / ".part-000002.jsonl.x.tmp").write_text('{"id": "half')
    result = lead_run([source], tmp_path / "out", chunk_size=4, resume=True)
    assert (result.skipped, result.cards) == (8, 4)
    assert [c["id"] for c in read_cards(tmp_path / "out")] == [a["id"] for a in articles]
    assert not list((tmp_path / "out").rglob("*.tmp"))


def test_a_duplicate_whose_first_copy_was_committed_earlier_is_still_reported(tmp_path, articles):
    source = write_jsonl(tmp_path / "in.jsonl", articles[:3] + [articles[0]])
    lead_run([source], tmp_path / "out", chunk_size=3)
    (tmp_path / "out" / "cards" / "part-000001.jsonl").unlink()
    lead_run([source], tmp_path / "out", chunk_size=3)
    errors = read_errors(tmp_path / "out")
    assert [(e["id"], e["where"]) for e in errors] == [("wire-0000", f"{source}:4")]
    assert len(read_cards(tmp_path / "out")) == 3


def test_other_options_in_the_same_folder_are_refused_unless_overwritten(tmp_path, articles):
    source = write_jsonl(tmp_path / "in.jsonl", articles[:2])
    lead_run([source], tmp_path / "out")
    with pytest.raises(BatchError, match="other options"):
        run([str(source)], tmp_path / "out", PipelineOptions(summarizer="lead", length=1), workers=0, progress="off")
    result = run([str(source)], tmp_path / "out", PipelineOptions(summarizer="lead", length=1), workers=0, progress="off", overwrite=True)
    assert result.cards == 2 and len(read_cards(tmp_path / "out")[0]["summary"]["sentences"]) == 1
    with pytest.raises(BatchError, match="nothing to resume"):
        lead_run([source], tmp_path / "elsewhere", resume=True)


def test_output_order_is_input_order_whatever_the_worker_count(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [article(n) for n in range(40)] + ["not json"])
    lead_run([source], tmp_path / "one", batch_size=3, chunk_size=7)
    lead_run([source], tmp_path / "two", batch_size=3, chunk_size=7, workers=2)
    assert [without_timing(c) for c in read_cards(tmp_path / "two")] == [without_timing(c) for c in read_cards(tmp_path / "one")]
    assert read_errors(tmp_path / "two") == read_errors(tmp_path / "one")


def test_the_command_exits_1_when_a_record_failed_and_prints_progress_lines(tmp_path, articles):
    source = write_jsonl(tmp_path / "in.jsonl", articles[:3] + ["{"])
    runner = CliRunner()
    result = runner.invoke(cli, ["batch", str(source), "-o", str(tmp_path / "out"), "--summarizer", "lead", "--workers", "0"])
    assert result.exit_code == 1, result.output
    assert "batch: 4/4 articles" in result.output and "1 failed" in result.output
    assert "holds 3 cards and 1 error" in result.output
    again = runner.invoke(cli, ["batch", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "clean"), "--summarizer", "lead", "--workers", "0", "--progress", "off"])
    assert again.exit_code == 1  # the same failing record


def test_the_command_exits_0_when_all_were_carded_and_2_on_a_bad_option(tmp_path, articles):
    source = write_jsonl(tmp_path / "in.jsonl", articles[:2])
    runner = CliRunner()
    ok = runner.invoke(cli, ["batch", str(source), "-o", str(tmp_path / "out"), "--summarizer", "lead", "--workers", "0", "--progress", "off"])
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(cli, ["batch", str(source), "-o", str(tmp_path / "other"), "--summarizer", "nosuch", "--workers", "0"])
    assert bad.exit_code == 2 and "no summarizer named 'nosuch'" in bad.output
    missing = runner.invoke(cli, ["batch", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "x")])
    assert missing.exit_code == 3


def test_a_setting_of_the_wrong_type_is_one_line_exit_2_before_out_is_made(tmp_path, articles):
    source = write_jsonl(tmp_path / "in.jsonl", articles[:1])
    result = CliRunner().invoke(cli, ["batch", str(source), "-o", str(tmp_path / "out"), "--summarizer", "lead", "--workers", "0", "-s", "money.default_dollar=5"])
    assert result.exit_code == 2
    assert result.stderr == 'factcards: error: setting money.default_dollar=5: expected an ISO 4217 code in capitals, like USD or CAD (default "USD")\n'
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_cannot_be_made_is_one_line_exit_3(tmp_path, articles):
    source = write_jsonl(tmp_path / "in.jsonl", articles[:2])
    out = source / "out"  # under a file: no folder can be made there
    result = CliRunner().invoke(cli, ["batch", str(source), "-o", str(out), "--summarizer", "lead", "--workers", "0", "--progress", "off"])
    assert result.exit_code == 3
    assert result.stderr == f"factcards: error: {out}: Not a directory\n"


def test_the_ray_engine_without_ray_says_how_to_install_it(tmp_path, articles, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)
    source = write_jsonl(tmp_path / "in.jsonl", articles[:1])
    result = CliRunner().invoke(cli, ["batch", str(source), "-o", str(tmp_path / "out"), "--summarizer", "lead", "--engine", "ray"])
    assert result.exit_code == 2
    assert "pip install 'factcards[ray]'" in result.output and len(result.output.strip().splitlines()) == 1


STALLING_PLUGIN = '''
import os
import time

from factcards import Extractor, hookimpl


@hookimpl
def register_extractors(register):
    register(Extractor("stall", ("number",), extract))


def extract(document, config):
    while "STALL" in document.text:  # swallows every alarm: only killing the worker stops it
        try:
            time.sleep(60)
        except BaseException:
            pass
    if "CRASH" in document.text:
        os._exit(9)
    return []
'''


def test_under_a_time_limit_a_stuck_or_dying_worker_costs_only_its_record(tmp_path, articles):
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "stall.py").write_text(STALLING_PLUGIN)
    stuck = {**articles[1], "text": articles[1]["text"] + "\n\nSTALL"}
    crash = {**articles[2], "text": articles[2]["text"] + "\n\nCRASH"}
    source = write_jsonl(tmp_path / "in.jsonl", [articles[0], stuck, crash, articles[3]])
    options = PipelineOptions(summarizer="lead", timeout=1.0, plugins_dirs=(str(tmp_path / "plugins"),))
    result = run([str(source)], tmp_path / "out", options, workers=1, progress="off")
    assert [c["id"] for c in read_cards(tmp_path / "out")] == ["wire-0000", "wire-0003"]
    stuck_error, crash_error = read_errors(tmp_path / "out")
    assert stuck_error["id"] == "wire-0001" and "1 s time limit" in stuck_error["reason"] and "'stall'" in stuck_error["reason"]
    assert crash_error["id"] == "wire-0002"
    assert result.seconds < 60


def test_a_parquet_chunk_left_unfinished_leaves_no_facts_behind(tmp_path, articles):
    source = write_jsonl(tmp_path / "in.jsonl", articles)
    lead_run([source], tmp_path / "out", format="parquet", chunk_size=5)
    facts_before = pq.read_table(tmp_path / "out" / "facts").num_rows
    (tmp_path / "out" / "cards" / "part-000002.parquet").unlink()  # killed after the facts part, before the cards part
    result = lead_run([source], tmp_path / "out", format="parquet", chunk_size=5)
    assert (result.skipped, result.cards) == (10, 2)
    assert pq.read_table(tmp_path / "out" / "facts").num_rows == facts_before
    assert sorted(pq.read_table(tmp_path / "out" / "cards").column("id").to_pylist()) == sorted(a["id"] for a in articles)


def test_a_second_batch_into_a_folder_in_use_is_refused(tmp_path, articles):
    from factcards.batch.outputs import OutputDir

    source = write_jsonl(tmp_path / "in.jsonl", articles[:1])
    held = OutputDir(tmp_path / "out").lock()
    try:
        with pytest.raises(BatchError, match="another batch is writing"):
            lead_run([source], tmp_path / "out")
    finally:
        held.close()
    assert lead_run([source], tmp_path / "out").cards == 1


FAILING_PLUGIN = '''
from factcards import Extractor, hookimpl


@hookimpl
def register_extractors(register):
    register(Extractor("fragile", ("number",), extract))


def extract(document, config):
    if "Quillon" in document.text:
        raise ValueError("cannot read this freight story")
    return []
'''


def test_under_strict_plugins_a_plugin_error_is_that_records_error_and_the_batch_goes_on(tmp_path, articles):
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "fragile.py").write_text(FAILING_PLUGIN)
    source = write_jsonl(tmp_path / "in.jsonl", articles[:4])  # the second is about Quillon Freight
    options = PipelineOptions(summarizer="lead", strict_plugins=True, plugins_dirs=(str(tmp_path / "plugins"),))
    result = run([str(source)], tmp_path / "out", options, workers=0, progress="off", batch_size=4)
    assert [c["id"] for c in read_cards(tmp_path / "out")] == ["wire-0000", "wire-0002", "wire-0003"]
    (error,) = read_errors(tmp_path / "out")
    assert error["id"] == "wire-0001" and "fragile" in error["reason"] and "cannot read this freight story" in error["reason"]
    assert result.errors == 1


def test_without_a_time_limit_a_dying_worker_hands_the_rest_of_the_run_to_guarded_workers(tmp_path, capfd):
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins" / "stall.py").write_text(STALLING_PLUGIN)
    records = [article(n) for n in range(10)]
    records[4] = {**records[4], "text": records[4]["text"] + "\n\nCRASH"}
    source = write_jsonl(tmp_path / "in.jsonl", records)
    options = PipelineOptions(summarizer="lead", plugins_dirs=(str(tmp_path / "plugins"),))
    result = run([str(source)], tmp_path / "out", options, workers=1, batch_size=3, progress="off")
    assert [c["id"] for c in read_cards(tmp_path / "out")] == [r["id"] for r in records if r is not records[4]]
    (error,) = read_errors(tmp_path / "out")
    assert error["id"] == "wire-0004" and "worker process died" in error["reason"]
    assert (result.cards, result.errors, result.interrupted) == (9, 1, False)
    assert "goes on in guarded workers" in capfd.readouterr().err


def test_a_bad_size_limit_variable_is_refused_before_the_output_folder_is_touched(tmp_path, articles, monkeypatch):
    from factcards.errors import InputError

    source = write_jsonl(tmp_path / "in.jsonl", articles[:2])
    monkeypatch.setenv("FACTCARDS_MAX_BYTES", "-5")
    with pytest.raises(InputError, match="FACTCARDS_MAX_BYTES must be a positive whole number"):
        lead_run([source], tmp_path / "out")
    assert not (tmp_path / "out").exists()  # not a job whose every record failed, skipped by the next run
