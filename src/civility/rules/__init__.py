"""Rules that run before the model: normalisation, blocklists and fast checks."""

from civility.rules.blocklist import (
    Blocklist,
    BlocklistEntry,
    BlocklistMatch,
    EntryKind,
    MatchResult,
    blocklist_reasons,
    compile_blocklist,
    validate_entry,
)
from civility.rules.checks import MemoryWindowStore, WindowStore, run_checks
from civility.rules.normalizer import fold, normalize, normalized_key
from civility.rules.regex_safety import check_regex_safety, compile_safe_regex

__all__ = [
    "Blocklist",
    "BlocklistEntry",
    "BlocklistMatch",
    "EntryKind",
    "MatchResult",
    "MemoryWindowStore",
    "WindowStore",
    "blocklist_reasons",
    "check_regex_safety",
    "compile_blocklist",
    "compile_safe_regex",
    "fold",
    "normalize",
    "normalized_key",
    "run_checks",
    "validate_entry",
]
