"""The ``minilm`` summarizer: real MiniLM embeddings on the bundled sample and on built documents."""

import subprocess
import sys

import numpy as np
import pytest

import factcards
from factcards_plugins.summarizers import minilm

pytest.importorskip("torch")
pytest.importorskip("transformers")


@pytest.fixture(scope="session")
def minilm_card(sample_path):
    """The sample's card with the default summarizer (loads MiniLM once for the session)."""
    return factcards.make_card(sample_path)


def prepared(text: str) -> factcards.Document:
    """A document cleaned by the built-in cleaners and segmented, as ``make_card`` prepares it."""
    document = factcards.Document(text)
    factcards.make_plugin_manager(entry_points=False).hook.prepare_document(document=document)
    document.segment()
    return document


def test_minilm_is_the_default_when_installed(minilm_card):
    assert minilm_card.summary.method == "minilm"
    assert minilm_card.generator["summarizer"]["name"] == "minilm"
    assert minilm_card.summary.model["id"].endswith("all-MiniLM-L6-v2")
    assert not [d for d in minilm_card.diagnostics if d.level == "error"]


def test_summary_is_three_body_sentences_in_order_with_offsets(minilm_card):
    summary = minilm_card.summary
    text = minilm_card.document["text"]
    assert summary.extractive and len(summary.sentences) == 3
    starts = [s.start for s in summary.sentences]
    assert starts == sorted(starts)
    for sentence in summary.sentences:
        assert text[sentence.start : sentence.end] == sentence.text


def test_summary_never_takes_excluded_or_repeated_sentences(sample_path):
    document = prepared(sample_path.read_text(encoding="utf-8"))
    excluded = {(s.start, s.end) for s in document.sentences if s.excluded}
    assert excluded, "the sample has chrome and captions to avoid"
    summary = minilm.summarize(document, [], {"sentences": 12})
    spans = [(s.start, s.end) for s in summary.sentences]
    assert len(spans) == 12 and not set(spans) & excluded
    assert len({" ".join(s.text.split()) for s in summary.sentences}) == 12


def test_a_repeated_sentence_is_a_candidate_once():
    body = "The council approved the new budget for the city library on Monday evening."
    document = prepared(f"{body}\n{body}\nResidents said the vote came after a long public debate about costs.")
    candidates = minilm.candidate_sentences(document)
    assert [c.text for c in candidates].count(body) == 1
    summary = minilm.summarize(document, [], {"sentences": 3})
    assert [s.text for s in summary.sentences].count(body) == 1


@pytest.mark.parametrize("length, sentences, words", [("1", 1, None), ("2", 2, None), ("40w", None, 40)])
def test_length_budget_holds(sample_path, length, sentences, words):
    card = factcards.make_card(sample_path, length=length)
    chosen = card.summary.sentences
    if sentences:
        assert len(chosen) == sentences
    else:
        assert chosen and (len(chosen) == 1 or sum(len(s.text.split()) for s in chosen) <= words)


def test_summary_speaks_to_the_articles_main_story(minilm_card):
    """The article is about Russia keeping talks open; its opening sentence says so."""
    assert "held the door open" in minilm_card.summary.sentences[0].text


def test_sentences_outside_the_length_window_are_skipped_when_others_remain():
    short = "Talks resumed."
    document = prepared(
        f"{short} Officials from both sides met in Geneva for six hours of negotiations. "
        "They agreed to meet again next week to discuss the remaining border questions. "
        "Diplomats described the mood in the room as constructive but cautious overall."
    )
    assert short not in [c.text for c in minilm.candidate_sentences(document, needed=3)]
    assert short in [c.text for c in minilm.candidate_sentences(document, needed=4)]


