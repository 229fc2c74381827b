"""Regenerate docs/corpus_report.png: the corpus report of an invented corpus.

Usage (from the repository root, after `make install`; needs Debian's chromium
and chromium-driver, which `.ci/run` installs):

    .venv/bin/python docs/make_corpus_report.py

Builds 400 invented articles from six invented outlets (every name and sentence
below is made up) as quote records, runs the corpus stage (no spaCy model
needed), writes the tables and report to a temporary folder and takes a
screenshot of the report's first 2,600 pixels, 1200 pixels wide, in headless
chromium.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from quoteattr.corpus import QuoteRecord, run_corpus, write_corpus

DOCS = Path(__file__).resolve().parent
WIDTH, HEIGHT = 1200, 2600
OUTLETS = ["Harbour Post", "Valley Times", "Coast Daily", "Ridge News", "Lake Ledger", "Dune FM"]
#: name, entity type, role title, role, gender the texts state
SPEAKERS = [
    ("Mara Vell", "person", "mayor", "mayor of Lowmouth", "female"),
    ("Tomas Quill", "person", "minister", "minister of harbours", "male"),
    ("Ines Quill", "person", "senator", "senator for the coast", "female"),
    ("Oren Castel", "person", "spokesman", "spokesman for the port authority", "male"),
    ("Lida Moss", "person", "professor", "professor of economics", None),
    ("Pavel Dunn", "person", "chairman", "chairman of the fishers' union", "male"),
    ("Ruth Okafor", "person", "governor", "governor of the valley", "female"),
    ("Lowmouth Harbour Authority", "organization", None, None, None),
    ("LHA", "organization", None, None, None),
    ("Fishers' Union", "organization", None, None, None),
    (None, "anonymous", None, None, None),
    (None, "description", None, None, None),
]
QUOTATIONS = [
    "We will rebuild the old river bridge before the spring floods arrive in town.",
    "Nobody in this valley should pay a higher harbour tax than the shipping firms do.",
    "The port will stay open all winter, whatever the weather brings to the coast.",
    "Our boats have caught less fish every year for a decade, and nobody in power listens.",
    "The new ferry line will cut the crossing to the islands from two hours to forty minutes.",
    "I have never taken a single coin from the dredging companies, and I never will.",
]
FILLER = "The council will publish the figures for district {} next week, {} said."


def invented_corpus(seed: int = 7) -> list[QuoteRecord]:
    """400 invented documents, 2 to 6 quotes each, over eight months.

    Quotation ``k`` is said by speaker ``k``; one outlet in ten gives it to someone else.
    """
    rng = random.Random(seed)
    records: list[QuoteRecord] = []
    for doc in range(400):
        outlet = OUTLETS[rng.randrange(len(OUTLETS))]
        date = f"2024-{rng.randint(1, 8):02d}-{rng.randint(1, 28):02d}"
        for index in range(rng.randint(2, 6)):
            who = rng.randrange(len(SPEAKERS))
            if rng.random() < 0.2:
                k = rng.randrange(len(QUOTATIONS))
                quote, kind_of_quote = QUOTATIONS[k], "direct"
                who = k if rng.random() > 0.1 else who
                if rng.random() < 0.3:
                    quote = quote.replace("will", "shall", 1)
                if rng.random() < 0.2:
                    quote = " ".join(quote.split()[2:10])
            else:
                quote, kind_of_quote = FILLER.format(doc, "the speaker"), "indirect"
            name, kind, title, role, gender = SPEAKERS[who]
            records.append(
                QuoteRecord(
                    doc_id=f"article-{doc}", quote_index=index, order=doc, type=kind_of_quote,
                    text=quote, outlet=outlet, date=date, speaker_id=index, name=name,
                    label=name or "an official", entity_type=kind, role=role,
                    role_title=title, gender=gender,
                )
            )  # fmt: skip
    return records


def main() -> int:
    """Write docs/corpus_report.png; return the exit code."""
    tables = run_corpus(invented_corpus())
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(arg)
    options.add_argument(f"--window-size={WIDTH},{HEIGHT}")
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(tables, tmp, title="Corpus report: an invented corpus")
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.get((Path(tmp) / "report.html").as_uri())
            inner = driver.execute_script("return window.innerHeight;")
            driver.set_window_size(WIDTH, 2 * HEIGHT - int(inner))
            png = DOCS / "corpus_report.png"
            driver.save_screenshot(str(png))
        finally:
            driver.quit()
    print(f"wrote {png.relative_to(DOCS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
