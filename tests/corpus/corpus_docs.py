"""An invented multi-article corpus as quote records: four outlets, people, quotations.

Every name, outlet and sentence here is made up. ``record`` builds one
``QuoteRecord`` the way the extractor's output gives it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from quoteattr.corpus import QuoteRecord
from quoteattr.models import Quote, Speaker, TextSpan

BRIDGE = "We will rebuild the old river bridge before the spring floods arrive in town."
BRIDGE_ALTERED = "We will rebuild the old river bridge before the summer floods arrive in town."
BRIDGE_PART = "rebuild the old river bridge before the spring floods"
TAXES = "Nobody in this valley should pay a higher harbour tax than the shipping firms do."


def record(
    doc_id: str,
    order: int,
    text: str,
    name: str | None,
    *,
    index: int = 0,
    outlet: str | None = None,
    date: str | None = None,
    speaker_id: int = 0,
    entity_type: str = "person",
    type: str = "direct",
    role: str | None = None,
    role_title: str | None = None,
    gender: str | None = None,
) -> QuoteRecord:
    """One quote record, as extracted from document ``doc_id`` (the ``order``-th read)."""
    return QuoteRecord(
        doc_id=doc_id,
        quote_index=index,
        order=order,
        type=type,
        text=text,
        outlet=outlet,
        date=date,
        speaker_id=speaker_id,
        name=name,
        label=name if name is not None else "a senior official",
        entity_type=entity_type,
        role=role,
        role_title=role_title,
        gender=gender,
    )


def corpus() -> list[QuoteRecord]:
    """Five articles from four outlets: one bridge quotation carried four ways."""
    return [
        record("d1", 0, BRIDGE, "Mara Vell", outlet="Harbour Post", date="2024-03-02",
               role="mayor of Lowmouth", role_title="mayor", gender="female"),
        record("d1", 0, TAXES, "Tomas Quill", index=1, speaker_id=1, outlet="Harbour Post",
               date="2024-03-02", gender="male"),
        record("d2", 1, BRIDGE, "Mara B. Vell", outlet="Valley Times", date="2024-03-01",
               role="mayor", role_title="mayor"),
        record("d3", 2, BRIDGE_ALTERED, "Mára Vell", outlet="Coast Daily", date="2024-03-05",
               role="candidate for governor", role_title="candidate"),
        record("d4", 3, BRIDGE_PART, "Mara Vell", outlet="Ridge News", date="2024-04-10",
               type="mixed"),
        record("d4", 3, TAXES, "Ines Quill", index=1, speaker_id=1, outlet="Ridge News",
               date="2024-04-10", gender="female"),
        record("d5", 4, "The council has not seen the harbour accounts for three years.",
               "Quill", outlet="Valley Times", date="2024-04-11"),
    ]  # fmt: skip


class RuleExtractor:
    """No model: a text '"QUOTE" NAME said.' gives one direct quote by NAME."""

    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 32,
        n_process: int = 1,
        on_progress: Callable[[int], None] | None = None,
    ) -> Iterator[list[Quote]]:
        for text in texts:
            yield self.extract(text)
            if on_progress is not None:
                on_progress(len(text))

    def extract(self, text: str) -> list[Quote]:
        if not text.startswith('"'):
            return []
        end = text.index('"', 1)
        name = text[end + 2 : text.rindex(" said")]
        mention = TextSpan(text=name, start=end + 2, end=end + 2 + len(name))
        speaker = Speaker(id=0, name=name, mention=mention, entity_type="person")
        return [
            Quote(text=text[1:end], start=1, end=end, type="direct", confidence=0.9,
                  sentence=0, paragraph=0, rule="test", speaker=speaker)
        ]  # fmt: skip
