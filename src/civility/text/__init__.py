"""Text normalisation shared by blocklists and checks: folding, evasion-proof keys, safe regexes."""

from civility.text.normalizer import fold, normalize, normalized_key
from civility.text.regex_safety import check_regex_safety, compile_safe_regex

__all__ = ["check_regex_safety", "compile_safe_regex", "fold", "normalize", "normalized_key"]
