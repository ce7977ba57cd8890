"""Blocklists: entries, the compiled matcher, and the service and cache behind their routes."""

from civility.blocklists.matcher import (
    Blocklist,
    BlocklistEntry,
    BlocklistMatch,
    EntryKind,
    MatchResult,
    blocklist_reasons,
    compile_blocklist,
    unevaluated_reasons,
    validate_entry,
)

__all__ = [
    "Blocklist",
    "BlocklistEntry",
    "BlocklistMatch",
    "EntryKind",
    "MatchResult",
    "blocklist_reasons",
    "compile_blocklist",
    "unevaluated_reasons",
    "validate_entry",
]
