"""Language data for quoteattr, one subpackage per language (``quoteattr.lang.en``)."""
