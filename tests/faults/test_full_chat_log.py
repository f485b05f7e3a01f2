"""The disk fills while the service runs: a chat turn that can't be stored is a 503 `data_dir_full` with the
Norwegian message (not a 500), and once there is room again the log takes writes, with everything stored
before still there. A small tmpfs gives a real ENOSPC (see test_unwritable_data_dir.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import texts
from assistant.api.errors import status_for
from assistant.chatlog import ChatLog
from assistant.errors import DataDirFull
from assistant.models import Answer
from tests.faults.test_unwritable_data_dir import tmpfs


def fill(directory: Path) -> Path:
    """Write until the file system refuses: the next write anywhere on it fails with ENOSPC."""
    filler = directory / "filler"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    return filler


def test_a_chat_log_on_a_full_disk_refuses_with_a_code_and_keeps_what_it_had(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "data", "4m") as data:
        log = ChatLog(f"sqlite:///{data / 'chat.db'}")
        kept = log.new_conversation_id()
        log.add_exchange("Hva er Rekom?", Answer(kept, "Rekom er …"), first=True)
        filler = fill(data)

        refused = log.new_conversation_id()
        with pytest.raises(DataDirFull) as full:
            log.add_exchange("Et langt spørsmål", Answer(refused, "svar " * 200_000), first=True)
        assert str(full.value) == texts.DATA_DIR_FULL
        assert status_for(full.value) == 503

        filler.unlink()
        log.add_exchange("Hvem kan søke?", Answer(kept, "Kommuner …"))
        assert [e.question for e in log.exchanges(kept)] == ["Hva er Rekom?", "Hvem kan søke?"]
        assert log.exchanges(kept)[0].answer == "Rekom er …"
