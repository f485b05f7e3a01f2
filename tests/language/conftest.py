"""A warm apertium-apy shared by the tests of one module (starting it and warming both directions takes
seconds)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.language.apy import Apy

READY_S = 60  # for apy to start and warm both directions on a loaded machine


@pytest.fixture(scope="module")
def running_apy() -> Iterator[Apy]:
    service = Apy().start()
    assert service.wait_ready(READY_S), "apertium-apy did not come up"
    yield service
    service.close()
