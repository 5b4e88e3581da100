"""The card's JSON Schema: loaded from the installed package, composed with fact-type fragments.

``schemas/card.schema.json`` describes every fact generically; each fact type a
plugin registers adds a rule "a fact of this type has a value matching this
fragment", and the set of allowed types becomes exactly the registered ones.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from .card import FactType
from .errors import FactcardsError

SCHEMA_VERSION = "1.0"


class CardInvalid(FactcardsError):
    """A card does not match the schema; ``errors`` lists readable one-line reasons."""

    exit_code = 1

    def __init__(self, errors: list[str]):
        super().__init__(f"card does not match the schema: {errors[0]}" + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""))
        self.errors = errors


@lru_cache(maxsize=None)
def _load_json(name: str) -> str:
    return resources.files("factcards.schemas").joinpath(name).read_text(encoding="utf-8")


def load_schema(name: str = "card.schema.json") -> dict[str, Any]:
    """A schema file shipped with factcards, e.g. ``facts/money.json``, as a fresh dict."""
    return json.loads(_load_json(name))


def compose_schema(fact_types: Iterable[FactType]) -> dict[str, Any]:
    """The card schema with one value rule per registered fact type."""
    schema = copy.deepcopy(load_schema())
    fact = schema["$defs"]["fact"]
    types = sorted(fact_types, key=lambda t: t.name)
    fact["properties"]["type"] = {"enum": [t.name for t in types]}
    if not types:
        return schema
    fact["allOf"] = [
        {
            "if": {"properties": {"type": {"const": t.name}}, "required": ["type"]},
            "then": {"properties": {"value": t.value_schema}},
        }
        for t in types
    ]
    return schema


def schema_errors(instance: Any, schema: dict[str, Any]) -> list[str]:
    """Readable one-line descriptions of everything wrong with ``instance``, most relevant first."""
    validator = Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    lines = []
    for error in errors:
        deepest = best_match([error]) if error.context else error
        where = "/".join(str(p) for p in deepest.absolute_path) or "(the card)"
        lines.append(f"at {where}: {deepest.message[:300]}")
    return lines


def validate_card(card_dict: dict[str, Any], fact_types: Iterable[FactType]) -> None:
    """Raise ``CardInvalid`` unless ``card_dict`` matches the schema composed with ``fact_types``.

    The verdict comes from jsonschema-rs when it is installed (compiled: about a
    hundred times faster, where pure-Python validation would be most of a card's
    time), otherwise from jsonschema; the readable report of what is wrong always
    comes from jsonschema.
    """
    card_validator(fact_types)(card_dict)


def card_validator(fact_types: Iterable[FactType]) -> Callable[[dict[str, Any]], None]:
    """``validate_card`` for these ``fact_types``, ready to call on many cards (the composed schema
    is looked up once, not per card: its key alone costs more than a fast validation)."""
    schema, is_valid = _checker(_fact_types_key(fact_types))

    def validate(card_dict: dict[str, Any]) -> None:
        try:
            valid = is_valid(card_dict)
        except ValueError:  # data JSON cannot hold (NaN, a date object): the reference validator explains
            valid = False
        if not valid:
            raise CardInvalid(schema_errors(card_dict, schema) or ["rejected by the validator"])

    return validate


def _fact_types_key(fact_types: Iterable[FactType]) -> str:
    return json.dumps(sorted((t.name, t.value_schema) for t in fact_types), sort_keys=True, default=str)


@lru_cache(maxsize=32)
def _checker(fact_types_key: str) -> tuple[dict[str, Any], Callable[[Any], bool]]:
    schema = compose_schema(FactType(name, value_schema) for name, value_schema in json.loads(fact_types_key))
    return schema, fast_validator(schema) or Draft202012Validator(inline_local_refs(schema)).is_valid


def fact_checker(fact_types: Iterable[FactType]) -> Callable[[dict[str, Any]], str | None]:
    """A function telling why one fact (as a dict) would make the card invalid, or None."""
    return _fact_checker(_fact_types_key(fact_types))


@lru_cache(maxsize=32)
def _fact_checker(fact_types_key: str) -> Callable[[dict[str, Any]], str | None]:
    schema = compose_schema(FactType(name, value_schema) for name, value_schema in json.loads(fact_types_key))
    fact_schema = inline_local_refs(schema)["$defs"]["fact"]
    reference = Draft202012Validator(fact_schema)
    is_valid = fast_validator(fact_schema) or reference.is_valid

    def problem(fact: dict[str, Any]) -> str | None:
        try:
            json.dumps(fact, allow_nan=False)
        except (TypeError, ValueError) as exc:
            return f"not JSON data: {exc}"
        if is_valid(fact):
            return None
        error = best_match(reference.iter_errors(fact))
        where = "/".join(str(p) for p in error.absolute_path)
        return f"does not match its schema at {where or 'the fact'}: {error.message[:200]}"

    return problem


def fast_validator(schema: dict[str, Any]) -> Callable[[Any], bool] | None:
    """jsonschema-rs's ``is_valid`` for ``schema``, or None when it is not installed."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs.Draft202012Validator(schema).is_valid


def inline_local_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """The same schema with every ``#/$defs/...`` reference replaced by its target.

    Validation gives the same verdicts but skips reference lookups, which are
    most of jsonschema's time on a card. The card schema has no recursive refs.
    """
    defs = schema.get("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/") and "/" not in ref[len("#/$defs/"):]:
                target = resolve(defs[ref[len("#/$defs/"):]])
                rest = {k: resolve(v) for k, v in node.items() if k != "$ref"}
                return target if not rest else {"allOf": [target, rest]}
            return {k: resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    return resolve(schema)
