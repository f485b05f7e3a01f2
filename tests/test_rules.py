"""Rule files: the real ones validate, and a broken copy planted in `rules_dir` stops the start with a
Norwegian message that names the file, the field and the line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import rules
from assistant.api import create_app
from assistant.config import Settings
from assistant.errors import RuleFileError
from assistant.rules import (
    PACKAGE_FILES,
    AdvisorRules,
    BoilerplateRules,
    ConversationRules,
    FreshnessRules,
    GlossaryRules,
    GuardRules,
    LanguageRules,
    PlanRules,
    RuleFile,
    TargetGroupRules,
    check_rules,
    load_rules,
    read_rule_file,
    rule_file,
    rule_path,
)
from tests.api.conftest import free_port
from tests.conftest import CORPUS


def plant(rules_dir: Path, model: type[RuleFile], old: str, new: str) -> Path:
    """A copy of the package's rule file in `rules_dir`, with `old` replaced by `new` once."""
    source = rule_path(model).read_text("utf-8")
    assert old in source, f"{old!r} is not in {rule_path(model).name}"
    rules_dir.mkdir(exist_ok=True)
    target = rules_dir / rule_path(model).name
    target.write_text(source.replace(old, new, 1), "utf-8")
    return rules_dir


def problems_of(settings: Settings) -> str:
    with pytest.raises(RuleFileError) as caught:
        check_rules(settings)
    assert caught.value.code == "invalid_rule_file"
    return caught.value.message


# --- the real files ----------------------------------------------------------------------------------


def test_every_real_rule_file_validates() -> None:
    check_rules(Settings(corpus_dir=CORPUS))
    assert read_rule_file(GlossaryRules, CORPUS / "glossary.yaml").groups


@pytest.mark.parametrize("model", list(PACKAGE_FILES), ids=lambda m: PACKAGE_FILES[m])
def test_each_package_file_is_read_from_its_place(model: type[RuleFile]) -> None:
    path = rule_path(model)
    assert path.is_file() and path.parent.is_relative_to(rules.PACKAGE_DIR)
    assert isinstance(load_rules(model), model)


def test_the_nynorsk_word_no_stays_a_word() -> None:
    # YAML 1.1 reads a bare `no` as false; in conversation.yaml it is nynorsk for "now".
    assert "no" in load_rules(ConversationRules).adverbs


def test_the_limits_that_left_the_code_keep_their_values() -> None:
    advisor, limits = load_rules(AdvisorRules), load_rules(ConversationRules).limits
    assert advisor.max_shown == {"passer": 6, "kan passe": 4, "passer ikke": 2}
    assert (advisor.max_group_words, advisor.follow_up_words) == (4, 10)
    assert (limits.min_topic_idf, limits.enough_topic, limits.max_bare_words) == (0.9, 3, 2)
    assert (limits.max_ellipsis_words, limits.min_head) == (6, 5)
    settings = Settings()
    assert (settings.answer_max_passages, settings.answer_max_chars, settings.answer_long_list_items) == (
        3,
        900,
        4,
    )
    assert (settings.dense_candidates, settings.unit_candidates) == (50, 100)


# --- broken copies -----------------------------------------------------------------------------------


def test_a_misspelt_key_names_the_file_the_field_and_the_line(tmp_path: Path) -> None:
    message = problems_of(Settings(rules_dir=plant(tmp_path, AdvisorRules, "owner_type:", "owner_typ:")))
    assert "Regelfila advisor.yaml er ugyldig: feltet owner_typ (linje 4) er ikke et kjent felt" in message
    assert "Regelfila advisor.yaml er ugyldig: feltet owner_type mangler" in message


def test_a_misspelt_value_key_lists_the_allowed_ones(tmp_path: Path) -> None:
    message = problems_of(Settings(rules_dir=plant(tmp_path, AdvisorRules, "  kommune: [", "  kommnue: [")))
    assert "Regelfila advisor.yaml er ugyldig: feltet owner_type.kommnue (linje 8): «kommnue»" in message
    assert "«privat_skoleeier»" in message


def test_a_wrong_type_names_the_field(tmp_path: Path) -> None:
    planted = plant(tmp_path, AdvisorRules, "max_group_words: 4", "max_group_words: fire")
    message = problems_of(Settings(rules_dir=planted))
    assert "Regelfila advisor.yaml er ugyldig: feltet max_group_words (linje" in message
    assert "skal være et heltall" in message


