"""Reading a metric's current value in tests through prometheus_client's public registry API."""

from __future__ import annotations

from civility import metrics


def metric_value(name: str, **labels: str) -> float:
    """The current value of one sample of the registry /metrics renders.

    0 for a label set not counted yet; a name no metric has fails (a typo would read 0).
    """
    registry = metrics.exposition_registry()
    value = registry.get_sample_value(name, labels)
    if value is not None:
        return value
    families = {family.name for family in registry.collect()}
    assert any(name == f or name.startswith(f"{f}_") for f in families), f"no metric {name}"
    return 0.0
