"""Answer backends, citation markers and the abstention decision."""
