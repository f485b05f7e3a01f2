"""Domain errors. Each carries a machine-readable `code` and a Norwegian message for end users.

AssistantError
├── EmptyQuestion          (empty_question)
├── QuestionTooLong        (question_too_long)
├── UnsupportedFile        (unsupported_file)
├── UnreadableFile         (unreadable_file)
│   └── ScannedPdf         (scanned_pdf)
└── StoreUnavailable       (store_unavailable)
"""

from __future__ import annotations


class AssistantError(Exception):
    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class EmptyQuestion(AssistantError):
    code = "empty_question"


class QuestionTooLong(AssistantError):
    code = "question_too_long"


class UnsupportedFile(AssistantError):
    code = "unsupported_file"


class UnreadableFile(AssistantError):
    code = "unreadable_file"


class ScannedPdf(UnreadableFile):
    code = "scanned_pdf"


class StoreUnavailable(AssistantError):
    code = "store_unavailable"
