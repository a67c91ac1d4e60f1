"""The README's field tables stay in step with the rule enums users see in the API."""

from __future__ import annotations

import re
from pathlib import Path

from app.config import Settings
from app.nlp.annotations import QUOTE_RULE_MEANINGS, SPEAKER_RULE_MEANINGS

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_lists_every_rule_with_its_meaning() -> None:
    text = README.read_text(encoding="utf-8")
    rows = {**QUOTE_RULE_MEANINGS, **SPEAKER_RULE_MEANINGS}
    missing = [rule.value for rule, meaning in rows.items() if f"| `{rule.value}` | {meaning} |" not in text]
    assert missing == []


def test_readme_configuration_table_lists_every_setting() -> None:
    listed = re.findall(r"^\| `(QUOTEWIRE_[A-Z_]+)` \|", README.read_text(encoding="utf-8"), re.MULTILINE)
    assert sorted(listed) == sorted(f"QUOTEWIRE_{name.upper()}" for name in Settings.model_fields)
