"""File → text → passages → index."""
