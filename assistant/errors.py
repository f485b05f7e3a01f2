"""Domain errors. Each carries a machine-readable `code` and a Norwegian message for end users.

AssistantError
├── EmptyQuestion          (empty_question)
├── QuestionTooLong        (question_too_long)
├── UnsupportedFile        (unsupported_file)
├── FileTooLarge           (file_too_large)
├── DocumentTooLarge       (document_too_large)
├── IngestTimeout          (ingest_timeout)
├── DocumentExists         (document_exists)
├── CorpusDocument         (corpus_document)
├── RequestTooLarge        (request_too_large)
├── UnreadableFile         (unreadable_file)
│   ├── ScannedPdf         (scanned_pdf)
│   ├── EncryptedPdf       (encrypted_pdf)
│   └── InvalidFrontMatter (invalid_front_matter)
├── StoreUnavailable       (store_unavailable)
│   └── DataDirUnwritable  (data_dir_unwritable)
│       ├── DataDirFull    (data_dir_full)
│       └── DataDirReadOnly (data_dir_read_only)
├── RuleFileError          (invalid_rule_file)
└── NotFound               (not_found)
    ├── ConversationNotFound (conversation_not_found)
    ├── MessageNotFound      (message_not_found)
    ├── DocumentNotFound     (document_not_found)
    └── SchemeNotFound       (scheme_not_found)
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


class FileTooLarge(AssistantError):
    code = "file_too_large"


class DocumentTooLarge(AssistantError):
    """The file is within the upload size, but gives more pages, passages or units than ingest allows."""

    code = "document_too_large"


class IngestTimeout(AssistantError):
    code = "ingest_timeout"


class DocumentExists(AssistantError):
    """An upload's id is taken by a document from elsewhere (the corpus), which it must not replace."""

    code = "document_exists"


class CorpusDocument(AssistantError):
    """A delete of a document from the corpus folder: its file stays, and the next ingest would bring it
    back, so the delete would not last."""

    code = "corpus_document"


class RequestTooLarge(AssistantError):
    code = "request_too_large"


class UnreadableFile(AssistantError):
    code = "unreadable_file"


class ScannedPdf(UnreadableFile):
    code = "scanned_pdf"


class EncryptedPdf(UnreadableFile):
    code = "encrypted_pdf"


class InvalidFrontMatter(UnreadableFile):
    code = "invalid_front_matter"


class StoreUnavailable(AssistantError):
    code = "store_unavailable"


class DataDirUnwritable(StoreUnavailable):
    """The data directory refuses writes: nothing is lost, but nothing new can be stored until an
    operator acts. Its message names the cause and the remedy, for clients as well as the log."""

    code = "data_dir_unwritable"


class DataDirFull(DataDirUnwritable):
    code = "data_dir_full"


class DataDirReadOnly(DataDirUnwritable):
    code = "data_dir_read_only"


class RuleFileError(AssistantError):
    """One or more rule files (assistant/rules.py) are missing, unreadable or invalid; `problems` lists
    each, and the message lists them all."""

    code = "invalid_rule_file"

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems or (message,)


class NotFound(AssistantError):
    code = "not_found"


class ConversationNotFound(NotFound):
    code = "conversation_not_found"


class MessageNotFound(NotFound):
    code = "message_not_found"


class DocumentNotFound(NotFound):
    code = "document_not_found"


class SchemeNotFound(NotFound):
    code = "scheme_not_found"
