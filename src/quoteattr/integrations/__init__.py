"""Optional integrations with data engines; each module is imported explicitly.

``import quoteattr`` never imports them (nor their engines). Example:

    >>> from quoteattr.integrations.dask import quotes_frame  # doctest: +SKIP
"""
