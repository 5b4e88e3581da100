"""The ``seq2seq`` summarizer on a tiny BART built here from a small config (no network, random weights)."""

import pytest

import factcards
from factcards_plugins.summarizers import seq2seq

pytest.importorskip("torch")
pytest.importorskip("transformers")

WORDS = (
    "the a of to and in on said for is was with that by at from talks russia ukraine kremlin "
    "minister president monday tuesday million drills peace diplomacy west embassy loan"
).split()
MAX_POSITIONS = 64
ARTICLE = (
    "Russia said on Monday that talks with the West would go on. The Kremlin said some drills were ending. "
    "Ukraine's president called for a day of unity on Wednesday. Canada announced a loan of $490 million."
)


@pytest.fixture(scope="session")
def tiny_bart(tmp_path_factory):
    """A one-layer BART with a word-level tokenizer, saved as a checkpoint directory."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors
    from transformers import BartConfig, BartForConditionalGeneration, PreTrainedTokenizerFast

    specials = ["<pad>", "<s>", "</s>", "<unk>"]
    tokens = dict.fromkeys(specials + WORDS + list("abcdefghijklmnopqrstuvwxyz0123456789.,$%\""))
    vocab = {token: i for i, token in enumerate(tokens)}
    backend = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    backend.pre_tokenizer = pre_tokenizers.Whitespace()
    backend.post_processor = processors.TemplateProcessing(single="<s> $A </s>", special_tokens=[("<s>", 1), ("</s>", 2)])
    backend.decoder = decoders.WordPiece()
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend, bos_token="<s>", eos_token="</s>", pad_token="<pad>", unk_token="<unk>",
        model_max_length=MAX_POSITIONS,
    )
    config = BartConfig(
        vocab_size=len(vocab), d_model=16, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
        decoder_attention_heads=2, encoder_ffn_dim=32, decoder_ffn_dim=32, max_position_embeddings=MAX_POSITIONS,
        pad_token_id=0, bos_token_id=1, eos_token_id=2, decoder_start_token_id=2, forced_eos_token_id=2,
    )
    torch.manual_seed(0)
    path = tmp_path_factory.mktemp("tiny-bart")
    tokenizer.save_pretrained(path)
    BartForConditionalGeneration(config).save_pretrained(path)
    return path


def settings(path, **extra):
    return {"seq2seq": {"model": str(path), "max_new_tokens": 8, "num_beams": 2, **extra}}


def test_card_plumbing_gives_an_abstractive_summary(tiny_bart, sample_path):
    card = factcards.make_card(sample_path, summarizer="seq2seq", config=settings(tiny_bart))
    summary = card.summary
    assert summary.method == "seq2seq", [d.message for d in card.diagnostics]
    assert summary.extractive is False
    assert summary.model["id"] == str(tiny_bart)
    assert summary.sentences and all(s.start is None and s.end is None for s in summary.sentences)
    assert not [d for d in card.diagnostics if d.level == "error"]


def test_decoding_is_deterministic(tiny_bart):
    first = factcards.make_card(ARTICLE, summarizer="seq2seq", config=settings(tiny_bart))
    second = factcards.make_card(ARTICLE, summarizer="seq2seq", config=settings(tiny_bart))
    assert first.summary.text == second.summary.text


def test_the_checkpoint_is_loaded_once(tiny_bart):
    seq2seq.load_checkpoint.cache_clear()
    for _ in range(2):
        factcards.make_card(ARTICLE, summarizer="seq2seq", config=settings(tiny_bart))
    assert seq2seq.load_checkpoint.cache_info().misses == 1


def test_long_articles_are_chunked_on_sentence_boundaries(tiny_bart):
    tokenizer, model = seq2seq.load_checkpoint(str(tiny_bart), "cpu")
    sentences = [f"the minister said talks on {day} was for peace ." for day in ("monday", "tuesday") * 10]
    count = lambda text: len(tokenizer.tokenize(text))  # noqa: E731
    limit = seq2seq.input_limit(tokenizer, model, None)
    chunks = seq2seq.chunk_sentences(sentences, count, limit)
    assert limit == MAX_POSITIONS and len(chunks) > 1
    assert " ".join(chunks) == " ".join(sentences)
    assert all(count(chunk) <= limit for chunk in chunks)
    assert all(chunk.endswith(".") for chunk in chunks)


def test_a_sentence_longer_than_the_limit_stands_alone():
    chunks = seq2seq.chunk_sentences(["one two", "a b c d e f g h", "x y"], lambda t: len(t.split()), 4)
    assert chunks == ["one two", "a b c d e f g h", "x y"]


def test_every_chunk_is_summarized(tiny_bart):
    config = {**seq2seq.DEFAULT_CONFIG, **settings(tiny_bart)["seq2seq"]}
    tokenizer, model = seq2seq.load_checkpoint(str(tiny_bart), "cpu")
    parts = seq2seq.generate(tokenizer, model, ["the talks on monday .", "the loan was million .", "peace and diplomacy ."], config)
    assert len(parts) == 3


def test_the_sentence_budget_trims_the_summary(tiny_bart):
    card = factcards.make_card(ARTICLE, summarizer="seq2seq", config=settings(tiny_bart), length="2")
    assert 1 <= len(card.summary.sentences) <= 2


def test_budget_helper_keeps_whole_sentences():
    texts = ["Talks resumed on Monday. Drills ended.", "A loan was agreed."]
    assert seq2seq.within_budget(texts, 2, None) == ["Talks resumed on Monday.", "Drills ended."]
    assert seq2seq.within_budget(texts, None, 6) == ["Talks resumed on Monday.", "Drills ended."]
    assert seq2seq.within_budget(texts, None, 2) == ["Talks resumed on Monday."]


@pytest.mark.parametrize(
    "model, message",
    [
        (None, "no model given"),
        ("/no/such/checkpoint", "does not exist"),
        ("nobody/no-such-model", "not in the local Hugging Face cache"),
    ],
)
def test_a_missing_checkpoint_is_a_clear_error(model, message, sample_path):
    document = factcards.Document(sample_path.read_text(encoding="utf-8"))
    document.segment()
    with pytest.raises(factcards.InputError, match=message) as caught:
        seq2seq.summarize(document, [], {"model": model})
    assert "\n" not in str(caught.value)


def test_a_directory_without_a_checkpoint_is_a_clear_error(tmp_path, sample_path):
    document = factcards.Document("The talks resumed on Monday in Geneva after a long pause.")
    document.segment()
    with pytest.raises(factcards.InputError, match="holds no loadable seq2seq checkpoint"):
        seq2seq.summarize(document, [], {"model": str(tmp_path)})


def test_a_missing_checkpoint_falls_back_to_lead_with_a_diagnostic(sample_path):
    card = factcards.make_card(sample_path, summarizer="seq2seq", config={"seq2seq": {"model": "/no/such/checkpoint"}})
    assert card.summary.method == "lead"
    assert any("does not exist" in d.message for d in card.diagnostics)


def test_device_choice():
    import torch

    assert seq2seq.resolve_device("cpu", torch) == "cpu"
    assert seq2seq.resolve_device("auto", torch) == ("cuda" if torch.cuda.is_available() else "cpu")
    with pytest.raises(factcards.InputError, match="use cpu, cuda or auto"):
        seq2seq.resolve_device("tpu", torch)


def test_seq2seq_is_never_the_default():
    registry = factcards.collect_registry(factcards.make_plugin_manager(entry_points=False), [])
    assert registry.summarizers["seq2seq"].priority < registry.summarizers["lead"].priority


def test_cli_device_lands_in_the_summarizer_config(tiny_bart, tmp_path):
    from click.testing import CliRunner

    from factcards.cli import cli

    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    base = ["card", str(article), "--summarizer", "seq2seq", "-s", f"seq2seq.model={tiny_bart}", "-s", "seq2seq.max_new_tokens=8"]
    on_cpu = CliRunner().invoke(cli, base + ["--device", "cpu"])
    assert on_cpu.exit_code == 0, on_cpu.output
    assert '"method": "seq2seq"' in on_cpu.output
    import torch

    if not torch.cuda.is_available():
        on_cuda = CliRunner().invoke(cli, base + ["--device", "cuda"])
        assert '"method": "lead"' in on_cuda.output and "no CUDA device" in on_cuda.output
    assert CliRunner().invoke(cli, ["card", str(article), "--device", "cpu"]).exit_code == 2


def test_a_model_id_is_read_from_its_snapshot_in_the_local_cache(tiny_bart, tmp_path):
    """A cached model id loads from its snapshot directory, and the process's environment is left as it was."""
    import os
    import shutil
    import subprocess
    import sys

    revision = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "hub" / "models--factcards-tests--tiny-bart"
    shutil.copytree(tiny_bart, repo / "snapshots" / revision)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(revision)
    code = (
        "import os, factcards\n"
        "from factcards_plugins.summarizers import seq2seq\n"
        "before = dict(os.environ)\n"
        f"assert seq2seq.checkpoint_source('factcards-tests/tiny-bart').endswith({revision!r})\n"
        f"document = factcards.Document({ARTICLE!r}); document.segment()\n"
        "summary = seq2seq.summarize(document, [], {'model': 'factcards-tests/tiny-bart', 'max_new_tokens': 8, 'num_beams': 2})\n"
        "assert summary.model['id'] and not summary.extractive\n"
        "assert dict(os.environ) == before, set(os.environ.items()) ^ set(before.items())\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")}
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300, env={**env, "HF_HUB_CACHE": str(tmp_path / "hub")})
