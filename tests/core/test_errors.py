"""One-line reasons for errors, as the batch runner, the worker pool and the CLI report them."""

from __future__ import annotations

from factcards.errors import InputError, first_line, one_line


def test_first_line_keeps_only_the_first_line_of_a_message():
    assert first_line(ValueError("bad value\n  at line 3\n")) == "bad value"


def test_first_line_of_an_exception_without_a_message_is_its_type():
    assert first_line(KeyError()) == "KeyError"


def test_one_line_names_the_type_of_foreign_errors_only():
    assert one_line(InputError("article.txt: the file is empty")) == "article.txt: the file is empty"
    assert one_line(ZeroDivisionError("division by zero\nmore")) == "ZeroDivisionError: division by zero"
