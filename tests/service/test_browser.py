"""The review page and the <fact-card> component in a real headless Chromium (Debian's package, driven by Playwright).

They skip only where Playwright or Chromium is missing, and never under CI
(``.ci/run`` installs Chromium). Screenshots go to ``$FACTCARDS_SCREENSHOTS``
(default: the test's temporary folder).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

import factcards
from factcards.schema import validate_card

CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
]
XSS_ARTICLE = (
    "Dunmore, June 3, 2024 - The council voted 7 to 2 on Monday to spend $2 million on the pier.\n\n"
    "<script>window.__xss = 'script';</script> A resident wrote <img src=x onerror=\"window.__xss = 'img'\"> "
    "on the council's page &amp; asked for a refund of &pound;40 &lt;b&gt;today&lt;/b&gt;.\n\n"
    "\"We have listened,\" said councillor Maeve Rourke."
)
# Records what the CSP refused, before any page script runs.
WATCH_CSP = "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"


def chromium_path() -> str | None:
    found = os.environ.get("FACTCARDS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return found or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def _require_browser():
    in_ci = bool(os.environ.get("CI"))
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if in_ci:
            pytest.fail("Playwright is not installed (pip install -e '.[dev]')")
        pytest.skip("Playwright is not installed")
    path = chromium_path()
    if path is None:
        if in_ci:
            pytest.fail("chromium is not installed (.ci/run installs it with apt-get)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return sync_playwright, path


@pytest.fixture(scope="module")
def browser():
    sync_playwright, path = _require_browser()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("FACTCARDS_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture()
def page(browser, lead_server):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True, base_url=lead_server.url)
    page = context.new_page()
    page.add_init_script(WATCH_CSP)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}") or dialog.dismiss())
    page.goto("/")
    yield page
    assert errors == []
    assert page.evaluate("window.__violations") == []
    context.close()


def make_card(page, *, path: Path | None = None, text: str | None = None):
    if path is not None:
        page.set_input_files("#file", str(path))
    else:
        page.fill("#article", text)
    page.evaluate(
        """() => { window.__busy = []; new MutationObserver(() => window.__busy.push([document.getElementById('make').disabled, document.getElementById('card-form').getAttribute('aria-busy')]))
        .observe(document.getElementById('card-form'), {attributes: true, subtree: true}); }"""
    )
    page.click("#make")
    page.wait_for_selector("#status:has-text('Card made')")
    return page.evaluate("document.getElementById('card').card")


def fact_row(page, index: int):
    return page.locator(f"fact-card tr.fact[data-fact='{index}']")


def test_the_sample_card_on_the_page(page, sample_path, shots):
    card = make_card(page, path=sample_path)
    assert [True, "true"] in page.evaluate("window.__busy")  # the busy state was shown while the card was made
    assert page.locator("#make").is_enabled()
    assert page.locator("fact-card tr.fact").count() == len(card["facts"])
    legend = page.locator("fact-card .legend").inner_text()
    assert "money (1)" in legend and "date (" in legend and "person (" in legend
    money = page.locator("fact-card table[data-type='money'] tr.fact").first.inner_text()
    assert "490 million" in money and "US Dollar (USD)" in money and "Canadian Dollar (CAD)" in money
    dates = page.locator("fact-card table[data-type='date']").inner_text()
    assert "Mon 14 Feb 2022" in dates and "relative to the dateline (Tue 15 Feb 2022)" in dates
    assert page.locator("fact-card table[data-type='quote'] caption").inner_text().startswith("Who said what")
    assert page.locator("fact-card .article .snum").count() == len(card["summary"]["sentences"])
    page.screenshot(path=str(shots / "review-page-1366.png"), full_page=True)


def test_clicking_a_row_highlights_its_span_and_a_span_selects_its_row(page, sample_path, shots):
    card = make_card(page, path=sample_path)
    money = next(i for i, f in enumerate(card["facts"]) if f["type"] == "money")
    fact_row(page, money).click()
    highlighted = page.locator("fact-card .article .seg.sel")
    assert highlighted.count() >= 1
    assert "".join(highlighted.all_text_contents()) == card["facts"][money]["text"]
    assert highlighted.first.is_visible() and in_view(page, "fact-card .article .seg.sel")
    assert "sel" in fact_row(page, money).get_attribute("class")
    page.locator("#result").screenshot(path=str(shots / "fact-selected.png"))
    person = next(i for i, f in enumerate(card["facts"]) if f["type"] == "person")
    page.locator(f"fact-card .article .seg[data-fact='{person}']").first.click()
    assert "sel" in fact_row(page, person).get_attribute("class")
    assert "sel" not in fact_row(page, money).get_attribute("class")


def in_view(page, selector: str) -> bool:
    """Whether the element is inside the article box's visible part."""
    return page.locator(selector).first.evaluate(
        "(node) => { const box = node.closest('.article').getBoundingClientRect(), r = node.getBoundingClientRect(); return r.top >= box.top && r.bottom <= box.bottom; }"
    )


