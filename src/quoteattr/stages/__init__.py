"""Pipeline stages: pure functions from text or a Doc plus earlier records to new records."""
