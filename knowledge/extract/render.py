"""Proposals as a reviewable TOML draft (the curated-file format, with comments) or as JSON."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pydantic import BaseModel

from knowledge.extract.core import Proposal, Proposals


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _table(header: str, model: BaseModel, comment: list[str] | None = None) -> list[str]:
    lines = [f"# {line}" for line in comment or []]
    lines.append(header)
    data = model.model_dump(exclude_none=True)
    nested: list[tuple[str, list[dict[str, Any]]]] = []
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            nested.append((key, value))
        elif value != [] or key == "actors":
            lines.append(f"{key} = {_value(value)}")
    table = header.strip("[]")
    for key, rows in nested:
        for row in rows:
            lines.append(f"[[{table}.{key}]]")
            lines.extend(f"{field} = {_value(value)}" for field, value in row.items() if value is not None)
    return [*lines, ""]


def _entries(header: str, proposals: list[Proposal[Any]]) -> list[str]:
    lines: list[str] = []
    for proposal in proposals:
        lines.extend(_table(header, proposal.entry, [f"confidence {proposal.confidence:.2f}: {proposal.why}"]))
    return lines


def article_toml(proposals: Proposals, article_name: str) -> str:
    """The draft article file: ``[source]``, events, quotes, threats and exclusions, commented."""
    lines = [
        f"# DRAFT — proposed by `python -m knowledge extract` from seeds/{article_name}. NOT CURATED.",
        "# Check every entry against the article: speaker, quote extent, date phrase and resolved date,",
        "# threat side and group. Delete what is wrong, fix what is close, add what is missing; then",
        "# remove these DRAFT lines and move the file to knowledge/articles/.",
        f"# Publication date: {proposals.published.basis}.",
        *(f"# Notice: {notice}" for notice in proposals.notices),
        "",
    ]
    if proposals.source is not None:
        lines.extend(_table("[source]", proposals.source))
    else:
        lines.extend(["# [source] needs a publication date: add published = YYYY-MM-DD, precision and basis", ""])
    lines.extend(_entries("[[event]]", proposals.events))
    lines.extend(_entries("[[quote]]", proposals.quotes))
    lines.extend(_entries("[[threat]]", proposals.threats))
    for exclusion in proposals.exclusions:
        lines.extend(_table("[[exclude]]", exclusion))
    return "\n".join(lines).rstrip() + "\n"


def people_toml(proposals: Proposals) -> str:
    """New people, as ``[[person]]`` tables to merge into people.toml ("" when there are none)."""
    if not proposals.people:
        return ""
    head = ["# DRAFT new people: check name, side and roles, then merge into knowledge/people.toml.", ""]
    return "\n".join(head + _entries("[[person]]", proposals.people)).rstrip() + "\n"


def groups_toml(proposals: Proposals) -> str:
    """New groups, as ``[[group]]`` tables to merge into groups.toml ("" when there are none)."""
    if not proposals.groups:
        return ""
    head = ["# DRAFT new groups: check name, kind and aliases, then merge into knowledge/groups.toml.", ""]
    return "\n".join(head + _entries("[[group]]", proposals.groups)).rstrip() + "\n"


def institutions_toml(proposals: Proposals) -> str:
    """New institutions, as ``[[institution]]`` tables to merge into institutions.toml ("" when none);
    ``python -m knowledge add`` writes them as ``<stem>.institutions.toml`` beside ``<stem>.people.toml``."""
    if not proposals.institutions:
        return ""
    head = ["# DRAFT new institutions: check name, side and kind, then merge into knowledge/institutions.toml.",
            ""]
    return "\n".join(head + _entries("[[institution]]", proposals.institutions)).rstrip() + "\n"


def draft_toml(proposals: Proposals, article_name: str) -> str:
    """Everything in one TOML document: the article draft, then any new people, institutions and groups."""
    return "\n".join(part for part in (article_toml(proposals, article_name), people_toml(proposals),
                                       institutions_toml(proposals), groups_toml(proposals)) if part)


def _proposed(proposals: list[Proposal[Any]]) -> list[dict[str, Any]]:
    return [{"entry": p.entry.model_dump(mode="json", exclude_none=True), "confidence": p.confidence,
             "why": p.why} for p in proposals]


def as_json(proposals: Proposals) -> str:
    """The proposals as JSON, each entry with its confidence and reason."""
    return json.dumps({
        "published": {"date": proposals.published.day.isoformat() if proposals.published.day else None,
                      "basis": proposals.published.basis, "certain": proposals.published.certain},
        "source": proposals.source.model_dump(mode="json", exclude_none=True) if proposals.source else None,
        "quotes": _proposed(proposals.quotes),
        "events": _proposed(proposals.events),
        "threats": _proposed(proposals.threats),
        "people": _proposed(proposals.people),
        "institutions": _proposed(proposals.institutions),
        "groups": _proposed(proposals.groups),
        "exclude": [exclusion.model_dump() for exclusion in proposals.exclusions],
        "notices": proposals.notices,
    }, ensure_ascii=False, indent=2)
