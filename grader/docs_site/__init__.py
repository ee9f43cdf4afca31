"""MkDocs build-time helpers for the learn docs site (hooks registered in mkdocs.yml)."""