def test_keyboard_moves_between_facts_in_reading_order_and_reviews(page, articles):
    card = make_card(page, text=articles[0])
    order = sorted(range(len(card["facts"])), key=lambda i: (card["facts"][i]["start"], i))
    page.locator("fact-card .article").focus()
    page.keyboard.press("j")
    assert focused_fact(page) == order[0]
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert focused_fact(page) == order[1]
    page.keyboard.press("a")
    assert fact_row(page, order[1]).locator("button[data-status='accepted']").get_attribute("aria-pressed") == "true"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("r")
    assert "rejected" in fact_row(page, order[2]).get_attribute("class")
    assert "2 of" in page.locator("#review-count").inner_text()


def focused_fact(page) -> int:
    return int(page.evaluate("document.getElementById('card').shadowRoot.activeElement.dataset.fact"))


def test_review_exports_a_valid_card_and_markdown(page, articles, tmp_path):
    card = make_card(page, text=articles[1])
    money_or_number = [i for i, f in enumerate(card["facts"]) if f["type"] in ("percentage", "number")]
    first, second, third = money_or_number[:3]
    fact_row(page, first).locator("button[data-status='accepted']").click()
    fact_row(page, second).locator("button[data-status='rejected']").click()
    fact_row(page, third).locator("button[data-status='corrected']").click()
    fact_row(page, third).locator("input").fill("eight of its bakeries")
    page.fill("#reviewer", "Desk editor")
    with page.expect_download() as caught:
        page.click("#export-json")
    path = tmp_path / "reviewed.json"
    caught.value.save_as(path)
    reviewed = json.loads(path.read_text())
    validate_card(reviewed, factcards.collect_registry(factcards.make_plugin_manager(), []).fact_types.values())
    assert reviewed["review"]["reviewer"] == "Desk editor"
    assert [(r["fact"], r["status"], r["correction"]) for r in reviewed["review"]["facts"]] == [(first, "accepted", None), (second, "rejected", None), (third, "corrected", "eight of its bakeries")]
    assert {k: v for k, v in reviewed.items() if k != "review"} == card
    with page.expect_download() as caught:
        page.click("#export-md")
    markdown = Path(caught.value.path()).read_text()
    assert markdown.startswith("# Untitled article\n") and "corrected: eight of its bakeries" in markdown and "| rejected |" in markdown


def test_headline_check_marks_each_figure(page, articles, shots):
    make_card(page, text=articles[0])
    page.fill("#headline", "Port Elnor backs $45 million harbour wall as taxes rise 4% on Tuesday")
    page.click("#check-button")
    page.wait_for_selector("#check-result .verdicts li")
    supported = page.locator("#check-result mark.supported").all_text_contents()
    unsupported = page.locator("#check-result mark.unsupported").all_text_contents()
    assert supported == ["$45 million", "Tuesday"] and unsupported == ["4%"]
    assert "no percentage with this value" in page.locator("#check-result li[data-supported='false']").inner_text()
    page.locator("#check-result li[data-supported='true'] button").first.click()
    assert page.locator("fact-card .article .seg.sel").first.inner_text().startswith("$45 million")
    page.locator("#check").screenshot(path=str(shots / "headline-check.png"))


def test_an_article_is_text_never_markup(page, shots):
    card = make_card(page, text=XSS_ARTICLE)
    assert page.evaluate("window.__xss") is None
    root = "document.getElementById('card').shadowRoot"
    assert page.evaluate(f"{root}.querySelectorAll('img, script').length") == 0
    shown = page.evaluate(f"(() => {{ const copy = {root}.querySelector('.article').cloneNode(true); copy.querySelectorAll('.tag, .snum').forEach(n => n.remove()); return copy.textContent; }})()")
    assert shown == XSS_ARTICLE  # the article's characters, every one, as text
    for literal in ("<script>window.__xss = 'script';</script>", "<img src=x onerror=", "&amp;", "&pound;40", "&lt;b&gt;"):
        assert literal in shown
    assert card["document"]["text"] == XSS_ARTICLE
    page.locator("#result").screenshot(path=str(shots / "xss-article.png"))


