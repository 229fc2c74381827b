"""Regenerate docs/render_example.html and docs/render_example.png.

Usage (from the repository root, after `make install`; needs Debian's chromium
and chromium-driver, which `.ci/run` installs):

    .venv/bin/python docs/make_screenshot.py

Renders docs/foreign_ministry_briefing.txt with the default model and takes a
full-page screenshot 1200 pixels wide in headless chromium.
"""

from __future__ import annotations

import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from quoteattr import extract_quotes, render_html

DOCS = Path(__file__).resolve().parent
ARTICLE = DOCS / "foreign_ministry_briefing.txt"
WIDTH = 1200


def main() -> int:
    """Write the HTML page and its screenshot; return the exit code."""
    text = ARTICLE.read_text(encoding="utf-8")
    html_path = DOCS / "render_example.html"
    title = text.splitlines()[0].strip()  # the headline, as `quoteattr render` titles it
    html_path.write_text(render_html(text, extract_quotes(text), title=title), "utf-8")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(arg)
    options.add_argument(f"--window-size={WIDTH},900")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(html_path.as_uri())
        height = driver.execute_script("return document.documentElement.scrollHeight;")
        driver.set_window_size(WIDTH, int(height) + 200)
        inner = driver.execute_script("return window.innerHeight;")
        driver.set_window_size(WIDTH, 2 * int(height) + 200 - int(inner))
        png = DOCS / "render_example.png"
        driver.save_screenshot(str(png))
    finally:
        driver.quit()
    print(f"wrote {html_path.relative_to(DOCS.parent)} and {png.relative_to(DOCS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
