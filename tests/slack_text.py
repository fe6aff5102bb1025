"""Reading Slack message payloads in tests."""

from __future__ import annotations


def texts(node: object) -> list[str]:
    """Every ``text`` string of a Slack message or part of one (the fallback included), in order."""
    if isinstance(node, dict):
        return [value for key, value in node.items() if key == "text" and isinstance(value, str)] + [
            text for key, value in node.items() if not (key == "text" and isinstance(value, str))
            for text in texts(value)]
    if isinstance(node, list):
        return [text for value in node for text in texts(value)]
    return []
