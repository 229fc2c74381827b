"""User settings of the extractor; the same fields are the spaCy factory's config."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .errors import Errors
from .models import CueClass

__all__ = ["DEFAULT_CUE_CLASSES", "NON_SPEECH_CUE_CLASSES", "SPEECH_CUE_CLASSES", "Settings"]

#: Cue classes of attributions that are not speech ("officials believe", "a poll shows").
NON_SPEECH_CUE_CLASSES: frozenset[str] = frozenset(
    c.value for c in (CueClass.BELIEF, CueClass.FINDING, CueClass.PERCEPTION)
)
#: Cue classes that report speech or writing.
SPEECH_CUE_CLASSES: frozenset[str] = frozenset(
    c.value for c in CueClass if c.value not in NON_SPEECH_CUE_CLASSES
)
DEFAULT_CUE_CLASSES: frozenset[str] = frozenset(c.value for c in CueClass)


class Settings(BaseModel):
    """What the extractor reports.

    Example:
        >>> Settings(cue_classes=frozenset({"statement", "belief"})).resolve_pronouns
        True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    cue_classes: frozenset[str] = Field(
        default=DEFAULT_CUE_CLASSES,
        description="Cue classes to report; all by default, including 'belief', 'finding' "
        "and 'perception' ('officials believe ...', 'a poll shows ...'). "
        "SPEECH_CUE_CLASSES keeps speech only.",
    )
    scope: Literal["speech", "attributions"] = Field(
        default="speech",
        description="'speech' (default): what a reader calls a quote, direct and mixed "
        "quotations and indirect reports of speech or writing with a clausal content. "
        "'attributions': the PARC/PolNeAR convention, also beliefs, perceptions, findings, "
        "noun-phrase and infinitive contents and sourceless attributions.",
    )
    nested: bool = Field(
        default=False,
        strict=True,
        description="Also report attributions nested inside a quotation ('\"Our mayor said "
        "[the budget was fine],\" she said') and, in the 'speech' scope, inside another's "
        "content. Quotes never partly overlap either way.",
    )
    indirect: bool = Field(
        default=True, strict=True, description="Report indirect (unquoted) speech."
    )
    resolve_pronouns: bool = Field(
        default=True, strict=True, description="Resolve pronoun speakers to a named antecedent."
    )
    unattributed: bool = Field(
        default=False,
        strict=True,
        description="Also report quotations for which no speaker was found (speaker=None).",
    )
    min_confidence: float = Field(
        default=0.0,
        ge=0.0,
        le=1.0,
        strict=True,
        allow_inf_nan=False,
        description="Drop quotes below this confidence (a number from 0 to 1).",
    )
    chunk_chars: int = Field(
        default=40_000,
        ge=200,
        description="Texts longer than this are processed in paragraph chunks of about this "
        "size (QuoteExtractor.extract and pipe; the component sees whole Docs).",
    )
    fast: bool = Field(
        default=False,
        description="Parse only the sentences with a quotation mark or a cue word, and their "
        "context (QuoteExtractor.extract and pipe only).",
    )

    @model_validator(mode="before")
    @classmethod
    def _known_settings(cls, data: object) -> object:
        if isinstance(data, dict):
            unknown = sorted(str(k) for k in data if k not in cls.model_fields)
            if unknown:
                known = ", ".join(cls.model_fields)
                raise ValueError(Errors.E012.format(unknown=", ".join(unknown), known=known))
        return data

    @field_validator("cue_classes", mode="before")
    @classmethod
    def _known_classes(cls, value: object) -> frozenset[str]:
        if isinstance(value, str):
            raise ValueError(
                Errors.E004.format(value=value, name="cue_classes", allowed="a set of " + _known())
            )
        if not isinstance(value, Iterable):
            raise ValueError(
                Errors.E004.format(value=value, name="cue_classes", allowed="a set of " + _known())
            )
        items = frozenset(str(v.value if isinstance(v, CueClass) else v) for v in value)
        unknown = sorted(items - {c.value for c in CueClass})
        if unknown:
            raise ValueError(Errors.E005.format(unknown=unknown, known=_known()))
        return items


def _known() -> str:
    return ", ".join(sorted(c.value for c in CueClass))
