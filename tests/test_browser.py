"""The rendered page in a real headless browser (Debian's chromium + chromedriver).

Renders the invented foreign-ministry briefing (``docs/foreign_ministry_briefing.txt``)
with the real extraction, opens it through a file:// URL, checks the DOM and the
computed colours, and saves a screenshot. Skipped when /usr/bin/chromium or
/usr/bin/chromedriver is missing (``.ci/run`` installs both with apt).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quoteattr import Quote, QuoteType, extract_quotes, render_html
from quoteattr.render import quote_title

pytestmark = pytest.mark.model

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTICLE = Path(__file__).resolve().parents[1] / "docs" / "foreign_ministry_briefing.txt"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless chromium driven by chromedriver, 1200x900."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.skip(
            f"{' and '.join(missing)} not found; install Debian's chromium and "
            "chromium-driver (`.ci/run` does) to run the browser test"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1200,900",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def quotes(nlp) -> list[Quote]:  # type: ignore[no-untyped-def]
    return extract_quotes(ARTICLE.read_text(encoding="utf-8"), nlp=nlp)


@pytest.fixture(scope="module")
def page(browser: Any, quotes: list[Quote], tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The rendered article, loaded in the browser."""
    path = tmp_path_factory.mktemp("render") / "briefing.html"
    text = ARTICLE.read_text(encoding="utf-8")
    path.write_text(render_html(text, quotes, title=ARTICLE.name), encoding="utf-8")
    browser.get(path.as_uri())
    return browser


def _style(driver: Any, css: str, prop: str) -> list[str]:
    values: list[str] = driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]))"
        ".map(e => getComputedStyle(e)[arguments[1]]);",
        css,
        prop,
    )
    return values


def test_browser_one_highlight_per_quote(page: Any, quotes: list[Quote]) -> None:
    assert len(quotes) >= 8, "the briefing has quotes by several speakers"
    count = page.execute_script("return document.querySelectorAll('.qa-quote[id]').length;")
    assert count == len(quotes)
    texts = page.execute_script(
        "return Array.from(document.querySelectorAll('.qa-quote[id]')).map(e => e.textContent);"
    )
    assert texts == [q.text for q in quotes]
    visible = page.execute_script("return document.querySelector('.qa-article').textContent;")
    assert visible == ARTICLE.read_text(encoding="utf-8")


def test_browser_colours_per_speaker(page: Any, quotes: list[Quote]) -> None:
    colours = _style(page, ".qa-quote[id]", "backgroundColor")
    speakers = [q.speaker.id if q.speaker else None for q in quotes]
    by_speaker: dict[int | None, set[str]] = {}
    for sid, colour in zip(speakers, colours, strict=True):
        by_speaker.setdefault(sid, set()).add(colour)
    assert all(len(c) == 1 for c in by_speaker.values()), by_speaker
    distinct = {next(iter(c)) for c in by_speaker.values()}
    assert len(distinct) == len(by_speaker) >= 3
    assert "rgba(0, 0, 0, 0)" not in distinct  # every quote is actually highlighted


def test_browser_who_said_what_table(page: Any, quotes: list[Quote]) -> None:
    rows = page.execute_script(
        "return Array.from(document.querySelectorAll('.qa-table tbody tr'))"
        ".map(r => Array.from(r.cells).map(c => c.textContent));"
    )
    assert all(len(q.text) <= 120 for q in quotes), "first-quote cells are not shortened"
    expected: dict[int, list[str]] = {}
    for q in quotes:
        assert q.speaker is not None
        shown = f"\u201c{q.text}\u201d" if q.type is QuoteType.DIRECT else q.text  # paraphrase
        row = expected.setdefault(q.speaker.id, [q.speaker.label, q.speaker.role or "", "0", shown])
        row[2] = str(int(row[2]) + 1)
        if not row[1] and q.speaker.role:
            row[1] = q.speaker.role
    assert rows == list(expected.values())
    # the table sits above the article
    top = page.execute_script(
        "return [document.querySelector('.qa-table').getBoundingClientRect().top,"
        " document.querySelector('.qa-article').getBoundingClientRect().top];"
    )
    assert top[0] < top[1]


def test_browser_hover_title_and_links(page: Any, quotes: list[Quote]) -> None:
    title = page.execute_script("return document.querySelector('.qa-quote[id]').title;")
    assert title == quote_title(quotes[0])
    hrefs = page.execute_script(
        "return Array.from(document.querySelectorAll('a.qa-mention'))"
        ".map(a => [a.dataset.speaker, a.getAttribute('href')]);"
    )
    first: dict[str, str] = {}
    for i, q in enumerate(quotes):
        if q.speaker is not None:
            first.setdefault(str(q.speaker.id), f"#qa-q{i}")
    assert hrefs and all(href == first[sid] for sid, href in hrefs)


def test_browser_screenshot(page: Any, tmp_path: Path) -> None:
    shot = tmp_path / "render.png"
    assert page.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 10_000


@pytest.mark.issue(14)
def test_browser_palette_is_okabe_ito_and_underlines_by_confidence(
    page: Any, quotes: list[Quote]
) -> None:
    from quoteattr.render.style import PALETTE

    def rgb(hex_colour: str) -> str:
        r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
        return f"rgb({r}, {g}, {b})"

    borders = _style(page, ".qa-quote[id]", "borderBottomColor")
    styles = _style(page, ".qa-quote[id]", "borderBottomStyle")
    for q, colour, style in zip(quotes, borders, styles, strict=True):
        assert q.speaker is not None
        assert colour == rgb(PALETTE[q.speaker.id % len(PALETTE)][1])
        want = "solid" if q.confidence >= 0.8 else "dashed" if q.confidence >= 0.5 else "dotted"
        assert style == want, (q.text, q.confidence)


@pytest.mark.issue(14)
def test_browser_quotes_listed_per_speaker(page: Any, quotes: list[Quote]) -> None:
    items = page.execute_script(
        "return Array.from(document.querySelectorAll('.qa-by-speaker h3')).map(h => ["
        "h.dataset.speaker, Array.from(h.nextElementSibling.querySelectorAll('li a'))"
        ".map(a => a.getAttribute('href'))]);"
    )
    expected: dict[str, list[str]] = {}
    for i, q in enumerate(quotes):
        assert q.speaker is not None
        expected.setdefault(str(q.speaker.id), []).append(f"#qa-q{i}")
    assert [(sid, hrefs) for sid, hrefs in items] == list(expected.items())
    confidences = page.execute_script(
        "return Array.from(document.querySelectorAll('.qa-by-speaker .qa-conf'))"
        ".map(e => e.textContent);"
    )
    order = [i for hrefs in expected.values() for i in (int(h[5:]) for h in hrefs)]
    assert confidences == [f"{quotes[i].confidence:.2f}" for i in order]
    below = page.execute_script(
        "return [document.querySelector('.qa-article').getBoundingClientRect().bottom,"
        " document.querySelector('.qa-by-speaker').getBoundingClientRect().top];"
    )
    assert below[0] <= below[1]
