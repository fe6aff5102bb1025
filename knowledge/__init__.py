"""The fact base: curated files, the compiler that verifies them, the SQLite artefact and its queries."""