def test_a_narrow_screen_has_no_sideways_scroll(page, sample_path, shots):
    page.set_viewport_size({"width": 390, "height": 844})
    make_card(page, path=sample_path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    layout = page.evaluate("getComputedStyle(document.getElementById('card').shadowRoot.querySelector('.layout')).gridTemplateColumns")
    assert len(layout.split()) == 1
    page.screenshot(path=str(shots / "review-page-390.png"), full_page=False)


def test_the_docs_page_runs_swagger_from_the_service(browser, lead_server, shots):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(WATCH_CSP)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{lead_server.url}/docs")
    page.wait_for_selector(".opblock-summary-path:has-text('/v1/cards')")
    page.locator(".opblock-summary-path:has-text('/v1/check')").click()
    page.wait_for_selector(".opblock.is-open .body-param, .opblock.is-open .opblock-section-request-body")
    page.wait_for_timeout(500)
    assert page.locator(".errors-wrapper").count() == 0  # every schema reference resolved
    assert page.evaluate("window.__violations") == []
    assert all(url.startswith(lead_server.url) or url.startswith("data:") for url in requested)
    page.screenshot(path=str(shots / "docs.png"))
    context.close()


def test_the_component_in_any_page(browser, lead_server, articles):
    """The README's embedding: a host page with the script and a card property or a src."""
    with lead_server.client() as client:
        card = client.post("/v1/cards", json={"text": articles[2], "title": "Rail cuts"}).json()
    context = browser.new_context()
    page = context.new_page()
    host = f"{lead_server.url}/a-cms-page"  # answered by the browser itself, not the service (a public origin may not load from loopback)
    page.route(f"{lead_server.url}/cards/rail.json", lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(card)))
    page.route(host, lambda route: route.fulfill(status=200, content_type="text/html", body=(
        f'<!doctype html><h1>CMS</h1><script src="{lead_server.url}/static/fact-card.js"></script>'
        '<fact-card id="by-src" src="/cards/rail.json"></fact-card><fact-card id="by-property"></fact-card>'
    )))
    page.goto(host)
    page.evaluate("card => document.getElementById('by-property').card = card", card)
    for element in ("by-src", "by-property"):
        page.wait_for_selector(f"#{element} tr.fact")
        assert page.locator(f"#{element} tr.fact").count() == len(card["facts"])
        assert page.locator(f"#{element} .title").inner_text() == "Rail cuts"
        assert page.locator(f"#{element} .review").count() == 0  # review controls only with the reviewable attribute
    context.close()


@pytest.fixture(scope="module")
def token_server(tmp_path_factory):
    from servers import running_server

    with running_server(tmp_path_factory.mktemp("token"), "--summarizer", "lead", "--workers", "1", env={"FACTCARDS_TOKEN": "desk-token"}) as server:
        yield server


def test_a_deployment_with_a_token_asks_for_it(browser, token_server, articles):
    context = browser.new_context(base_url=token_server.url)
    page = context.new_page()
    page.add_init_script(WATCH_CSP)
    page.goto("/")
    page.wait_for_selector("#token-box:not([hidden])")  # /v1/plugins answered 401
    page.fill("#article", articles[0])
    page.click("#make")
    page.wait_for_selector("#status.error")
    assert "access token" in page.locator("#status").inner_text()
    page.fill("#token", "desk-token")
    page.click("#make")
    page.wait_for_selector("#status:has-text('Card made')")
    assert page.locator("fact-card tr.fact").count() > 0
    assert page.evaluate("window.__violations") == []
    context.close()


@pytest.mark.parametrize("width", [1366, 390])
def test_axe_finds_no_accessibility_violation(page, sample_path, width):
    """axe-core's WCAG 2 A/AA rules (labels, roles, names, colour contrast...), inside the component's shadow DOM too."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("axe-playwright-python is not installed (pip install -e '.[dev]')")
        pytest.skip("axe-playwright-python is not installed")
    page.set_viewport_size({"width": width, "height": 900})
    card = make_card(page, path=sample_path)
    money = next(i for i, f in enumerate(card["facts"]) if f["type"] == "money")
    fact_row(page, money).click()
    fact_row(page, money).locator("button[data-status='corrected']").click()  # the correction field open
    page.fill("#headline", "Russia spends $490 million, up 40%")
    page.click("#check-button")
    page.wait_for_selector("#check-result .verdicts li")
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == []
