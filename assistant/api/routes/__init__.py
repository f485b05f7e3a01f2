"""One router per feature: chat, openai, documents, feedback, health."""
