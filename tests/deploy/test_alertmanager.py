"""Alertmanager: a valid config that routes each of the five alerts, wired to Prometheus."""

from __future__ import annotations

import subprocess

import yaml
from tests.deploy.deploy_helpers import ALERTMANAGER, PROMETHEUS, ROOT, amtool

CONFIG = ALERTMANAGER / "alertmanager.yml"


def run(*args: str) -> str:
    out = subprocess.run(
        [amtool(), *args], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout


def alerts() -> list[dict[str, object]]:
    doc = yaml.safe_load((PROMETHEUS / "alerts.yml").read_text(encoding="utf-8"))
    return [r for g in doc["groups"] for r in g["rules"]]


def test_amtool_accepts_the_config() -> None:
    assert "SUCCESS" in run("check-config", str(CONFIG))


def test_every_alert_reaches_the_operators() -> None:
    for rule in alerts():
        labels = rule["labels"]
        assert isinstance(labels, dict)
        receiver = run(
            "config",
            "routes",
            "test",
            f"--config.file={CONFIG}",
            f"alertname={rule['alert']}",
            f"severity={labels['severity']}",
            "job=civility-api",
        )
        assert receiver.split() == ["operators"], rule["alert"]


def test_critical_alerts_repeat_sooner_than_warnings() -> None:
    route = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["route"]
    (critical,) = route["routes"]
    assert critical["matchers"] == ['severity="critical"']
    hours = {"1h": 1, "4h": 4}
    assert hours[critical["repeat_interval"]] < hours[route["repeat_interval"]]


def test_prometheus_sends_alerts_to_the_compose_alertmanager() -> None:
    config = yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text(encoding="utf-8"))
    (target,) = config["alerting"]["alertmanagers"][0]["static_configs"][0]["targets"]
    assert target == "alertmanager:9093"
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))["services"]
    manager = services["alertmanager"]
    mounts = [v.split(":")[0] for v in manager["volumes"]]
    assert "./deploy/alertmanager/alertmanager.yml" in mounts
    assert "9093" in " ".join(manager["healthcheck"]["test"])
    assert "alertmanager" in services["prometheus"]["depends_on"]


def test_the_webhook_secret_stays_out_of_git() -> None:
    config = CONFIG.read_text(encoding="utf-8")
    assert "hooks.slack.com" not in config
    assert "api_url_file: /etc/alertmanager/slack_webhook_url" in config
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "deploy/alertmanager/slack_webhook_url"],
        cwd=ROOT,
        check=False,
    )
    assert ignored.returncode == 0