def test_a_list_where_text_belongs_names_the_field(tmp_path: Path) -> None:
    planted = plant(tmp_path, ConversationRules, "default_attach: for", "default_attach: [for]")
    message = problems_of(Settings(rules_dir=planted))
    lines = (planted / "conversation.yaml").read_text("utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.startswith("default_attach:"))
    assert f"Regelfila conversation.yaml er ugyldig: feltet default_attach (linje {line})" in message
    assert f"default_attach (linje {line}) skal være en tekst" in message


def test_a_bad_regex_names_the_pattern(tmp_path: Path) -> None:
    planted = plant(tmp_path, GuardRules, r"'\bjailbreak\b'", r"'\bjailbreak(\b'")
    message = problems_of(Settings(rules_dir=planted))
    assert "Regelfila guard.yaml er ugyldig: feltet instruction_override nr. 5 (linje 8)" in message
    assert "er ikke et gyldig regulært uttrykk" in message


def test_a_bad_regex_in_a_mapping_names_its_key(tmp_path: Path) -> None:
    planted = plant(tmp_path, FreshnessRules, r"year: '\b(?:19|20)\d{2}\b'", r"year: '\b(?:19|20\d{2}\b'")
    message = problems_of(Settings(rules_dir=planted))
    assert "Regelfila freshness.yaml er ugyldig: feltet time_bound.year (linje 22)" in message


def test_a_repair_must_be_a_pattern_and_a_valid_replacement(tmp_path: Path) -> None:
    planted = plant(tmp_path, LanguageRules, r"'\1jelder'", r"'\2jelder'")
    message = problems_of(Settings(rules_dir=planted))
    assert "Regelfila language.yaml er ugyldig: feltet repairs_nb nr. 3 (linje 16)" in message
    assert "er ikke en gyldig erstatning" in message
    planted = plant(tmp_path, LanguageRules, r"['utdannelses(?=\w)', 'utdannings']", r"['utdannelses']")
    assert "feltet repairs_nb nr. 2" in problems_of(Settings(rules_dir=planted))


def test_a_date_template_needs_its_placeholder(tmp_path: Path) -> None:
    planted = plant(tmp_path, FreshnessRules, 'nn: "(per {date})"', 'nn: "(per {dato})"')
    message = problems_of(Settings(rules_dir=planted))
    assert "Regelfila freshness.yaml er ugyldig: feltet as_of.nn (linje 15)" in message


def test_a_duplicated_word_is_named(tmp_path: Path) -> None:
    planted = plant(tmp_path, ConversationRules, "joiners: [og, eller]", "joiners: [og, eller, og, Eller]")
    lines = rule_path(ConversationRules).read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, start=1) if text.startswith("joiners:"))
    message = problems_of(Settings(rules_dir=planted))
    assert f"Regelfila conversation.yaml er ugyldig: feltet joiners (linje {line})" in message
    assert f"joiners (linje {line}): «og» og «Eller» står flere ganger." in message


def test_a_duplicated_word_in_a_nested_list_is_named(tmp_path: Path) -> None:
    planted = plant(tmp_path, TargetGroupRules, "[lærer, lærar, lærarar]", "[lærer, lærar, lærer]")
    message = problems_of(Settings(rules_dir=planted))
    assert "Regelfila target_groups.yaml er ugyldig: feltet synonyms.lærere (linje 12): «lærer»" in message


def test_a_key_written_twice_is_named(tmp_path: Path) -> None:
    planted = plant(tmp_path, BoilerplateRules, "patterns:", "lines: []\npatterns:")
    message = problems_of(Settings(rules_dir=planted))
    assert "Regelfila boilerplate.yaml kunne ikke leses: linje 17: nøkkelen «lines» står to ganger" in message


def test_unparseable_yaml_names_the_file_and_the_line(tmp_path: Path) -> None:
    planted = plant(tmp_path, TargetGroupRules, "filler: [i, og,", "filler: [i, og: [,")
    message = problems_of(Settings(rules_dir=planted))
    lines = rule_path(TargetGroupRules).read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("filler: [i, og,"))
    assert f"Regelfila target_groups.yaml kunne ikke leses: linje {line}: YAML-feil" in message


def test_every_problem_in_every_file_is_listed_at_once(tmp_path: Path) -> None:
    plant(tmp_path, AdvisorRules, "max_group_words: 4", "max_group_words: fire")
    plant(tmp_path, GuardRules, r"'\bjailbreak\b'", r"'\bjailbreak(\b'")
    error_message = problems_of(Settings(rules_dir=tmp_path))
    assert error_message.startswith("Regelfilene har 2 feil:\n- Regelfila guard.yaml")
    assert "\n- Regelfila advisor.yaml" in error_message