def test_position_prior_and_forward_centrality_shape_the_scores():
    """With no similarity signal the lead prior decides; forward similarity lifts a sentence."""
    config = {**minilm.DEFAULT_CONFIG}
    flat = np.eye(4)
    scores = minilm.sentence_scores(flat, config)
    assert list(np.argsort(-scores)) == [0, 1, 2, 3]
    # The last sentence resembles the two before it: forward centrality lifts those two above it.
    linked = np.eye(4)
    linked[1, 3] = linked[3, 1] = linked[2, 3] = linked[3, 2] = 0.9
    lifted = minilm.sentence_scores(linked, {**config, "position_weight": 0.0})
    assert lifted[1] > lifted[3] and lifted[2] > lifted[3]


def test_mmr_skips_a_near_duplicate():
    similarity = np.array([[1.0, 0.98, 0.1], [0.98, 1.0, 0.1], [0.1, 0.1, 1.0]])
    scores = np.array([1.0, 0.95, 0.6])
    assert minilm.pick_by_mmr(scores, similarity, [10, 10, 10], 2, None, 0.5) == [0, 2]
    assert minilm.pick_by_mmr(scores, similarity, [10, 10, 10], 2, None, 0.0) == [0, 1]


def test_batched_summaries_match_one_at_a_time(sample_path):
    documents = [prepared(sample_path.read_text(encoding="utf-8")), prepared(
        "The river flooded the valley overnight. Rescue teams evacuated two hundred residents by boat. "
        "Forecasters expect more rain through the weekend across the region."
    )]
    together = minilm.summarize_many(documents, {})
    alone = [minilm.summarize(d, [], {}) for d in documents]
    assert [s.text for s in together] == [s.text for s in alone]


def test_an_empty_body_gives_an_empty_summary():
    document = factcards.Document("Download this app today.\nSearch Trends for more news.")
    document.mark(0, len(document.text), "chrome")
    document.segment()
    assert minilm.summarize(document, [], {}).sentences == []


def test_available_checks_without_importing_torch():
    code = (
        "import sys; from factcards_plugins.summarizers import minilm; "
        "assert minilm.available(); "
        "assert 'torch' not in sys.modules and 'transformers' not in sys.modules, 'imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_model_directory_is_inside_the_installed_package():
    from factcards_plugins.summarizers import embedding as _embedding

    path = _embedding.model_dir()
    assert (path / "model.safetensors").is_file() and (path / "tokenizer.json").is_file()


def test_only_the_first_candidates_are_considered():
    sentences = [f"Report number {n} describes the flooding along the river in some detail today." for n in range(1, 21)]
    document = prepared(" ".join(sentences))
    config = {**minilm.DEFAULT_CONFIG, "max_candidates": 5}
    pool = minilm.candidate_pool(document, config)
    assert [s.text for s in pool] == sentences[:5]
    assert len(minilm.candidate_pool(document, {**config, "sentences": 8})) == 8
    chosen = minilm.summarize(document, [], {"max_candidates": 5, "sentences": 3}).sentences
    assert {s.text for s in chosen} <= set(sentences[:5])


def test_packed_embeddings_equal_transformers_own_bert():
    """The torch-only forward pass gives the vectors transformers' BertModel gives (to float rounding)."""
    transformers = pytest.importorskip("transformers")
    from factcards_plugins.summarizers import embedding as _embedding

    texts = [
        "Ottawa is loaning Kyiv $490 million.",
        "Russia's foreign minister said there is always a chance for diplomacy with the West on security.",
        "Yes.",
        "A very long sentence " + "with many words " * 40,
    ]
    encoder = _embedding.encoder(quantize=False)
    packed = encoder.embed(texts, max_tokens=128)
    path = str(_embedding.model_dir())
    tokenizer = transformers.AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = transformers.AutoModel.from_pretrained(path, local_files_only=True).eval()
    batch = tokenizer(texts, padding=True, truncation=True, max_length=128, return_tensors="pt")
    assert [row[: int(n)] for row, n in zip(batch["input_ids"].tolist(), batch["attention_mask"].sum(1))] == (
        encoder.token_rows(texts, 128)
    )
    import torch

    with torch.inference_mode():
        hidden = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        reference = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=1).numpy()
    assert packed.shape == (4, 384)
    np.testing.assert_allclose(packed, reference, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(packed, axis=1), 1.0, atol=1e-5)


