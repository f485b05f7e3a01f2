"""The scheme catalogue (`catalogue`: load and validate corpus/schemes.yaml), matching and eligibility
(`matching`), and the chat advisor that answers "which schemes fit us" and target-group questions
(`advisor`), with their rule files."""
