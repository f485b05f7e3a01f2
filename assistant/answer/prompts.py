"""Versioned prompt files: prompts/<name>.v<N>.md, the newest version unless one is pinned.

Prompts are data a domain expert edits, so they live as Markdown files, not Python strings; the version in
the file name lets an evaluation run say exactly which wording produced its answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from assistant import texts
from assistant.errors import AssistantError

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class PromptNotFound(AssistantError):
    code = "prompt_not_found"


@dataclass(frozen=True)
class Prompt:
    name: str
    version: int
    text: str

    def render(self, **values: str) -> str:
        """The text with `{key}` replaced for each given key. Other braces are left alone, so a prompt
        may show braces as text without escaping them."""
        return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), self.text)


def available_versions(prompts_dir: Path, name: str) -> list[int]:
    pattern = re.compile(rf"{re.escape(name)}\.v(\d+)\.md")
    found = (pattern.fullmatch(p.name) for p in prompts_dir.glob(f"{name}.v*.md"))
    return sorted(int(m.group(1)) for m in found if m)


def load_prompt(prompts_dir: Path, name: str, version: int | None = None) -> Prompt:
    """The prompt `name` at `version`, or at its highest version when `version` is None."""
    versions = available_versions(prompts_dir, name)
    chosen = versions[-1] if versions and version is None else version
    if chosen is None or chosen not in versions:
        wanted = f"{name}.v{version}.md" if version is not None else f"{name}.v<N>.md"
        raise PromptNotFound(texts.PROMPT_NOT_FOUND.format(file=wanted, directory=prompts_dir))
    text = (prompts_dir / f"{name}.v{chosen}.md").read_text("utf-8").strip()
    return Prompt(name, chosen, text)