def test_token_rows_are_cut_to_the_budget_with_the_separator_kept():
    from factcards_plugins.summarizers import embedding as _embedding

    encoder = _embedding.encoder()
    long_text = "The committee met again " * 20
    full, cut = encoder.token_rows([long_text], 512)[0], encoder.token_rows([long_text], 10)[0]
    assert len(full) > 10 and len(cut) == 10
    assert cut[:9] == full[:9] and cut[-1] == full[-1]
    assert encoder.token_rows(["Short one."], 10)[0] == encoder.token_rows(["Short one."], 512)[0]


def test_another_architecture_is_refused_by_name():
    from factcards_plugins.summarizers import bert

    with pytest.raises(bert.UnsupportedModel, match="model_type='t5'"):
        bert.check_supported({"model_type": "t5", "hidden_act": "gelu"})
    with pytest.raises(bert.UnsupportedModel, match="relative_key"):
        bert.check_supported({"model_type": "bert", "hidden_act": "gelu", "position_embedding_type": "relative_key"})
    bert.check_supported({"model_type": "bert", "hidden_act": "gelu"})


def test_minilm_runs_without_transformers_and_writes_no_environment(sample_path):
    code = (
        "import os, sys, factcards\n"
        "before = dict(os.environ)\n"
        f"card = factcards.make_card({str(sample_path)!r})\n"
        "assert card.summary.method == 'minilm', card.summary.method\n"
        "assert 'transformers' not in sys.modules, 'transformers imported'\n"
        "assert dict(os.environ) == before, set(os.environ.items()) ^ set(before.items())\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300)


def test_threads_asking_at_once_share_one_load():
    code = (
        "import threading\n"
        "from factcards_plugins.summarizers import bert, embedding\n"
        "loads, real = [], bert.load\n"
        "def counted(*args):\n"
        "    loads.append(args)\n"
        "    return real(*args)\n"
        "bert.load = counted\n"
        "got = []\n"
        "threads = [threading.Thread(target=lambda: got.append(embedding.encoder(True, 1))) for _ in range(8)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "assert len(got) == 8 and len({id(e) for e in got}) == 1 and len(loads) == 1, (len(got), len(loads))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300)


def test_one_encoder_shared_by_threads_gives_the_sequential_vectors():
    from concurrent.futures import ThreadPoolExecutor

    from factcards_plugins.summarizers import embedding as _embedding

    encoder = _embedding.encoder(quantize=True)
    batches = [[f"Crews repaired {n} water mains after the freeze, the city said on day {n}."] * (1 + n % 4) for n in range(24)]
    sequential = [encoder.embed(b, max_tokens=28) for b in batches]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(8) as pool:
            threaded = list(pool.map(lambda b: encoder.embed(b, max_tokens=28), batches))
    finally:
        sys.setswitchinterval(interval)
    for one, other in zip(sequential, threaded):
        np.testing.assert_array_equal(one, other)


def test_words_beyond_a_long_sentence_cost_salience():
    config = {**minilm.DEFAULT_CONFIG, "length_penalty": 0.4, "long_sentence_words": 25}
    cost = minilm.length_cost([10, 25, 50, 75], config)
    np.testing.assert_allclose(cost, [0.0, 0.0, 0.4, 0.8])
    assert not minilm.length_cost([80], {**config, "length_penalty": 0.0}).any()


def test_of_two_near_equal_sentences_the_shorter_is_picked():
    lengths = [12, 60]
    similarity = np.array([[1.0, 0.97], [0.97, 1.0]])
    scores = np.array([1.0, 1.1]) - minilm.length_cost(lengths, minilm.DEFAULT_CONFIG)
    assert minilm.pick_by_mmr(scores, similarity, lengths, 1, None, 0.6) == [0]


def test_int8_vectors_keep_the_float32_neighbourhoods():
    from factcards_plugins.summarizers import embedding as _embedding

    texts = [
        "Ottawa is loaning Kyiv $490 million.",
        "Canada will lend Ukraine nearly half a billion dollars.",
        "The river flooded the valley overnight.",
        "Floodwater swept through the valley after the storm.",
    ]
    int8 = _embedding.encoder(quantize=True).embed(texts, max_tokens=28)
    float32 = _embedding.encoder(quantize=False).embed(texts, max_tokens=28)
    assert not np.allclose(int8, float32), "quantize=True should really run the int8 layers"
    assert (int8 * float32).sum(1).min() > 0.9

    def nearest(vectors):
        similarity = vectors @ vectors.T
        np.fill_diagonal(similarity, -1)
        return similarity.argmax(1).tolist()

    assert nearest(int8) == nearest(float32) == [1, 0, 3, 2]


def test_a_pipeline_warms_minilm_up_before_its_first_card():
    code = (
        "import sys, factcards\n"
        "from factcards_plugins.summarizers import embedding\n"
        "pipeline = factcards.Pipeline()\n"
        "assert 'torch' not in sys.modules\n"
        "pipeline.warm_up()\n"
        "assert embedding._load.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300)


def test_batched_cards_equal_one_at_a_time_cards(sample_path):
    """int8 layers scale each batch's activations together: each article must still be its own batch."""
    texts = [sample_path.read_text(encoding="utf-8")] + [
        f"Officials in the {place} district said on Tuesday that {n} homes had lost power after the storm. "
        f"Repair crews expect to restore most connections by Thursday, the utility said. "
        f"Schools in the {place} area will stay closed until the roads are cleared of fallen trees."
        for n, place in ((120, "northern"), (45, "coastal"), (300, "eastern"))
    ]
    pipeline = factcards.Pipeline()
    one_by_one = [pipeline.card(text).summary.text for text in texts]
    assert [card.summary.text for card in pipeline.cards(texts, batch_size=4)] == one_by_one


def with_facts(text: str):
    """The prepared document and its card's facts (made with ``lead``, so no model runs)."""
    document = prepared(text)
    return document, factcards.make_card(document.text, summarizer="lead").facts


def test_a_sentence_holding_quantities_and_dates_earns_salience():
    document, facts = with_facts(
        "The city council met to discuss the plan for the harbour. "
        "The plan would cost $40 million and take until 2027 to finish. "
        "Members said they wanted to hear from residents before the vote."
    )
    candidates = minilm.candidate_sentences(document)
    kinds = minilm.fact_kinds(candidates, facts)
    assert kinds[1] >= 2 and kinds[2] == 0, kinds
    np.testing.assert_allclose(minilm.fact_bonus(candidates, facts, {"fact_bonus": 0.2}), 0.2 * np.array(kinds))
    assert not minilm.fact_bonus(candidates, facts, {"fact_bonus": 0.0}).any()
    assert not minilm.fact_bonus(candidates, None, {"fact_bonus": 0.2}).any()


def test_the_fact_bonus_can_change_the_pick():
    document, facts = with_facts(
        "Rescue teams worked through the night along the flooded river valley. "
        "Volunteers handed out blankets and hot food at the school gymnasium. "
        "Officials said 340 homes were damaged and repairs would cost $12 million by March."
    )
    budget = {"sentences": 2, "redundancy": 0.0}
    assert "340 homes" not in minilm.summarize(document, facts, {**budget, "fact_bonus": 0.0}).text
    assert "340 homes" in minilm.summarize(document, facts, {**budget, "fact_bonus": 1.0}).text


def test_the_word_budget_follows_the_sentence_count_unless_words_are_given():
    assert minilm.word_budget({"sentences": 3, "words": None, "words_per_sentence": 30}) == 90
    assert minilm.word_budget({"sentences": 5, "words": None, "words_per_sentence": 30}) == 150
    assert minilm.word_budget({"sentences": 3, "words": 40, "words_per_sentence": 30}) == 40
    assert minilm.word_budget({"sentences": 3, "words": None, "words_per_sentence": 0}) is None
