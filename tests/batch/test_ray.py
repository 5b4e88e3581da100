"""The Ray engine on a local Ray (ray.init(num_cpus=2)): its output equals the local engine's for the same input.

Ray takes several seconds to start on two cores, so there is one Ray run, on a local Ray started once.
"""

import json

import pytest

from batch_articles import article, without_timing, write_jsonl
from factcards import PipelineOptions
from factcards.batch import read_cards, read_errors, run

ray = pytest.importorskip("ray")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

LEAD = PipelineOptions(summarizer="lead")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Ray's own, about its own settings


@pytest.fixture(scope="module")
def local_ray():
    import logging

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """A JSONL file with a malformed line and a repeated id, a Parquet file and a folder of articles."""
    folder = tmp_path_factory.mktemp("ray-inputs")
    records = [article(n) for n in range(30)]
    records[10:10] = ['{"id": "torn']
    records.append({**article(31), "id": "wire-0003"})
    jsonl = write_jsonl(folder / "a.jsonl", records)
    pq.write_table(pa.Table.from_pylist([article(n) for n in range(40, 52)]), folder / "b.parquet")
    (folder / "files").mkdir()
    for n in range(60, 63):
        (folder / "files" / f"{n}.txt").write_text(article(n)["text"])
    return [str(jsonl), str(folder / "b.parquet"), str(folder / "files")]


def test_ray_output_equals_the_local_engines_and_it_resumes_where_the_local_engine_stopped(local_ray, inputs, tmp_path):
    """One Ray run (Ray is slow to start here): it finishes a job whose first chunk the local engine committed."""
    local = run(inputs, tmp_path / "local", LEAD, workers=0, chunk_size=10, progress="off")
    run(inputs[:1], tmp_path / "ray", LEAD, workers=0, chunk_size=10, progress="off")
    for number in (1, 2, 3):  # as if killed after the first chunk
        (tmp_path / "ray" / "cards" / f"part-00000{number}.jsonl").unlink()
    on_ray = run(inputs, tmp_path / "ray", LEAD, engine="ray", ray_actors=2, chunk_size=10, batch_size=4, progress="off")
    assert (local.cards, local.errors) == (45, 2)
    assert (on_ray.skipped, on_ray.cards + on_ray.errors) == (10, 37)
    assert [without_timing(c) for c in read_cards(tmp_path / "ray")] == [without_timing(c) for c in read_cards(tmp_path / "local")]
    assert read_errors(tmp_path / "ray") == read_errors(tmp_path / "local")
    assert sorted(p.name for p in (tmp_path / "ray" / "cards").iterdir()) == sorted(p.name for p in (tmp_path / "local" / "cards").iterdir())
    manifest = json.loads((tmp_path / "ray" / "manifest.json").read_text())
    assert [r["engine"] for r in manifest["runs"]] == ["local", "ray"]
    assert manifest["complete"] and manifest["counts"] == {"records": 47, "cards": 45, "errors": 2}
