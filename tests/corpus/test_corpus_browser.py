"""The corpus report in a real headless browser (Debian's chromium + chromedriver).

Writes the report of the invented corpus, opens it through a file:// URL and checks
that every chart is drawn at a real size, that the page loads nothing and logs no
error, and that the name-based gender estimate is labelled as one. Skipped when
/usr/bin/chromium or /usr/bin/chromedriver is missing (``.ci/run`` installs both).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

from quoteattr.corpus import run_corpus, write_corpus

from .corpus_docs import corpus

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The report of the invented corpus, loaded in headless chromium (1200x900)."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.skip(f"{' and '.join(missing)} not found; install Debian's chromium and "
                    "chromium-driver (`.ci/run` does) to run the browser test")  # fmt: skip
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(run_corpus(corpus()), folder, formats=("csv",), title="Invented corpus")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1200,900"):  # fmt: skip
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        driver.get((folder / "report.html").as_uri())
        yield driver
    finally:
        driver.quit()


def test_corpus_browser_charts_are_drawn(page: Any) -> None:
    sizes = page.execute_script(
        "return Array.from(document.querySelectorAll('svg'))"
        ".map(s => [s.getBoundingClientRect().width, s.getBoundingClientRect().height]);"
    )
    assert len(sizes) == 6
    assert all(w > 300 and h > 150 for w, h in sizes), sizes


def test_corpus_browser_page_loads_nothing_and_logs_no_error(page: Any) -> None:
    resources = page.execute_script("return performance.getEntriesByType('resource').length;")
    assert resources == 0
    errors = [e for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_corpus_browser_figures_and_estimate_label(page: Any) -> None:
    text = page.find_element("tag name", "body").text
    assert "4\\ncorpus speakers" in text.replace("\n", "\\n")
    assert "ESTIMATE: gender from first names" in text
    assert page.find_element("css selector", "p.estimate").is_displayed()
    flags = page.execute_script(
        "return Array.from(document.querySelectorAll('td.flag')).map(td => td.textContent);"
    )
    assert sorted(flags) == ["", "yes"]
