"""Embedders, the vector store and the lexical (BM25) index."""
