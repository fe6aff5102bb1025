"""The one registry of slash commands.

It feeds the Slack app (which commands to listen to), the console, the help reply and the
manifest check, so a command is added or renamed here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CommandSpec:
    """A slash command: its name (no slash), usage line, one-line description and examples."""

    name: str
    usage: str
    description: str
    examples: tuple[str, ...]

    @property
    def slash(self) -> str:
        """The command as typed in Slack: ``/timeline``."""
        return f"/{self.name}"


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec(
        name="timeline",
        usage="/timeline [period] [words]",
        description="Events in date order, each with its date and sources; filter by period and words.",
        examples=("/timeline 2024-01", "/timeline jan 2024 talks", "/timeline 2024-01-10..2024-01-20", "/timeline all"),
    ),
    CommandSpec(
        name="quotes",
        usage="/quotes <person, role or institution> [period] [about words]",
        description="What a person, whoever held a role, or an institution said, direct quotes first, with sources.",
        examples=("/quotes <surname>", "/quotes <country>'s interior minister", "/quotes <country>'s foreign office",
                  "/quotes nov 2024", "/quotes <surname> about border"),
    ),
    CommandSpec(
        name="threats",
        usage="/threats [side|group] [period] [military|statement]",
        description="The groups, states and threats each side named, who named them, how and when.",
        examples=("/threats all", "/threats <side> 2024", "/threats <side> military", "/threats naming <side>",
                  "/threats <group name or alias>"),
    ),
    CommandSpec(
        name="whois",
        usage="/whois <person, institution, group or side>",
        description="Who a person, institution, group or side is: roles, side, aliases, how often the base cites them.",
        examples=("/whois <surname>", "/whois <group or its initials>", "/whois <country>",
                  "/whois all", "/whois groups"),
    ),
    CommandSpec(
        name="sources",
        usage="/sources",
        description="The articles behind the fact base: headline, outlet and publication date.",
        examples=("/sources",),
    ),
)


def find_command(name: str) -> CommandSpec | None:
    """The command called ``name`` (with or without its slash, any case), or None."""
    wanted = name.strip().lstrip("/").lower()
    return next((spec for spec in COMMANDS if spec.name == wanted), None)
