"""The five alerts: valid rules, wired into Prometheus, tested on synthetic series by promtool."""

from __future__ import annotations

import subprocess

import yaml
from tests.deploy.deploy_helpers import PROMETHEUS, ROOT, promtool

# The platform's table (issue 18): alert, duration, severity, runbook section.
EXPECTED = {
    "CivilityHighErrorRate": ("5m", "critical", "high-error-rate"),
    "CivilityHighLatency": ("5m", "warning", "high-latency"),
    "CivilityQueueBacklog": ("5m", "warning", "queue-backlog"),
    "CivilityModelDrift": ("15m", "warning", "model-drift"),
    "CivilityServiceDown": ("1m", "critical", "service-down"),
}


def run(*args: str) -> str:
    out = subprocess.run(
        [promtool(), *args], cwd=PROMETHEUS, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout + out.stderr


def rules() -> list[dict[str, object]]:
    doc = yaml.safe_load((PROMETHEUS / "alerts.yml").read_text(encoding="utf-8"))
    return [r for g in doc["groups"] for r in g["rules"]]


def test_promtool_checks_the_rules_and_the_config() -> None:
    assert "SUCCESS: 5 rules found" in run("check", "rules", "alerts.yml")
    assert "SUCCESS" in run("check", "config", "prometheus.yml")


def test_promtool_unit_tests_fire_and_stay_quiet() -> None:
    assert "SUCCESS" in run("test", "rules", "alerts.test.yml")


def test_each_alert_has_its_severity_duration_and_runbook_section() -> None:
    runbook = (ROOT / "docs" / "runbook.md").read_text(encoding="utf-8")
    found = {r["alert"]: r for r in rules()}
    assert set(found) == set(EXPECTED)
    for name, (duration, severity, anchor) in EXPECTED.items():
        rule = found[name]
        assert rule["for"] == duration, name
        assert rule["labels"] == {"severity": severity}, name
        notes = rule["annotations"]
        assert isinstance(notes, dict)
        assert notes["summary"]
        assert f"docs/runbook.md#{anchor}" in notes["description"]
        assert notes["runbook_url"] == f"docs/runbook.md#{anchor}"
        heading = f"\n## {anchor.replace('-', ' ').capitalize()}\n"
        assert heading in runbook, f"docs/runbook.md has no section for {anchor}"


def test_thresholds_are_the_platforms() -> None:
    exprs = {r["alert"]: " ".join(str(r["expr"]).split()) for r in rules()}
    assert '{status="5xx"}[5m]' in exprs["CivilityHighErrorRate"]
    assert exprs["CivilityHighErrorRate"].endswith("> 0.01")
    assert "histogram_quantile(0.99," in exprs["CivilityHighLatency"]
    assert exprs["CivilityHighLatency"].endswith("> 0.5")
    assert exprs["CivilityQueueBacklog"] == "max(civility_queue_depth) > 1000"
    assert "offset 1h" in exprs["CivilityModelDrift"]
    assert ") > 0.2" in exprs["CivilityModelDrift"]
    assert "up{" in exprs["CivilityServiceDown"]


def test_prometheus_scrapes_every_role_and_loads_the_rules() -> None:
    config = yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text(encoding="utf-8"))
    assert config["rule_files"] == ["alerts.yml"]
    targets = {
        job["job_name"]: sd["port"]
        for job in config["scrape_configs"]
        for sd in job["dns_sd_configs"]
    }
    assert targets == {"civility-api": 8000, "civility-worker": 8001, "civility-relay": 8001}
