"""A timeline picture: the events of an answer on a dated axis, as a PNG for Slack.

``/timeline 2024 chart`` and "show me a timeline of …" ask for it. The events come from the
answer's items (their fact ids), so the picture shows exactly what the text answer lists. A
day is a dot, a range of days a solid span, and a coarse date (a week, a month, a year) a wide
pale span over everything it could be. matplotlib draws it (the ``chart`` extra), imported only
here and only when a picture is asked for; without it :class:`ChartUnavailable` says how to
install it.
"""

from __future__ import annotations

import io
import re
import textwrap
from datetime import date, timedelta

from bot.replies import Reply
from knowledge.dates import format_span
from knowledge.models import Event
from knowledge.store import FactBase

INSTALL_HINT = ("Timeline pictures need the optional chart extra (matplotlib): "
                "pip install 'factdesk[chart]' (in a checkout: pip install -e '.[chart]'), then restart the bot.")
CHART_WORDS = r"(?:chart|picture|graph|plot|png|image)"
_TRAILING = re.compile(rf"(?:^|\s+)(?:as\s+an?\s+)?{CHART_WORDS}\s*$", re.IGNORECASE)
_LEADING = re.compile(rf"^\s*{CHART_WORDS}(?:\s+|$)", re.IGNORECASE)
_PICTURE_QUESTION = re.compile(
    rf"^\s*(?:please\s+|can you\s+|could you\s+)?(?:show\s+me|draw(?:\s+me)?|plot|give\s+me|make(?:\s+me)?)\s+"
    rf"(?:a\s+|the\s+)?(?:{CHART_WORDS}\s+of\s+(?:the\s+)?)?timeline(?:\s+{CHART_WORDS})?\b(?P<rest>.*)$",
    re.IGNORECASE)
MAX_CHART_EVENTS = 40
WIDTH_INCHES, DPI = 8.0, 150
ROW_INCHES, MARGIN_INCHES = 0.46, 1.35
LABEL_CHARS = 78
POINT, RANGE, COARSE = "#1d3b53", "#2f7d6d", "#c9a227"


class ChartUnavailable(Exception):
    """The chart extra (matplotlib) is not installed; the message says how to install it."""


def chart_argument(argument: str) -> str | None:
    """The timeline argument of ``/timeline … chart`` without the chart word, or None when no picture is asked."""
    for pattern in (_TRAILING, _LEADING):
        found = pattern.search(argument)
        if found:
            return (argument[:found.start()] + " " + argument[found.end():]).strip()
    return None


def chart_question(text: str) -> str | None:
    """The question to answer as a timeline when ``text`` asks for a picture ("show me a timeline of
    the Doha talks" -> "timeline of the Doha talks"), else None."""
    found = _PICTURE_QUESTION.match(text)
    if not found:
        return None
    rest = found["rest"].strip(" ?!.")
    return f"timeline {rest}".strip() if rest else "timeline all"


def events_of(reply: Reply, base: FactBase) -> list[Event]:
    """The events an answer lists (by their fact ids), in date order."""
    ids = [item.fact.split(":", 1)[1] for section in reply.sections for item in section.items
           if item.fact and item.fact.startswith("event:")]
    found = [event for event in (base.fact("event", fact_id) for fact_id in dict.fromkeys(ids))
             if isinstance(event, Event)]
    return sorted(found, key=lambda event: (event.date.start, event.date.end, event.id))


def _kind(event: Event) -> str:
    if event.date.precision == "day":
        return "point" if event.date.start == event.date.end else "range"
    return "coarse"


def timeline_png(title: str, events: list[Event]) -> bytes:
    """The picture of ``events`` (at most :data:`MAX_CHART_EVENTS`, the earliest) as PNG bytes."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
        from matplotlib.figure import Figure
        from matplotlib.patches import Patch
    except ImportError:
        raise ChartUnavailable(INSTALL_HINT) from None
    shown = events[:MAX_CHART_EVENTS]
    rows = max(len(shown), 1)
    figure = Figure(figsize=(WIDTH_INCHES, MARGIN_INCHES + ROW_INCHES * rows), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.04, MARGIN_INCHES * 0.45 / (MARGIN_INCHES + ROW_INCHES * rows), 0.92,
                            ROW_INCHES * rows / (MARGIN_INCHES + ROW_INCHES * rows)))
    if shown:
        low = min(event.date.start for event in shown)
        high = max(event.date.end for event in shown) + timedelta(days=1)
    else:
        low = high = date.today()
    pad = max((high - low).days * 0.03, 3)
    axes.set_xlim(date2num(low - timedelta(days=pad)), date2num(high + timedelta(days=pad)))
    axes.set_ylim(rows - 0.35, -0.75)
    for row, event in enumerate(shown):
        start, end = date2num(event.date.start), date2num(event.date.end + timedelta(days=1))
        kind = _kind(event)
        if kind == "point":
            axes.plot([start + 0.5], [row + 0.12], marker="o", markersize=7, color=POINT, zorder=3)
        elif kind == "range":
            axes.barh(row + 0.12, end - start, left=start, height=0.26, color=RANGE, zorder=2)
        else:
            axes.barh(row + 0.12, end - start, left=start, height=0.34, color=COARSE, alpha=0.45,
                      edgecolor=COARSE, hatch="///", linewidth=0.8, zorder=1)
        label = textwrap.shorten(f"{format_span(event.date)} · {event.summary}", LABEL_CHARS, placeholder="…")
        axes.text(0.005, row - 0.2, label, transform=axes.get_yaxis_transform(), fontsize=10.5, va="center",
                  ha="left", color="#222222", zorder=4)
    if not shown:
        axes.text(0.5, 0, "no dated events", transform=axes.get_yaxis_transform(), ha="center", fontsize=12)
    axes.set_yticks([])
    locator = AutoDateLocator(minticks=3, maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.tick_params(axis="x", labelsize=10.5)
    axes.grid(axis="x", color="#dddddd", linewidth=0.8, zorder=0)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    more = f" (first {len(shown)} of {len(events)})" if len(events) > len(shown) else ""
    figure.suptitle(textwrap.shorten(title + more, 70, placeholder="…"), fontsize=13, fontweight="bold",
                    x=0.04, ha="left", y=1 - 0.12 / (MARGIN_INCHES + ROW_INCHES * rows))
    legend = [Patch(color=POINT, label="a day"), Patch(color=RANGE, label="days from–to"),
              Patch(facecolor=COARSE, alpha=0.45, hatch="///", label="dated only to a week, month or year")]
    figure.legend(handles=legend,
                  loc="lower left", ncols=3, fontsize=9.5, frameon=False, bbox_to_anchor=(0.03, 0.0))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor="white")
    return buffer.getvalue()
