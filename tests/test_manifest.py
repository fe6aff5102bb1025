"""The Slack manifest, the command registry, the README and the deployment files stay in step."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from bot.commands import COMMANDS, CommandSpec

ROOT = Path(__file__).resolve().parent.parent
# Each scope is used: commands (slash commands), chat:write (chat.postMessage, chat.update),
# app_mentions:read and im:history (the app_mention and message.im events), files:write (timeline
# pictures, files.uploadV2), channels:/groups:/im:/mpim:history (conversations.replies reads the
# answer a threaded question follows). views.publish / views.open and app_home_opened need none.
SCOPES = {"commands", "chat:write", "app_mentions:read", "im:history", "files:write", "channels:history",
          "groups:history", "mpim:history"}
EVENTS = {"message.im", "app_mention", "app_home_opened"}
SETTINGS = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "PORT", "SLACK_API_URL")


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))


def _manifest_commands(manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["command"]: entry for entry in manifest["features"]["slash_commands"]}


def _usage_hint(spec: CommandSpec) -> str:
    return spec.usage.removeprefix(spec.slash).strip()


@pytest.mark.parametrize("spec", COMMANDS, ids=[spec.name for spec in COMMANDS])
def test_every_registry_command_is_in_the_manifest_as_registered(manifest: dict[str, Any], spec: CommandSpec) -> None:
    entry = _manifest_commands(manifest).get(spec.slash)
    assert entry is not None, f"manifest.json lacks {spec.slash}: add it under features.slash_commands"
    assert entry["description"] == spec.description, (
        f"{spec.slash}: manifest description differs from bot/commands.py; copy {spec.description!r}")
    assert entry.get("usage_hint", "") == _usage_hint(spec), (
        f"{spec.slash}: manifest usage_hint should be {_usage_hint(spec)!r} (the registry's usage after the name)")
    assert entry.get("should_escape") is False, f"{spec.slash}: set should_escape false (the app unescapes itself)"


def test_the_manifest_has_no_command_the_registry_lacks(manifest: dict[str, Any]) -> None:
    extra = set(_manifest_commands(manifest)) - {spec.slash for spec in COMMANDS}
    assert not extra, f"manifest.json has commands no listener answers: {sorted(extra)}; remove them"
    assert len(manifest["features"]["slash_commands"]) == len(COMMANDS), "a command is listed twice"


def test_the_manifest_subscribes_to_dms_and_mentions_with_the_scopes_they_need(manifest: dict[str, Any]) -> None:
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == EVENTS
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == SCOPES
    home = manifest["features"]["app_home"]
    assert home["messages_tab_enabled"] is True and home["messages_tab_read_only_enabled"] is False, (
        "users must be able to DM the bot: enable the messages tab and turn read-only off")
    assert manifest["features"]["bot_user"]["display_name"]


def test_the_manifest_enables_interactivity_and_the_home_tab(manifest: dict[str, Any]) -> None:
    assert manifest["settings"]["interactivity"]["is_enabled"] is True, "buttons, menus and modals need it"
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert "app_home_opened" in manifest["settings"]["event_subscriptions"]["bot_events"]


def test_the_manifest_keeps_within_slacks_limits(manifest: dict[str, Any]) -> None:
    info = manifest["display_information"]
    assert 1 <= len(info["name"]) <= 35
    assert 1 <= len(info["description"]) <= 140
    assert 175 <= len(info.get("long_description", "x" * 175)) <= 4000
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", info["background_color"])
    for entry in manifest["features"]["slash_commands"]:
        assert re.fullmatch(r"/[a-z0-9_-]{1,31}", entry["command"])
        assert 1 <= len(entry["description"]) <= 2000
        assert "usage_hint" not in entry or 1 <= len(entry["usage_hint"]) <= 1000


def test_socket_mode_setting_agrees_with_the_served_modes(manifest: dict[str, Any]) -> None:
    settings = manifest["settings"]
    if settings["socket_mode_enabled"]:
        assert all("url" not in entry for entry in manifest["features"]["slash_commands"])
        assert "request_url" not in settings["event_subscriptions"]
        assert "request_url" not in settings["interactivity"]
    else:
        urls = [entry.get("url", "") for entry in manifest["features"]["slash_commands"]]
        urls.append(settings["event_subscriptions"].get("request_url", ""))
        urls.append(settings["interactivity"].get("request_url", ""))
        assert all(url.startswith("https://") and url.endswith("/slack/events") for url in urls)


@pytest.fixture(scope="module")
def readme() -> str:
    path = ROOT / "README.md"
    assert path.exists(), "README.md is missing: it must document every command and how to run the bot"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("spec", COMMANDS, ids=[spec.name for spec in COMMANDS])
def test_every_command_is_named_in_the_readme(readme: str, spec: CommandSpec) -> None:
    assert re.search(rf"{re.escape(spec.slash)}\b", readme), f"README.md does not mention {spec.slash}"


def test_the_readme_says_how_to_run_and_reach_slack(readme: str, manifest: dict[str, Any]) -> None:
    for needed in ("python -m bot", "python -m bot console", "manifest.json", "Procfile", *SETTINGS):
        assert needed in readme, f"README.md does not mention {needed}"
    if manifest["settings"]["socket_mode_enabled"]:
        assert "Socket Mode" in readme, "the manifest enables Socket Mode: the README must say so"


def test_env_example_documents_every_setting() -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    for name in SETTINGS:
        assert re.search(rf"^#?\s*{name}=", text, re.MULTILINE), f".env.example does not document {name}"
    assert not re.search(r"=(xox[abp]|xapp)-\w", text), ".env.example must not hold a real token"


def test_procfile_runs_gunicorn_for_web_and_socket_mode_for_the_worker() -> None:
    processes = dict(line.split(":", 1) for line in (ROOT / "Procfile").read_text().splitlines() if ":" in line)
    assert processes["web"].split()[:4] == ["gunicorn", "-c", "python:bot.gunicorn_config", "bot.wsgi:application"]
    assert "$PORT" in processes["web"]
    assert processes["worker"].strip() == "python -m bot"


def test_env_example_lists_every_setting_the_bot_reads() -> None:
    read = set(re.findall(r'get\("([A-Z_]+)"\)', (ROOT / "bot" / "settings.py").read_text(encoding="utf-8")))
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z_]+)=", (ROOT / ".env.example").read_text(encoding="utf-8"), re.M))
    assert read and read <= listed, f"not in .env.example: {sorted(read - listed)}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in read), sorted(name for name in read if f"`{name}`" not in readme)
