"""Reading a batch's inputs: JSONL, Parquet, folders and globs, with stable ids and readable errors."""

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from factcards.batch.inputs import content_id, expand_inputs, read_sources
from factcards.errors import InputError

from batch_articles import article, write_jsonl


def records_of(*paths):
    return list(read_sources(expand_inputs([str(p) for p in paths])))


def test_jsonl_records_keep_their_ids_and_fields_and_name_their_line(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [article(0), article(1)])
    first, second = records_of(path)
    assert (first.id, second.id) == ("wire-0000", "wire-0001")
    assert second.where == f"{path}:2"
    assert second.data["desk"] == "business"


def test_an_article_without_id_gets_the_same_id_from_the_same_content_only(tmp_path):
    one = {k: v for k, v in article(3).items() if k != "id"}
    other = {**one, "title": "A different headline"}
    path = write_jsonl(tmp_path / "a.jsonl", [one, other])
    first, second = records_of(path)
    again = records_of(write_jsonl(tmp_path / "b.jsonl", [one]))[0]
    assert first.id.startswith("sha256-") and first.id == again.id
    assert second.id != first.id


def test_integer_ids_become_strings_and_bad_ids_are_errors(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{**article(0), "id": 17}, {**article(1), "id": ["x"]}, {**article(2), "id": " "}])
    number, listed, blank = records_of(path)
    assert number.id == "17" and number.error is None
    assert "'id' must be a non-empty string" in listed.error and listed.data is None
    assert blank.error is not None


def test_a_malformed_line_is_a_record_with_an_error_and_blank_lines_are_skipped(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [article(0), "", '{"id": "cut-off", "text": "Shares', "[1, 2]", article(1)])
    records = records_of(path)
    assert [r.error is None for r in records] == [True, False, False, True]
    assert records[1].where == f"{path}:3" and "not a JSON object" in records[1].error
    assert "must be an object, not list" in records[2].error
    assert records[1].id == content_id('{"id": "cut-off", "text": "Shares\n')


def test_a_line_nested_too_deeply_is_a_record_with_an_error(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", ['{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}", article(1)])
    deep, fine = records_of(path)
    assert deep.where == f"{path}:1" and "not a JSON object" in deep.error
    assert fine.id == "wire-0001" and fine.error is None


def test_a_folder_is_read_recursively_with_relative_paths_as_ids(tmp_path):
    (tmp_path / "news" / "2026").mkdir(parents=True)
    (tmp_path / "news" / "a.txt").write_text(article(0)["text"])
    (tmp_path / "news" / "2026" / "b.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "news" / "2026" / "c.json").write_text(json.dumps(article(1)))
    (tmp_path / "news" / "notes.md").write_text("not an article")
    records = records_of(tmp_path / "news")
    assert [r.id for r in records] == ["2026/b.html", "2026/c.json", "a.txt"]
    assert isinstance(records[2].data, bytes)


def test_parquet_rows_are_records_with_dates_as_iso_strings(tmp_path):
    from datetime import datetime

    rows = [{**article(n), "published": datetime(2026, 7, 1 + n, 9, 30)} for n in range(3)]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "a.parquet")
    records = records_of(tmp_path / "a.parquet")
    assert [r.id for r in records] == ["wire-0000", "wire-0001", "wire-0002"]
    assert records[1].data["published"] == "2026-07-02T09:30:00"
    assert records[2].where == f"{tmp_path / 'a.parquet'}#2"


def test_several_inputs_and_globs_in_a_stable_order(tmp_path):
    for name, n in (("b.jsonl", 1), ("a.jsonl", 0), ("c.jsonl", 2)):
        write_jsonl(tmp_path / name, [article(n)])
    records = records_of(tmp_path / "c.jsonl", tmp_path / "[ab].jsonl")
    assert [r.id for r in records] == ["wire-0002", "wire-0000", "wire-0001"]


@pytest.mark.parametrize("name", ["missing.jsonl", "*.nothing", "notes.csv"])
def test_an_input_that_names_nothing_readable_is_refused(tmp_path, name):
    (tmp_path / "notes.csv").write_text("a,b\n")
    with pytest.raises(InputError):
        expand_inputs([str(tmp_path / name)])


def test_uris_are_read_through_pyarrow_filesystems_and_remote_folders_listed(tmp_path):
    (tmp_path / "archive" / "2026").mkdir(parents=True)
    write_jsonl(tmp_path / "archive" / "2026" / "b.jsonl", [article(1)])
    pq.write_table(pa.Table.from_pylist([article(0)]), tmp_path / "archive" / "a.parquet")
    (tmp_path / "archive" / "readme.txt").write_text("not read from a remote folder")
    records = records_of(f"file://{tmp_path}/archive")
    assert [r.id for r in records] == ["wire-0001", "wire-0000"]  # sorted by path: 2026/b.jsonl, a.parquet
    assert records[0].where == f"file://{tmp_path}/archive/2026/b.jsonl:1"
    with pytest.raises(InputError, match="no such file"):
        expand_inputs([f"file://{tmp_path}/missing.jsonl"])


def test_a_folder_file_past_the_size_limit_is_an_error_record_not_read_whole(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "big.txt").write_text("Word " * 400)
    (tmp_path / "news" / "small.txt").write_text("A short wire story.")
    big, small = list(read_sources(expand_inputs([str(tmp_path / "news")]), max_bytes=1000))
    assert big.data is None and "larger than the 1000-byte limit" in big.error
    assert small.data == b"A short wire story."


def test_a_file_named_twice_is_read_once(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [article(0)])
    write_jsonl(tmp_path / "b.jsonl", [article(1)])
    records = records_of(tmp_path / "a.jsonl", tmp_path / "*.jsonl")
    assert [r.id for r in records] == ["wire-0000", "wire-0001"]


def test_a_parquet_file_that_cannot_be_read_is_one_record_with_an_error_and_the_rest_is_read(tmp_path):
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 this is no Parquet file")
    good = tmp_path / "good.parquet"
    pq.write_table(pa.table({"id": ["p-0"], "text": ["The council met on Monday."]}), good)
    truncated = tmp_path / "truncated.parquet"
    truncated.write_bytes(good.read_bytes()[:-12])  # its footer cut off, as by a copy that died
    failed, carded, cut = records_of(broken, good, truncated)
    assert failed.where == f"{broken}#0" and failed.error.startswith(f"{broken}#0: not readable as Parquet (")
    assert failed.id == records_of(broken)[0].id  # the same id in every run: the next one skips it
    assert carded.id == "p-0" and carded.error is None
    assert cut.where == f"{truncated}#0" and "not readable as Parquet" in cut.error
