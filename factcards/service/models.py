"""The request bodies, as pydantic models: they validate JSON requests and describe them in the OpenAPI document."""

from __future__ import annotations

from typing import Any, Optional, Union

from pydantic import BaseModel, ConfigDict, Field


class Selection(BaseModel):
    """What a request may choose for its own card, over the server's defaults."""

    model_config = ConfigDict(extra="forbid")

    summarizer: Optional[str] = Field(None, description="The summarizer to run (see GET /v1/plugins); default: the server's.")
    extractors: Optional[list[str]] = Field(None, description="Run only these extractors.")
    disable: Optional[list[str]] = Field(None, description="Do not run these extractors, summarizers or plugins.")
    length: Optional[Union[int, str]] = Field(None, description="Summary budget: sentences (3) or words (\"60w\").")
    settings: Optional[dict[str, dict[str, Any]]] = Field(None, description="Per-plugin settings, {name: {key: value}}, as in the config file (no $env references).")


class Article(BaseModel):
    """An article, as the CLI reads a JSON file: ``text`` or ``html``, and its metadata."""

    model_config = ConfigDict(extra="forbid")

    text: Optional[str] = Field(None, description="The article's plain text (or give html).")
    html: Optional[str] = Field(None, description="The article's page; its main text is extracted.")
    title: Optional[str] = None
    published: Optional[str] = Field(None, description="Publication date, ISO 8601 (2022-02-15 or 2022-02-15T12:57); anchors relative dates.")
    source: Optional[str] = None
    url: Optional[str] = None
    language: Optional[str] = None


class CardRequest(Article, Selection):
    """``POST /v1/cards`` with a JSON body."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"text": "Harbour City, March 3, 2021 - The council will spend $12 million on two ferries.", "summarizer": "lead"}]})


class CheckRequest(Selection):
    """``POST /v1/check``: an editor's text against an article (``article``) or a card made earlier (``card``)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"text": "Council backs $54 million harbour plan", "article": {"text": "Port Elnor, April 9, 2024 - The council approved a $45 million plan on Tuesday."}}]})

    text: str = Field(..., min_length=1, max_length=20000, description="The editor's headline, standfirst or post.")
    article: Optional[Article] = Field(None, description="The article, as for POST /v1/cards.")
    card: Optional[dict[str, Any]] = Field(None, description="A card made earlier (its JSON), instead of the article.")
    published: Optional[str] = Field(None, description="Anchor for relative dates in the editor's text; default: the article's.")


class Problem(BaseModel):
    """An error, as RFC 9457 problem details."""

    type: str = Field(..., examples=["/problems/timeout"])
    title: str
    status: int
    detail: str
    request_id: Optional[str] = None
