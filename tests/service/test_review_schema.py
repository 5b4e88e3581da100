"""The card schema's optional ``review``: where the review page puts an editor's verdicts, validated like the rest."""

import copy
import json
import subprocess
import sys

import pytest

import factcards
from factcards.schema import validate_card


@pytest.fixture(scope="module")
def card():
    text = "Port Elnor, April 9, 2024 - The council approved a $45 million plan on Tuesday, Mayor Dana Whitlock said."
    return factcards.make_card(text, summarizer="lead").to_dict()


def reviewed(card, **review):
    copy_ = copy.deepcopy(card)
    copy_["review"] = {"reviewer": "A. Editor", "reviewed_at": "2024-04-09T10:15:00Z", "facts": [{"fact": 0, "type": card["facts"][0]["type"], "text": card["facts"][0]["text"], "status": "accepted", "correction": None}], **review}
    return copy_


def fact_types():
    return factcards.collect_registry(factcards.make_plugin_manager(), []).fact_types.values()


def test_a_card_as_made_has_no_review_and_is_valid(card):
    assert "review" not in card
    validate_card(card, fact_types())


def test_a_reviewed_card_is_valid(card):
    validate_card(reviewed(card), fact_types())
    validate_card(reviewed(card, facts=[{"fact": 1, "status": "corrected", "correction": "$54 million"}, {"fact": 2, "status": "rejected"}]), fact_types())


@pytest.mark.parametrize(
    "review",
    [{"facts": [{"fact": 0, "status": "maybe"}]}, {"facts": [{"fact": -1, "status": "accepted"}]}, {"facts": [{"fact": 0, "status": "accepted", "colour": "red"}]}, {"mood": "good"}],
)
def test_a_malformed_review_is_refused(card, review):
    with pytest.raises(factcards.CardInvalid) as caught:
        validate_card(reviewed(card, **review), fact_types())
    assert "review" in str(caught.value)


def test_validate_command_accepts_a_reviewed_card(card, tmp_path):
    path = tmp_path / "reviewed.json"
    path.write_text(json.dumps(reviewed(card)))
    result = subprocess.run([sys.executable, "-m", "factcards", "validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
