"""The API on a real ``factcards serve``: every endpoint and every error, as problem details."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import factcards
from factcards.pipeline import PipelineOptions

PLUGINS = Path(__file__).resolve().parent / "plugins"

PROBLEM_KEYS = {"type", "title", "status", "detail", "request_id"}


def assert_problem(response, status: int, kind: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert set(body) == PROBLEM_KEYS
    assert body["type"] == f"/problems/{kind}" and body["status"] == status
    assert body["request_id"] == response.headers["x-request-id"]
    assert "Traceback" not in response.text
    return body


def reference_card(source, **options) -> str:
    """The card ``make_card`` gives with the server's options, as JSON."""
    pipeline = PipelineOptions(summarizer="lead", plugins_dirs=(str(PLUGINS),), **options).build()
    return pipeline.card(source).to_json()


def without_elapsed(card_json: str) -> dict:
    card = json.loads(card_json)
    card["generator"].pop("elapsed_ms")
    return card


# -- cards -----------------------------------------------------------------------


def test_json_body_gives_the_card_make_card_gives(api, articles):
    response = api.post("/v1/cards", json={"text": articles[0], "title": "Harbour wall", "source": "Test Wire"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    expected = reference_card({"text": articles[0], "title": "Harbour wall", "source": "Test Wire"})
    assert without_elapsed(response.text) == without_elapsed(expected)
    card = response.json()
    assert card["document"]["title"] == "Harbour wall"
    assert {"money", "date", "person", "quote"} <= {f["type"] for f in card["facts"]}
    text = card["document"]["text"]
    assert all(text[f["start"] : f["end"]] == f["text"] for f in card["facts"])


def test_the_sample_as_plain_text(api, sample_text):
    response = api.post("/v1/cards", content=sample_text.encode(), headers={"content-type": "text/plain; charset=utf-8"})
    assert response.status_code == 200
    assert without_elapsed(response.text) == without_elapsed(reference_card(sample_text))


def test_a_text_body_is_read_in_its_declared_charset(api):
    text = "Zürich, March 3, 2021 - The café owners' council will spend $12 million on two ferries."
    for charset in ("iso-8859-1", '"ISO-8859-1"', "windows-1252"):
        response = api.post("/v1/cards", content=text.encode("latin-1"), headers={"content-type": f"text/plain; charset={charset}"})
        assert response.status_code == 200, response.text
        assert response.json()["document"]["text"] == text
    page = f"<html><body><article><p>{text}</p><p>{text}</p></article></body></html>"
    response = api.post("/v1/cards", content=page.encode("cp1252"), headers={"content-type": "text/html; charset=windows-1252"})
    assert response.status_code == 200 and "café owners" in response.json()["document"]["text"]


def test_an_unknown_charset_is_415_and_bytes_outside_the_charset_422(api):
    body = assert_problem(api.post("/v1/cards", content=b"Rates rose 2%.", headers={"content-type": "text/plain; charset=x-klingon"}), 415, "unsupported-media-type")
    assert body["detail"] == "cannot read a text/plain body in charset 'x-klingon': send UTF-8, or a charset such as iso-8859-1 or windows-1252"
    body = assert_problem(api.post("/v1/cards", content="Café rates rose 2%.".encode("latin-1"), headers={"content-type": "text/plain; charset=us-ascii"}), 422, "invalid-input")
    assert body["detail"] == "request body is not valid us-ascii (byte 3)"
    body = assert_problem(api.post("/v1/cards", content=b"Rates rose-99999999", headers={"content-type": "text/plain; charset=punycode"}), 422, "invalid-input")
    assert body["detail"] == "request body is not valid punycode"


def test_html_body_is_read_for_its_main_text(api, articles):
    paragraphs = "".join(f"<p>{p}</p>" for p in articles[1].split("\n\n"))
    page = f"<!doctype html><html><head><title>Corvane cuts</title></head><body><nav>Home | World</nav><article>{paragraphs}</article></body></html>"
    response = api.post("/v1/cards", content=page, headers={"content-type": "text/html"})
    assert response.status_code == 200, response.text
    card = response.json()
    assert "Corvane Foods fell 12%" in card["document"]["text"]
    assert "<p>" not in card["document"]["text"]


def test_multipart_upload_reads_the_format_from_the_file_name(api, articles):
    article = json.dumps({"text": articles[2], "published": "2025-01-15"})
    response = api.post("/v1/cards", files={"file": ("rail.json", article, "application/json")}, data={"summarizer": "lead", "extractor": "dates"})
    assert response.status_code == 200, response.text
    card = response.json()
    assert card["document"]["published"] == "2025-01-15"
    assert {f["extractor"] for f in card["facts"]} == {"dates"}
    assert [e["name"] for e in card["generator"]["extractors"]] == ["dates"]


def test_options_in_the_query_for_a_text_body(api, articles):
    response = api.post("/v1/cards?published=2024-04-09&extractor=money&length=1", content=articles[0], headers={"content-type": "text/plain"})
    assert response.status_code == 200
    card = response.json()
    assert card["document"]["published"] == "2024-04-09"
    assert [f["type"] for f in card["facts"]] == ["money"]
    assert len(card["summary"]["sentences"]) == 1


def test_per_request_settings_reach_the_plugin(api, articles):
    text = "Lakeview, May 2, 2024 - The club paid $3 million for the ground."
    plain = api.post("/v1/cards", json={"text": text, "extractors": ["money"]}).json()
    set_cad = api.post("/v1/cards", json={"text": text, "extractors": ["money"], "settings": {"money": {"default_dollar": "CAD"}}}).json()
    assert plain["facts"][0]["value"]["currency"] == "USD"
    assert set_cad["facts"][0]["value"]["currency"] == "CAD"


def test_markdown_on_request(api, articles):
    response = api.post("/v1/cards", json={"text": articles[0], "title": "Harbour wall"}, headers={"accept": "text/markdown"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/markdown")
    assert response.text.startswith("# Harbour wall\n") and "| money | $45 million |" in response.text


def test_a_failing_plugin_is_reported_in_the_diagnostics(api, articles):
    response = api.post("/v1/cards", json={"text": articles[0] + " BREAK-NOW"})
    assert response.status_code == 200
    diagnostics = response.json()["diagnostics"]
    assert any(d["plugin"] == "stall" and d["level"] == "error" and "asked to break" in d["message"] for d in diagnostics)


# -- the headline check ------------------------------------------------------------


def test_check_against_the_article(api, articles):
    headline = "Port Elnor approves $45 million harbour plan; taxes to rise 4%"
    response = api.post("/v1/check", json={"text": headline, "article": {"text": articles[0]}})
    assert response.status_code == 200, response.text
    result = response.json()
    verdicts = {item["text"]: item for item in result["items"]}
    assert verdicts["$45 million"]["supported"] is True
    support = verdicts["$45 million"]["support"]
    assert support["by"] == "fact" and articles[0][support["fact"]["start"] : support["fact"]["end"]] == "$45 million"
    assert verdicts["4%"]["supported"] is False and "percentage" in verdicts["4%"]["reason"]
    assert (result["supported"], result["unsupported"]) == (1, 1)
    assert all(headline[i["start"] : i["end"]] == i["text"] for i in result["items"])


def test_check_against_a_card_made_earlier(api, articles):
    card = api.post("/v1/cards", json={"text": articles[1]}).json()
    response = api.post("/v1/check", json={"text": "Chief executive Priya Natarajan shuts two bakeries as shares fall 12% on Monday; Tom Greer quits", "card": card})
    assert response.status_code == 200
    verdicts = {item["text"]: item["supported"] for item in response.json()["items"]}
    assert verdicts == {"Priya Natarajan": True, "two": True, "12%": True, "Monday": True, "Tom Greer": False}


def test_check_needs_one_article(api, articles):
    assert_problem(api.post("/v1/check", json={"text": "Rates rise 2%"}), 422, "invalid-request")
    card = api.post("/v1/cards", json={"text": articles[1]}).json()
    assert_problem(api.post("/v1/check", json={"text": "x", "card": card, "article": {"text": articles[1]}}), 422, "invalid-request")


def test_check_refuses_a_card_that_is_no_card(api):
    body = assert_problem(api.post("/v1/check", json={"text": "Rates rise 2%", "card": {"facts": []}}), 422, "invalid-input")
    assert "not valid" in body["detail"]


# -- metadata and probes -------------------------------------------------------------


def test_schema_is_the_composed_card_schema(api):
    response = api.get("/v1/schema")
    assert response.status_code == 200
    schema = response.json()
    assert schema == factcards.collect_registry(factcards.make_plugin_manager(), []).schema()
    assert {"money", "date", "person", "quote"} <= set(schema["$defs"]["fact"]["properties"]["type"]["enum"])


def test_plugins_lists_what_the_cli_lists(api):
    cli = subprocess.run([sys.executable, "-m", "factcards", "plugins", "--json", "--plugins-dir", str(PLUGINS)], capture_output=True, text=True, check=True)
    rows = api.get("/v1/plugins").json()
    assert rows == json.loads(cli.stdout)
    assert {"name": "stall", "extractors": ["stall"], "builtin": False}.items() <= next(r for r in rows if r["name"] == "stall").items()


def test_health_and_readiness(api):
    assert api.get("/healthz").json() == {"status": "ok", "version": factcards.__version__}
    ready = api.get("/readyz").json()
    assert ready["status"] == "ready" and ready["workers"] == 2 and ready["ready"] >= 1


def test_openapi_describes_every_endpoint(api):
    spec = api.get("/openapi.json").json()
    assert {"/v1/cards", "/v1/check", "/v1/schema", "/v1/plugins", "/healthz", "/readyz"} <= set(spec["paths"])
    body = spec["paths"]["/v1/cards"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/plain", "text/html", "multipart/form-data"} <= set(body)
    refs = set(re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(spec)))
    assert {"CardRequest", "CheckRequest", "Article", "Problem"} <= refs
    assert refs <= set(spec["components"]["schemas"])  # every reference resolves
    assert "summarizer" in spec["components"]["schemas"]["CardRequest"]["properties"]


def test_docs_page_loads_nothing_from_elsewhere(api):
    page = api.get("/docs")
    assert page.status_code == 200
    assert "http://" not in page.text.replace("http://www.w3.org", "") and "https://" not in page.text
    assert "<script>" not in page.text  # no inline script: the CSP forbids it
    assert api.get("/static/swagger/swagger-ui-bundle.js").status_code == 200  # from the fastapi-offline package
    assert api.get("/static/docs.js").status_code == 200


def test_problem_types_are_described(api):
    described = api.get("/problems/timeout").json()
    assert described["status"] == 504 and described["title"]


# -- errors ----------------------------------------------------------------------------


def test_oversized_body_is_413(api):
    body = assert_problem(api.post("/v1/cards", content=b"a" * (10 * 1024 * 1024 + 1), headers={"content-type": "text/plain"}), 413, "too-large")
    assert "limit" in body["detail"]


def test_oversized_upload_is_413(api):
    response = api.post("/v1/cards", files={"file": ("big.txt", b"word " * (2 * 1024 * 1024 + 10), "text/plain")})
    assert_problem(response, 413, "too-large")


@pytest.mark.parametrize(
    ("content", "content_type", "reason"),
    [
        (b"   \n ", "text/plain", "request body is empty"),
        (b"\x00\x01binary", "text/plain", "request body looks like binary data, not text"),
        (b"caf\xe9", "text/plain", "request body is not valid UTF-8 (byte 3)"),
        (b'{"text": ', "application/json", "request body is not valid JSON"),
        pytest.param(b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "application/json", "request body is not valid JSON", id="nested too deeply"),
        (b'{"text": ""}', "application/json", "request body: JSON input needs a non-empty string \"text\""),
        (b'{"text": "Rates rose.", "published": "soon"}', "application/json", "request body: JSON field 'published': cannot read 'soon' as a date"),
    ],
)
def test_bad_input_is_422_with_the_cli_reason(api, content, content_type, reason):
    body = assert_problem(api.post("/v1/cards", content=content, headers={"content-type": content_type}), 422, "invalid-input")
    assert body["detail"].startswith(reason)


def test_unknown_field_is_422(api):
    body = assert_problem(api.post("/v1/cards", json={"text": "Rates rose 2%.", "summariser": "lead"}), 422, "invalid-request")
    assert "summariser" in body["detail"]


@pytest.mark.parametrize(
    ("selection", "reason"),
    [({"summarizer": "nope"}, "no summarizer named 'nope'"), ({"extractors": ["monies"]}, "no extractor named 'monies'"), ({"disable": ["nothing"]}, "cannot disable 'nothing'")],
)
def test_unknown_selection_is_422(api, selection, reason):
    body = assert_problem(api.post("/v1/cards", json={"text": "Rates rose 2%.", **selection}), 422, "unknown-selection")
    assert body["detail"].startswith(reason)


def test_a_bad_length_is_its_own_422_in_json_the_query_and_a_form(api):
    answers = [
        api.post("/v1/cards", json={"text": "Rates rose 2%.", "length": "many"}),
        api.post("/v1/cards?length=many", content=b"Rates rose 2%.", headers={"content-type": "text/plain"}),
        api.post("/v1/cards", files={"file": ("a.txt", b"Rates rose 2%.", "text/plain")}, data={"length": "many"}),
        api.post("/v1/check", json={"text": "Rates rose 2%.", "article": {"text": "Rates rose 2%."}, "length": "0w"}),
    ]
    bodies = [assert_problem(response, 422, "invalid-length") for response in answers]
    assert {b["title"] for b in bodies} == {"Unusable summary length"}
    assert bodies[0]["detail"] == "length 'many': give a number of sentences (3) or words (60w)"
    assert bodies[3]["detail"] == "length '0w' must be at least 1"
    assert api.get("/problems/invalid-length").json()["title"] == "Unusable summary length"


def test_unknown_setting_is_422(api):
    body = assert_problem(api.post("/v1/cards", json={"text": "Rates rose 2%.", "settings": {"money": {"colour": "red"}}}), 422, "invalid-settings")
    assert "colour" in body["detail"]


def test_a_setting_of_the_wrong_type_is_422(api):
    body = assert_problem(api.post("/v1/cards", json={"text": "Rates rose 2%.", "settings": {"lead": {"sentences": "abc"}}}), 422, "invalid-settings")
    assert body["detail"] == 'setting lead.sentences="abc": expected a whole number of 1 or more (default 3)'


def test_settings_may_not_read_the_environment(api):
    response = api.post("/v1/cards", json={"text": "Rates rose 2%.", "settings": {"money": {"default_dollar": {"$env": "HOME"}}}})
    assert_problem(response, 422, "invalid-settings")


def test_unsupported_body_type_is_415(api):
    assert_problem(api.post("/v1/cards", content=b"x", headers={"content-type": "application/pdf"}), 415, "unsupported-media-type")


def test_unknown_path_and_method(api):
    assert_problem(api.get("/v1/nothing"), 404, "not-found")
    assert_problem(api.get("/v1/cards"), 405, "method-not-allowed")


@pytest.mark.parametrize(("marker", "stopped"), [("STALL-FOREVER", "plugin 'stall' was running extractor stall"), ("STALL-HARD", "its worker was stopped")])
def test_a_hung_plugin_gets_504_and_the_next_card_is_made(api, articles, lead_server, marker, stopped):
    response = api.post("/v1/cards", json={"text": f"{articles[0]} {marker}"})
    body = assert_problem(response, 504, "timeout")
    assert "3 s time limit" in body["detail"] and stopped in body["detail"]
    for article in articles:  # the other worker, or the one that replaced the killed one, keeps serving
        assert api.post("/v1/cards", json={"text": article}).status_code == 200
    assert api.get("/readyz").status_code == 200
    lines = lead_server.log_lines()
    assert any(line.get("request_id") == response.headers["x-request-id"] and line.get("status") == 504 for line in lines)


# -- the access log and the headers ----------------------------------------------------------


def test_request_ids_are_kept_or_made_and_logged(api, lead_server):
    mine = api.get("/healthz", headers={"x-request-id": "cms-1234"})
    assert mine.headers["x-request-id"] == "cms-1234"
    made = api.get("/healthz", headers={"x-request-id": b"bad id with spaces \xc3\xa9"})
    assert made.headers["x-request-id"] != "cms-1234" and len(made.headers["x-request-id"]) == 32
    access = [line for line in lead_server.log_lines() if line["logger"] == "factcards.access"]
    entry = next(line for line in access if line["request_id"] == "cms-1234")
    assert entry["method"] == "GET" and entry["path"] == "/healthz" and entry["status"] == 200 and entry["duration_ms"] >= 0


def test_what_a_library_logs_is_a_json_line_too(api, lead_server):
    before = lead_server.log_path.stat().st_size
    broken = api.post("/v1/cards", content=b"--xx\r\ngarbage", headers={"content-type": "multipart/form-data; boundary=yy", "x-request-id": "broken-form"})
    assert_problem(broken, 422, "invalid-request")
    with lead_server.log_path.open() as log:
        log.seek(before)
        lines = log.read().splitlines()
    assert lines and all(line.startswith("{") for line in lines), lines  # python-multipart warns of the boundary
    assert any(json.loads(line)["logger"].startswith("python_multipart") for line in lines)


def test_security_headers_and_no_cors_by_default(api):
    response = api.get("/", headers={"origin": "https://cms.example"})
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in response.headers
    preflight = api.options("/v1/cards", headers={"origin": "https://cms.example", "access-control-request-method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
