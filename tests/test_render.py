"""``quoteattr.render``: HTML rendering of hand-built quotes (no model), the CLI and displaCy."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr import Quote, render_html
from quoteattr.models import Cue, Speaker, TextSpan
from quoteattr.render import (
    QuoteView,
    colour_class,
    confidence_class,
    quote_title,
    render_documents_html,
    render_fragment,
)
from quoteattr.render.style import PALETTE


def main(argv: list[str]) -> int:
    """``quoteattr.cli.main``, imported when a CLI test runs."""
    from quoteattr.cli import main as cli_main

    return cli_main(argv)


Speak = tuple[int, str, int, int, str | None]  # id, name, mention start, mention end, role


def make_quote(
    text: str,
    start: int,
    end: int,
    *,
    speaker: Speak | None = None,
    cue: tuple[int, int] | None = None,
    qtype: str = "direct",
    confidence: float = 0.9,
) -> Quote:
    """A Quote over ``text[start:end]`` with an optional speaker and cue."""
    sp = None
    if speaker is not None:
        sid, name, ms, me, role = speaker
        mention = TextSpan(text=text[ms:me], start=ms, end=me)
        sp = Speaker(id=sid, name=name, mention=mention, role=role)
    cu = Cue(text=text[cue[0] : cue[1]], start=cue[0], end=cue[1]) if cue else None
    return Quote(
        text=text[start:end],
        start=start,
        end=end,
        type=qtype,  # type: ignore[arg-type]
        cue=cu,
        speaker=sp,
        confidence=confidence,
        sentence=0,
        paragraph=0,
        rule="test",
    )


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def article_of(page: str) -> str:
    """The inner HTML of the article element."""
    inner = page.split('<div class="qa-article">', 1)[1]
    return inner.rsplit("</div>", 1)[0]


class Coverage(HTMLParser):
    """Which characters of the article each element covers, and whether tags nest properly."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pos = 0
        self.text: list[str] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.covered: dict[str, set[int]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for _, attrs in self.stack:
            classes = (attrs.get("class") or "").split()
            keys = [c for c in ("qa-cue", "qa-mention") if c in classes]
            if "qa-quote" in classes:
                keys.append(f"quote{attrs['data-quote']}")
            for key in keys:
                self.covered.setdefault(key, set()).update(range(self.pos, self.pos + len(data)))
        self.pos += len(data)


def coverage(page: str) -> Coverage:
    parser = Coverage()
    parser.feed(article_of(page))
    parser.close()
    assert parser.stack == []
    return parser


def chars(*spans: tuple[int, int]) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


TEXT = (
    '"We will <rebuild> & stay," Ann Lee said. She called on "everyone" to help.\n\n'
    "Lee's office denied that the 'plan' was late."
)


def sample_quotes(text: str = TEXT) -> list[Quote]:
    ann = (0, "Ann Lee", *span(text, "Ann Lee"), "mayor")
    she = (0, "Ann Lee", *span(text, "She"), "mayor")
    office = (1, "Lee's office", *span(text, "Lee's office"), None)
    return [
        make_quote(text, 1, 26, speaker=ann, cue=span(text, "said")),
        make_quote(
            text, *span(text, 'everyone" to help'), speaker=she, cue=span(text, "called on")
        ),
        make_quote(
            text,
            *span(text, "that the 'plan' was late"),
            speaker=office,
            cue=span(text, "denied"),
            qtype="indirect",
        ),
    ]


def test_render_escapes_markup_and_quotes() -> None:
    text = "Ann said \"<script>alert('x')</script> & more\"."
    q = make_quote(
        text, *span(text, "<script>alert('x')</script> & more"), speaker=(0, 'A"nn', 0, 3, "<b>")
    )
    page = render_html(text, [q], title="<t>")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in page
    assert "<title>&lt;t&gt;</title>" in page
    assert "Role: &lt;b&gt;" in page  # hover text
    assert "<td>&lt;b&gt;</td>" in page  # table
    assert "A&quot;nn" in page


def test_render_visible_text_is_the_original() -> None:
    page = render_html(TEXT, sample_quotes())
    text = html.unescape(re.sub(r"<[^>]+>", "", article_of(page)))
    assert text == TEXT
    assert "".join(coverage(page).text) == TEXT


@pytest.mark.parametrize(
    "case",
    ["cue_inside_quote", "crossing_quotes", "mention_inside_quote", "cue_crosses_quote", "nested"],
)
def test_render_overlaps_nest_properly(case: str) -> None:
    text = 'Ann Lee said "we, Ann Lee said, will win" and "then go home" at dawn.'
    ann = (0, "Ann Lee", 0, 7, None)
    bob = (1, "Bob", 0, 3, None)
    q1 = span(text, "we, Ann Lee said, will win")
    if case == "cue_inside_quote":
        quotes = [make_quote(text, *q1, speaker=ann, cue=span(text, "said", 1))]
    elif case == "crossing_quotes":
        quotes = [
            make_quote(text, *q1, speaker=ann),
            make_quote(text, *span(text, 'will win" and "then go'), speaker=bob),
        ]
    elif case == "mention_inside_quote":
        inner = (0, "Ann Lee", *span(text, "Ann Lee", 1), None)
        quotes = [make_quote(text, *q1, speaker=inner, cue=span(text, "said"))]
    elif case == "cue_crosses_quote":
        quotes = [
            make_quote(text, *span(text, 'win" and'), speaker=ann, cue=span(text, "will win"))
        ]
    else:
        quotes = [
            make_quote(text, 0, len(text), speaker=ann, cue=(0, len(text))),
            make_quote(text, *q1, speaker=bob, cue=span(text, "said", 1)),
        ]
    page = render_html(text, quotes)
    cov = coverage(page)
    assert "".join(cov.text) == text
    for i, q in enumerate(quotes):
        assert cov.covered[f"quote{i}"] == chars((q.start, q.end))
        assert page.count(f'id="qa-q{i}"') == 1
    cues = [(q.cue.start, q.cue.end) for q in quotes if q.cue is not None]
    assert cov.covered.get("qa-cue", set()) == chars(*cues)
    mentions = {(q.speaker.mention.start, q.speaker.mention.end) for q in quotes if q.speaker}
    assert cov.covered["qa-mention"] == chars(*mentions)


def test_render_crossing_quotes_split_only_the_later_one() -> None:
    text = "aaa bbb ccc ddd"
    quotes = [make_quote(text, 0, 7), make_quote(text, 4, 11)]
    article = article_of(render_html(text, quotes))
    assert article.count('class="qa-quote') == 3
    assert article.count('class="qa-quote qa-cont') == 1
    assert re.sub(r' (title|data-[a-z]+)="[^"]*"', "", article) == (
        '<span id="qa-q0" class="qa-quote qa-cx">aaa <span id="qa-q1" class="qa-quote qa-cx">'
        'bbb</span></span><span class="qa-quote qa-cont qa-cx"> ccc</span> ddd'
    )


def test_render_one_element_per_quote_and_shared_mention_once() -> None:
    quotes = sample_quotes()
    page = render_html(TEXT, quotes)
    article = article_of(page)
    assert article.count('class="qa-quote ') == 3
    assert [int(m) for m in re.findall(r'id="qa-q(\d+)"', article)] == [0, 1, 2]
    assert article.count('class="qa-mention') == 3  # "Ann Lee", "She", "Lee's office"
    assert 'href="#qa-q0" data-speaker="0" data-quotes="qa-q0 qa-q1"' in article
    assert 'href="#qa-q2" data-speaker="1" data-quotes="qa-q2"' in article


def test_render_mention_shared_by_quotes_is_drawn_once() -> None:
    text = 'Ann Lee said "one" and "two".'
    ann = (3, "Ann Lee", 0, 7, None)
    quotes = [
        make_quote(text, *span(text, "one"), speaker=ann, cue=(8, 12)),
        make_quote(text, *span(text, "two"), speaker=ann, cue=(8, 12)),
    ]
    article = article_of(render_html(text, quotes))
    assert article.count("<a ") == 1
    assert article.count('class="qa-cue') == 1
    assert article.count('class="qa-quote qa-c3"') == 2


def test_render_colours_are_stable_per_speaker() -> None:
    assert [colour_class(i) for i in (0, 1, 6, 7, 8)] == [
        "qa-c0",
        "qa-c1",
        "qa-c6",
        "qa-c0",
        "qa-c1",
    ]
    assert len(PALETTE) == 7 and len(set(PALETTE)) == 7
    quotes = sample_quotes()
    page = render_html(TEXT, quotes)
    assert page == render_html(TEXT, quotes)
    classes = re.findall(r'class="qa-quote (qa-c\w+)" data-quote="\d" data-speaker="(\d)"', page)
    assert classes == [("qa-c0", "0"), ("qa-c0", "0"), ("qa-c1", "1")]


def test_render_hover_title() -> None:
    quotes = sample_quotes()
    assert quote_title(quotes[1]) == (
        "Speaker: Ann Lee (as \u201cShe\u201d)\nRole: mayor\nCue: called on (statement)\n"
        "Type: direct\nConfidence: 0.90"
    )
    assert quote_title(quotes[2]).splitlines()[:2] == ["Speaker: Lee's office", "Role: none"]
    page = render_html(TEXT, quotes)
    assert 'title="Speaker: Lee&#x27;s office\nRole: none\nCue: denied (statement)' in page


def test_render_who_said_what_table() -> None:
    text = "x" * 10 + " " + " ".join(["word"] * 40)
    long_q = make_quote(text, 11, len(text), speaker=(2, "Bo", 0, 3, None))
    quotes = [*sample_quotes(), make_quote(TEXT, 28, 35)]  # the last one unattributed
    page = render_html(TEXT, quotes)
    rows = re.findall(r"<tr data-speaker=\"(\d*)\">(.*?)</tr>", page)
    assert [r[0] for r in rows] == ["0", "1", ""]
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", r[1]) for r in rows]
    strip = [[html.unescape(re.sub(r"<[^>]+>", "", c)) for c in row] for row in cells]
    assert strip == [
        ["Ann Lee", "mayor", "2", "\u201cWe will <rebuild> & stay,\u201d"],
        ["Lee's office", "", "1", "that the 'plan' was late"],  # a paraphrase: no marks
        ["(unattributed)", "", "1", "\u201cAnn Lee\u201d"],
    ]
    assert '<p class="qa-summary">4 quotes by 2 speakers</p>' in page
    long_page = render_html(text, [long_q])
    first = re.findall(r'<td><a href="#qa-q0">([^<]*)</a></td></tr>', long_page)[0]
    assert first == "\u201c" + " ".join(["word"] * 23) + "\u2026\u201d"


def test_render_empty_quote_list() -> None:
    page = render_html("Nothing & nobody.\n", [])
    assert article_of(page) == "Nothing &amp; nobody.\n"
    assert "<tbody></tbody>" in page
    assert '<p class="qa-summary">0 quotes by 0 speakers</p>' in page
    assert "<title>Who said what</title>" in page
    assert article_of(render_html("", [])) == ""


def test_render_offsets_at_both_ends() -> None:
    text = '"Go" said Ann'
    q = make_quote(text, 0, len(text), speaker=(0, "Ann", 10, 13, None), cue=(5, 9))
    page = render_html(text, [q])
    cov = coverage(page)
    assert cov.covered["quote0"] == chars((0, len(text)))
    assert cov.covered["qa-mention"] == chars((10, 13))
    assert article_of(page).endswith("Ann</a></span>")


def test_render_emoji_and_cjk() -> None:
    text = "\U0001f4f0 李明 said \u201c我们会赢 \U0001f389\u201d today.\n\n\u201cOui,\u201d dit-il."
    li = (0, "李明", *span(text, "李明"), "部长")
    quotes = [
        make_quote(text, *span(text, "我们会赢 \U0001f389"), speaker=li, cue=span(text, "said")),
        make_quote(text, *span(text, "Oui,"), speaker=None),
    ]
    page = render_html(text, quotes)
    cov = coverage(page)
    assert "".join(cov.text) == text
    assert cov.covered["quote0"] == chars(span(text, "我们会赢 \U0001f389"))
    assert "<td>部长</td>" in page


def test_render_loads_nothing() -> None:
    page = render_html(TEXT, sample_quotes())
    for needle in ("<script", "<link", "<img", "src=", "http:", "https:", "@import", "url("):
        assert needle not in page.lower()
    assert "default-src 'none'" in page
    assert "white-space: pre-wrap" in page


@pytest.mark.parametrize("bad", [("quote", 200, 205), ("cue", 0, 3), ("speaker mention", 4, 6)])
def test_render_rejects_offsets_that_do_not_index_the_text(bad: tuple[str, int, int]) -> None:
    what, start, end = bad
    other = "y" * 300
    if what == "quote":
        q = make_quote(other, start, end)
    elif what == "cue":
        q = make_quote(TEXT, 1, 26, cue=(start, end)).model_copy(
            update={"cue": Cue(text="abc", start=start, end=end)}
        )
    else:
        q = make_quote(TEXT, 1, 26, speaker=(0, "A", start, end, None)).model_copy(
            update={"speaker": Speaker(id=0, name="A", mention=TextSpan(text="zz", start=4, end=6))}
        )
    with pytest.raises(ValueError, match=rf"\[QA011\] The {what} of quote 0 \({start}, {end}\)"):
        render_html(TEXT, [q])


def test_cli_render_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.html"
    code = main(["render", str(tmp_path / "missing.txt"), "-o", str(out)])
    assert code == 1
    assert capsys.readouterr().err == (
        f"quoteattr: cannot read {tmp_path / 'missing.txt'}: No such file or directory\n"
    )
    assert not out.exists()


def test_cli_render_help_has_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--help"]) == 0
    assert "quoteattr render docs/foreign_ministry_briefing.txt -o" in capsys.readouterr().out


@pytest.mark.model
def test_cli_render_writes_the_page_atomically(
    nlp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    from quoteattr import extract_quotes

    article = tmp_path / "a.txt"
    text = '"We will rebuild," Mara Vell said.\n\nShe added that taxes would rise.\n'
    article.write_text(text, encoding="utf-8")
    out = tmp_path / "a.html"
    out.write_text("old", encoding="utf-8")
    assert main(["render", str(article), "-o", str(out)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "a.txt"]
    page = out.read_text(encoding="utf-8")
    assert page == render_html(
        text, extract_quotes(text), title='"We will rebuild," Mara Vell said.'
    )
    assert page.count('class="qa-quote ') == 2
    assert main(["render", str(article)]) == 0
    assert capsys.readouterr().out == page


@pytest.mark.model
def test_render_displacy_span_style_shows_speakers(load_fresh_model) -> None:  # type: ignore[no-untyped-def]
    from spacy import displacy

    nlp = load_fresh_model()
    nlp.add_pipe("quoteattr")
    doc = nlp('"We will rebuild," Mara Vell said. Ann Lee said that taxes would rise.')
    assert [s.label_ for s in doc.spans["quotes"]] == ["Mara Vell", "Ann Lee"]
    page = displacy.render(doc, style="span", options={"spans_key": "quotes"})
    labels = re.findall(r"font-size: 0\.6em[^>]*>\s*([^<]*?)\s*</span>", page)
    assert labels == ["Mara Vell", "Ann Lee"]


def test_render_zero_length_quote_gets_its_element() -> None:
    text = "Ann said it."
    q = make_quote(text, 9, 9, speaker=(0, "Ann", 0, 3, None), cue=(4, 8))
    cov = coverage(render_html(text, [q]))
    assert "".join(cov.text) == text
    assert article_of(render_html(text, [q])).count('id="qa-q0"') == 1


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet='ab <>&"\n\u00e9\u674e\U0001f389', min_size=1, max_size=30),
    raw=st.lists(
        st.tuples(
            st.integers(0, 30),
            st.integers(0, 30),
            st.integers(0, 30),
            st.integers(0, 30),
            st.integers(0, 3),
        ),
        max_size=5,
    ),
)
def test_render_any_spans_nest_and_cover_exactly(
    text: str, raw: list[tuple[int, int, int, int, int]]
) -> None:
    n = len(text)
    quotes = []
    for a, b, c, d, sid in raw:
        qs, qe = sorted((a % (n + 1), b % (n + 1)))
        cs, ce = sorted((c % (n + 1), d % (n + 1)))
        ms, me = sorted((c % (n + 1), b % (n + 1)))
        quotes.append(make_quote(text, qs, qe, speaker=(sid, "S", ms, me, None), cue=(cs, ce)))
    page = render_html(text, quotes)
    cov = coverage(page)
    assert "".join(cov.text) == text
    for i, q in enumerate(quotes):
        assert cov.covered.get(f"quote{i}", set()) == chars((q.start, q.end))
        assert page.count(f'id="qa-q{i}"') == 1
    assert cov.covered.get("qa-cue", set()) == chars(
        *((q.cue.start, q.cue.end) for q in quotes if q.cue)
    )


# --- the page ---------------------------------------------------------------------------------


def test_render_palette_is_okabe_ito() -> None:
    strong = [c for _, c in PALETTE]
    assert strong[:6] == ["#e69f00", "#0072b2", "#009e73", "#d55e00", "#cc79a7", "#56b4e9"]


@pytest.mark.issue(14)
@pytest.mark.parametrize(
    ("confidence", "css"),
    [(0.95, ""), (0.8, ""), (0.79, "qa-mid"), (0.5, "qa-mid"), (0.2, "qa-low")],
)
def test_render_confidence_visible_without_hover(confidence: float, css: str) -> None:
    assert confidence_class(confidence) == css
    text = '"Go," Ann said.'
    q = make_quote(text, 1, 4, speaker=(0, "Ann", 6, 9, None), confidence=confidence)
    page = render_html(text, [q])
    want = f"qa-quote qa-c0 {css}" if css else "qa-quote qa-c0"
    assert f'<span id="qa-q0" class="{want}" data-quote="0" data-speaker="0" ' in page
    assert f'data-confidence="{confidence:.2f}"' in page
    assert f'confidence <span class="qa-conf">{confidence:.2f}</span>' in page


@pytest.mark.issue(14)
def test_render_lists_every_quote_per_speaker() -> None:
    quotes = [*sample_quotes(), make_quote(TEXT, 28, 35)]
    page = render_html(TEXT, quotes)
    section = page.split('<section class="qa-by-speaker">', 1)[1].split("</section>", 1)[0]
    heads = re.findall(r'<h3 data-speaker="(\d*)">.*?</span>([^<]*)', section)
    assert [(sid, html.unescape(name).strip()) for sid, name in heads] == [
        ("0", "Ann Lee \u2014 mayor"),
        ("1", "Lee's office"),
        ("", "(unattributed)"),
    ]
    links = re.findall(r'<li><a href="#qa-q(\d+)">', section)
    assert links == ["0", "1", "2", "3"]
    assert "called on (statement) \u00b7 direct \u00b7 confidence" in section
    items = [html.unescape(t) for t in re.findall(r'<li><a href="#qa-q\d+">([^<]*)</a>', section)]
    assert items[2] == "that the 'plan' was late"  # a paraphrase: no marks
    assert items[0].startswith("\u201c") and items[0].endswith("\u201d")


def test_render_documents_on_one_page_have_unique_ids() -> None:
    quotes = sample_quotes()
    page = render_documents_html([("one", TEXT, quotes), ("two", TEXT, quotes[:1])], title="T")
    ids = re.findall(r'id="(qa-q\d+)"', page)
    assert ids == ["qa-q0", "qa-q1", "qa-q2", "qa-q3"]
    assert re.findall(r"<h2>(one|two)</h2>", page) == ["one", "two"]
    assert "<title>T</title>" in page


@pytest.mark.issue(14)
def test_render_notebook_view_is_a_scoped_fragment() -> None:
    quotes = sample_quotes()
    view = QuoteView(TEXT, quotes, title="Brief")
    fragment = view._repr_html_()
    assert fragment == render_fragment(TEXT, quotes, title="Brief")
    assert fragment.startswith('<div class="qa-page"><style>')
    assert "<html" not in fragment and "<body" not in fragment
    css = fragment.split("<style>", 1)[1].split("</style>", 1)[0]
    selectors = [rule.split("{")[0].strip() for rule in css.split("}") if "{" in rule]
    assert all(sel.startswith((".qa", "body.qa-body")) for sel in selectors), selectors
    assert view.to_html() == render_html(TEXT, quotes, title="Brief")


def test_cli_render_title_encoding_and_jsonl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    import quoteattr.cli.render as cli_render

    class Fake:
        def extract(self, text: str) -> list[Quote]:
            return [make_quote(text, 0, 3)] if text.startswith("Où") else []

    monkeypatch.setattr(cli_render, "load_extractor", lambda model=None, settings=None: Fake())
    latin = tmp_path / "a.txt"
    latin.write_bytes("Où est-il?\n".encode("latin-1"))
    assert main(["render", str(latin), "--encoding", "latin-1", "--title", "Mon titre"]) == 0
    page = capsys.readouterr().out
    assert "<title>Mon titre</title>" in page and article_of(page).startswith('<span id="qa-q0"')
    assert main(["render", str(latin)]) == 1
    assert "not valid utf-8" in capsys.readouterr().err
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        '{"id": "d1", "text": "Où?"}\n{"id": "d2", "text": "Rien."}\n', encoding="utf-8"
    )
    assert main(["render", str(docs), "-o", str(tmp_path / "d.html")]) == 0
    page = (tmp_path / "d.html").read_text(encoding="utf-8")
    assert re.findall(r"<h2>(d\d)</h2>", page) == ["d1", "d2"]
    assert article_of(page).count('<div class="qa-article">') == 1  # the second document
    assert "{&quot;id&quot;" not in page  # the records, not the raw JSON


@pytest.mark.model
@pytest.mark.issue(14)
def test_render_displacy_colours_per_speaker_and_paragraphs(load_fresh_model) -> None:  # type: ignore[no-untyped-def]
    from quoteattr.render import displacy_colors, render_spans

    nlp = load_fresh_model()
    nlp.add_pipe("quoteattr")
    doc = nlp('"We will rebuild," Mara Vell said.\n\nAnn Lee said that taxes would rise.')
    colours = displacy_colors(doc)
    assert colours == {"Mara Vell": PALETTE[0][1], "Ann Lee": PALETTE[1][1]}
    page = render_spans(doc, jupyter=False)
    assert page.count("<br>") == 2
    assert f"background: {PALETTE[0][1]}" in page and f"background: {PALETTE[1][1]}" in page
