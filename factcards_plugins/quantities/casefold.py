"""Case and look-alike letters: the lowercased copy of a text, and the letters ``re.IGNORECASE``
matches to ASCII ones (read as ASCII before the scan).
"""

from __future__ import annotations

import itertools
from functools import lru_cache


@lru_cache(maxsize=8)
def lowercased(text: str) -> str:
    """``text.lower()``, once per text for the passes that read it."""
    return text.lower()


# The letters ``re.IGNORECASE`` matches to an ASCII letter besides its two cases: İ ı for i, ſ for s, K for k.
_IGNORECASE_FOLDS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}
IGNORECASE_LOOKALIKES = "".join(_IGNORECASE_FOLDS.values())
AS_ASCII = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s", "\u212a": "K"})


def ignorecase_spellings(words) -> frozenset[str]:
    """Every string ``re.IGNORECASE`` matches to one of ``words`` ("oct": "oct", "OCT", "Oct", ...)."""
    return frozenset("".join(chars) for word in words for chars in itertools.product(*map(_ignorecase_variants, word)))


def _ignorecase_variants(char: str) -> set[str]:
    return {char.lower(), char.upper(), *_IGNORECASE_FOLDS.get(char.lower(), "")}
