"""The Dockerfile, compose file and Grafana provisioning, checked by parsing (no Docker here)."""

from __future__ import annotations

import json
import re
import shlex

import yaml
from tests.deploy.deploy_helpers import GRAFANA, ROOT

ROLES = {"api": ["serve"], "worker": ["worker"], "relay": ["relay"]}


def dockerfile() -> list[tuple[str, str]]:
    """Returns the final stage's instructions as (keyword, arguments), continuations joined."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    parsed = [(ln.split(None, 1)[0].upper(), ln.split(None, 1)[1]) for ln in lines]
    stages = [i for i, (kw, _) in enumerate(parsed) if kw == "FROM"]
    return parsed[stages[-1] :] + [(kw, a) for kw, a in parsed[: stages[-1]] if kw == "RUN"]


def compose() -> dict[str, dict[str, object]]:
    doc = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    services: dict[str, dict[str, object]] = doc["services"]
    return services


def test_image_installs_the_accurate_tier() -> None:
    runs = [a for kw, a in dockerfile() if kw == "RUN" and "pip install" in a]
    assert any(re.search(r"""["']?\.\[accurate\]["']?""", a) for a in runs), runs


def test_image_runs_as_a_non_root_user() -> None:
    instructions = dockerfile()
    users = [a for kw, a in instructions if kw == "USER"]
    assert users
    assert users[-1] not in ("root", "0")
    assert any(kw == "RUN" and "useradd" in a and users[-1] in a for kw, a in instructions)


def test_image_health_check_follows_civility_port() -> None:
    checks = [a for kw, a in dockerfile() if kw == "HEALTHCHECK"]
    assert len(checks) == 1
    assert "CIVILITY_PORT" in checks[0]
    assert ":8000" not in checks[0]
    env = " ".join(a for kw, a in dockerfile() if kw == "ENV")
    assert "CIVILITY_PORT=8000" in env
    assert "CIVILITY_METRICS_PORT=8001" in env


def test_compose_starts_every_role_with_a_health_check() -> None:
    services = compose()
    for name, command in ROLES.items():
        assert services[name]["command"] == command, name
    for name, service in services.items():
        assert "healthcheck" in service, f"{name} has no health check"
    for name in ("worker", "relay"):
        test = services[name]["healthcheck"]["test"]  # type: ignore[index]
        assert "CIVILITY_METRICS_PORT" in " ".join(test)
    api_test = " ".join(services["api"]["healthcheck"]["test"])  # type: ignore[index]
    assert "CIVILITY_PORT" in api_test
    env = services["api"]["environment"]
    assert isinstance(env, dict)
    assert env["CIVILITY_RELAY_ENABLED"] == "false"  # the relay service publishes instead


def test_compose_loads_the_alerts_and_the_dashboard() -> None:
    services = compose()
    prometheus = [v.split(":")[0] for v in services["prometheus"]["volumes"]]  # type: ignore[union-attr]
    assert "./deploy/prometheus/prometheus.yml" in prometheus
    assert "./deploy/prometheus/alerts.yml" in prometheus
    grafana = {v.split(":")[0]: v.split(":")[1] for v in services["grafana"]["volumes"]}  # type: ignore[union-attr]
    assert grafana["./deploy/grafana/provisioning"] == "/etc/grafana/provisioning"
    provider = yaml.safe_load(
        (GRAFANA / "provisioning" / "dashboards" / "civility.yml").read_text(encoding="utf-8")
    )
    assert grafana["./deploy/grafana/dashboards"] == provider["providers"][0]["options"]["path"]
    for mounted in grafana:
        assert (ROOT / mounted).exists(), mounted


def test_grafana_datasource_is_the_compose_prometheus() -> None:
    doc = yaml.safe_load(
        (GRAFANA / "provisioning" / "datasources" / "prometheus.yml").read_text(encoding="utf-8")
    )
    (source,) = doc["datasources"]
    assert source["url"] == "http://prometheus:9090"
    assert source["type"] == "prometheus"
    dashboard = json.loads((GRAFANA / "dashboards" / "civility.json").read_text(encoding="utf-8"))
    uids = {t["datasource"]["uid"] for p in dashboard["panels"] for t in p["targets"]}
    assert uids == {source["uid"]}


def test_the_files_say_they_were_not_built_here() -> None:
    for path in (ROOT / "Dockerfile", ROOT / "docker-compose.yml"):
        assert "(no Docker engine" in path.read_text(encoding="utf-8"), path


def health_check_code(test: list[str]) -> str:
    """Returns the Python code of a compose health check (CMD python -c CODE)."""
    assert test[:3] == ["CMD", "python", "-c"]
    return test[3]


def image_health_check_code() -> str:
    (check,) = [a for kw, a in dockerfile() if kw == "HEALTHCHECK"]
    command = check.split("CMD", 1)[1].split("||")[0]
    words = shlex.split(command)
    assert words[:2] == ["python", "-c"]
    return words[2]
