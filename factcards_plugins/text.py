"""A word list as a regular expression trie, shared by the extractors' token patterns."""

from __future__ import annotations

import re


def trie_pattern(words) -> str:
    """A regular expression matching exactly ``words``, as a trie (``t(?:en|h(?:ird|...)))``).

    Python's regex engine tries the branches of a plain alternation one by
    one; a trie lets it reject a word outside the list after a character or
    two, which makes a scan several times faster on news text. Each node tries
    the longer words first, so the trie matches what a longest-first
    alternation matches, also when a look-ahead follows it.
    """
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(root)


def _trie_node(node: dict) -> str:
    branches = [re.escape(char) + _trie_node(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
