"""The rule files: the YAML word lists, patterns and limits the stages read, each checked against a schema.

Every rule file is read here and nowhere else. `rule_file(GuardRules)` returns the validated contents
(read again only when the file changes); the module that uses a file owns what it derives from it.
`check_rules(settings)` reads them all at start-up, so a typo stops `assistant serve` or `assistant ingest`
with a Norwegian message that names the file, the field and the line, instead of breaking a live request.

The files live next to the modules that use them (`PACKAGE_FILES`). `Settings.rules_dir` may hold
replacements under the same file names; a file it lacks comes from the package. The glossary is a rule
file too, but it belongs to the corpus (`Settings.glossary_file`).
"""

from assistant.rules.reading import (
    PACKAGE_DIR,
    check_rules,
    load_rules,
    read_rule_file,
    rule_file,
    rule_path,
)
from assistant.rules.schemas import (
    PACKAGE_FILES,
    AdvisorRules,
    AskedFor,
    BoilerplateRules,
    ConversationLimits,
    ConversationRules,
    FreshnessRules,
    GlossaryGroup,
    GlossaryRules,
    GuardRules,
    LanguageRules,
    PlanRules,
    RuleFile,
    ScopeRules,
    Suffixes,
    TargetGroupRules,
)

__all__ = [
    "PACKAGE_DIR",
    "PACKAGE_FILES",
    "AdvisorRules",
    "AskedFor",
    "BoilerplateRules",
    "ConversationLimits",
    "ConversationRules",
    "FreshnessRules",
    "GlossaryGroup",
    "GlossaryRules",
    "GuardRules",
    "LanguageRules",
    "PlanRules",
    "RuleFile",
    "ScopeRules",
    "Suffixes",
    "TargetGroupRules",
    "check_rules",
    "load_rules",
    "read_rule_file",
    "rule_file",
    "rule_path",
]