def test_a_valid_replacement_is_used_and_the_others_come_from_the_package(tmp_path: Path) -> None:
    planted = plant(tmp_path, BoilerplateRules, '  - "Vis mer"\n', '  - "Vis mer"\n  - "Les også"\n')
    try:
        check_rules(Settings(rules_dir=planted))
        # The stages read from the directory start-up checked, not from the environment's.
        assert "Les også" in rule_file(BoilerplateRules).lines
        assert rule_path(GuardRules, planted) == rule_path(GuardRules)
    finally:
        check_rules(Settings())
    assert "Les også" not in rule_file(BoilerplateRules).lines


def test_a_missing_rules_dir_or_an_unknown_file_in_it_is_named(tmp_path: Path) -> None:
    assert f"Regelmappa {tmp_path / 'finnes-ikke'} finnes ikke." in problems_of(
        Settings(rules_dir=tmp_path / "finnes-ikke")
    )
    (tmp_path / "advisr.yaml").write_text("owner_type: {}\n", "utf-8")
    message = problems_of(Settings(rules_dir=tmp_path))
    assert f"Regelmappa {tmp_path} har fila advisr.yaml, som ikke er en regelfil" in message
    assert "«advisor.yaml»" in message


def test_a_configured_glossary_must_exist_and_be_valid(tmp_path: Path) -> None:
    missing = tmp_path / "ordliste.yaml"
    message = problems_of(Settings(glossary_path=missing))
    assert f"Regelfila ordliste.yaml finnes ikke ({missing})." in message
    missing.write_text("groups:\n  - terms: [Rekom, regional ordning]\n  - term: [Dekom]\n", "utf-8")
    message = problems_of(Settings(glossary_path=missing))
    assert (
        "Regelfila ordliste.yaml er ugyldig: feltet groups nr. 2.term (linje 3) er ikke et kjent" in message
    )
    assert "Regelfila ordliste.yaml er ugyldig: feltet groups nr. 2.terms (linje 3) mangler" in message


def test_a_corpus_without_a_glossary_is_fine(tmp_path: Path) -> None:
    check_rules(Settings(corpus_dir=tmp_path))


def test_the_app_is_not_created_with_a_bad_rule_file(tmp_path: Path) -> None:
    planted = plant(tmp_path / "rules", GuardRules, r"'\bjailbreak\b'", r"'\bjailbreak(\b'")
    with pytest.raises(RuleFileError, match=r"Regelfila guard\.yaml er ugyldig"):
        create_app(Settings(data_dir=tmp_path / "data", rules_dir=planted))
    assert not (tmp_path / "data").exists()


# --- the commands, as a user runs them -----------------------------------------------------------------


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    planted = plant(tmp_path / "rules", AdvisorRules, "owner_type:", "owner_typ:")
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(tmp_path / "data"),
        "ASSISTANT_CORPUS_DIR": str(CORPUS),
        "ASSISTANT_RULES_DIR": str(planted),
    }
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_ingest_with_a_bad_rule_file_stops_before_writing_anything(tmp_path: Path) -> None:
    result = _run(tmp_path, "ingest")
    assert result.returncode == 1
    assert "Feil (invalid_rule_file)" in result.stderr
    assert "Regelfila advisor.yaml er ugyldig: feltet owner_typ (linje 4)" in result.stderr
    assert "Traceback" not in result.stderr and not result.stdout
    assert not (tmp_path / "data").exists()


def test_serve_with_a_bad_rule_file_never_listens(tmp_path: Path) -> None:
    result = _run(tmp_path, "serve", "--port", str(free_port()))
    assert result.returncode == 1
    assert "Regelfila advisor.yaml er ugyldig: feltet owner_typ (linje 4)" in result.stderr
    assert "Kompetanseassistenten på http" not in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists()


def test_schemes_with_a_bad_rule_file_says_so_without_a_traceback(tmp_path: Path) -> None:
    result = _run(tmp_path, "schemes", "--owner", "kommune", "--sector", "barnehage")
    assert result.returncode == 1
    assert "Regelfila advisor.yaml er ugyldig: feltet owner_typ (linje 4)" in result.stderr
    assert "Traceback" not in result.stderr and not result.stdout


def test_a_question_type_the_planner_does_not_know_is_named_at_start_up(tmp_path: Path) -> None:
    planted = plant(tmp_path, PlanRules, "  hvor_mange: [", "  hvormange: [")
    message = problems_of(Settings(rules_dir=planted))
    assert "Regelfila plan.yaml er ugyldig: feltet types" in message and "hvormange" in message
