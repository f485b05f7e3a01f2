"""The chat database's Alembic revisions, oldest first by number. A package, so a wheel ships them."""
