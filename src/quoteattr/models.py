"""Pydantic output models: what quoteattr returns to its users.

Every model is frozen and forbids extra fields; every field carries a
description, so ``Quote.model_json_schema(mode="serialization")`` documents the JSON
output (with ``Speaker.label``, a computed field: dumped, and ignored on input).
Offsets are Python string indexes into the caller's original text,
end-exclusive: ``original[q.start:q.end] == q.text``.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from .errors import Errors

__all__ = [
    "Cue",
    "CueClass",
    "EntityType",
    "Gender",
    "Quote",
    "QuoteType",
    "Speaker",
    "TextSpan",
    "replaced",
]

_M = TypeVar("_M", bound=BaseModel)


class QuoteType(str, Enum):
    """How the reported words are given."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class CueClass(str, Enum):
    """What kind of reporting act a cue denotes."""

    STATEMENT = "statement"
    DENIAL = "denial"
    ACCUSATION = "accusation"
    DIRECTIVE = "directive"
    QUESTION = "question"
    AGREEMENT = "agreement"
    CRITICISM = "criticism"
    PRAISE = "praise"
    PROMISE = "promise"
    WARNING = "warning"
    WRITING = "writing"
    SOURCE = "source"
    BELIEF = "belief"
    FINDING = "finding"
    PERCEPTION = "perception"


class EntityType(str, Enum):
    """Coarse type of a speaker."""

    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    GROUP = "group"
    DOCUMENT = "document"
    ANONYMOUS = "anonymous"
    DESCRIPTION = "description"
    UNKNOWN = "unknown"


class Gender(str, Enum):
    """Grammatical gender the text itself gives a speaker (pronoun, honorific)."""

    FEMALE = "female"
    MALE = "male"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextSpan(_Frozen):
    """A stretch of the original text.

    Example:
        >>> TextSpan(text="said", start=10, end=14).end
        14
    """

    text: str = Field(description="The characters of the original text between start and end.")
    start: int = Field(ge=0, description="Start offset (Python string index, inclusive).")
    end: int = Field(ge=0, description="End offset (Python string index, exclusive).")

    @model_validator(mode="after")
    def _check_bounds(self) -> TextSpan:
        if self.end < self.start or self.end - self.start != len(self.text):
            raise ValueError(
                Errors.E018.format(start=self.start, end=self.end, length=len(self.text))
            )
        return self


class Cue(TextSpan):
    """The words that report the speech act ("said", "called on", "according to")."""

    cue_class: CueClass = Field(
        default=CueClass.STATEMENT, description="Kind of reporting act the cue denotes."
    )
    lemma: str = Field(default="", description="Lexicon entry the cue matched (lower case).")


class Speaker(_Frozen):
    """Who said it, as resolved within one document."""

    id: int = Field(
        ge=0, description="Shared by every quote of the same speaker in the same document."
    )
    name: str | None = Field(
        description="Canonical name in this document, e.g. 'Anthony Blinken'; None for a "
        "source the text does not name ('a senior official', 'residents')."
    )
    mention: TextSpan = Field(description="The span the attribution uses: 'He', 'Blinken'.")
    role: str | None = Field(
        default=None,
        description="Title or function, e.g. 'spokesperson for the Chinese Foreign Ministry'.",
    )
    role_title: str | None = Field(
        default=None, description="The title part of the role, e.g. 'spokesperson'."
    )
    affiliation: str | None = Field(
        default=None,
        description="The organisation part of the role, e.g. 'the Chinese Foreign Ministry'.",
    )
    entity_type: EntityType = Field(
        default=EntityType.UNKNOWN,
        description="person, organization, group, document, anonymous, place, ...",
    )
    gender: Gender | None = Field(
        default=None,
        description="Only where the text states it (he/she, Mr/Ms); never guessed from a name.",
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_label(cls, data: Any) -> Any:
        """Accept a dump: ``label`` is computed from the fields, so its input is ignored."""
        if isinstance(data, dict) and "label" in data:
            data = {k: v for k, v in data.items() if k != "label"}
        return data

    @computed_field(  # type: ignore[prop-decorator]
        description="The name, or for a source the text does not name, the mention as "
        "written ('a senior official'); part of every dump, ignored on input."
    )
    @property
    def label(self) -> str:
        """The name, or for an unnamed source the mention as written.

        Example:
            >>> m = TextSpan(text="a senior official", start=0, end=17)
            >>> Speaker(id=0, name=None, mention=m).label
            'a senior official'
        """
        return self.name if self.name is not None else self.mention.text


class Quote(TextSpan):
    """One attributed quotation.

    ``text``/``start``/``end`` are the content without its outer quote marks.

    Example:
        >>> from quoteattr import extract_quotes
        >>> q = extract_quotes('"We will win," Ann Lee said.')[0]  # doctest: +SKIP
        >>> (q.text, q.speaker.name, q.cue.text)  # doctest: +SKIP
        ('We will win,', 'Ann Lee', 'said')
    """

    type: QuoteType = Field(description="direct (all in quote marks), mixed, or indirect.")
    cue: Cue | None = Field(default=None, description="The reporting words, if any were found.")
    speaker: Speaker | None = Field(default=None, description="The speaker, if attributed.")
    source: TextSpan | None = Field(
        default=None,
        description="The whole source noun phrase as written (PARC convention), e.g. "
        "'Wang Wenbin, spokesperson for the Chinese Foreign Ministry'.",
    )
    confidence: float = Field(ge=0.0, le=1.0, description="Estimated probability of being right.")
    sentence: int = Field(ge=0, description="Index of the sentence where the content starts.")
    paragraph: int = Field(ge=0, description="Index of the paragraph where the content starts.")
    rule: str = Field(description="Name of the attribution rule that produced this quote.")


def replaced(model: _M, **changes: object) -> _M:
    """A copy of ``model`` with ``changes``, validated (``model_copy(update=...)`` is not).

    Example:
        >>> span = TextSpan(text="said", start=10, end=14)
        >>> replaced(span, start=20, end=24)
        TextSpan(text='said', start=20, end=24)
        >>> replaced(span, end=99)
        Traceback (most recent call last):
        pydantic_core._pydantic_core.ValidationError: 1 validation error for TextSpan
        ...
    """
    data = dict(model)  # the fields (nested models kept as they are, already validated)
    data.update(changes)
    return type(model).model_validate(data)
