"""The timeline picture: a real PNG of the answer's events, opened and looked at."""

from __future__ import annotations

import io

import pytest

from bot.chart import DPI, MAX_CHART_EVENTS, WIDTH_INCHES, chart_argument, chart_question, events_of, timeline_png
from bot.core import Desk
from knowledge.store import FactBase

image = pytest.importorskip("matplotlib.image", reason="the chart extra: pip install -e '.[chart]'")


def opened(png: bytes):  # type: ignore[no-untyped-def]
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    return image.imread(io.BytesIO(png), format="png")


def test_the_timeline_picture_is_a_png_of_slack_preview_width_and_not_blank(desk: Desk, fact_base: FactBase) -> None:
    reply = desk.command("timeline", "all")
    events = events_of(reply, fact_base)
    assert len(events) == reply.item_count == len(fact_base.events())
    pixels = opened(timeline_png(reply.title, events))
    height, width = pixels.shape[:2]
    assert width == int(WIDTH_INCHES * DPI)
    assert height >= min(len(events), MAX_CHART_EVENTS) * 0.4 * DPI  # a row per event, labels readable
    assert pixels[..., :3].std() > 0.05, "the picture is blank"
    dark = (pixels[..., :3].mean(axis=2) < 0.5).mean()
    assert 0.005 < dark < 0.5, f"{dark:.3f} of the pixels are dark: no labels, or a smeared picture"


def test_spans_and_coarse_dates_are_drawn_wider_than_days(desk: Desk, fact_base: FactBase) -> None:
    events = events_of(desk.command("timeline", "2024"), fact_base)
    assert {event.date.precision for event in events} >= {"day", "week"}
    pixels = opened(timeline_png("2024", events))
    coarse = ((abs(pixels[..., 0] - 0.9) < 0.1) & (abs(pixels[..., 2] - 0.6) < 0.2)).sum()
    assert coarse > 50, "coarse dates are drawn as pale spans"


def test_an_empty_answer_still_draws_a_picture() -> None:
    pixels = opened(timeline_png("nothing", []))
    assert pixels.shape[1] == int(WIDTH_INCHES * DPI) and pixels[..., :3].std() > 0.01


@pytest.mark.parametrize(("argument", "expected"), [
    ("2024 chart", "2024"), ("chart jan 2024", "jan 2024"), ("doha talks as a picture", "doha talks"),
    ("chart", ""), ("2024", None), ("charter talks", None),
])
def test_the_chart_word_asks_for_a_picture(argument: str, expected: str | None) -> None:
    assert chart_argument(argument) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("show me a timeline of the Doha talks", "timeline of the Doha talks"),
    ("Draw a timeline of 2024?", "timeline of 2024"), ("show me a timeline", "timeline all"),
    ("what happened in 2024", None), ("timeline of 2024", None),
])
def test_show_me_a_timeline_asks_for_a_picture(question: str, expected: str | None) -> None:
    assert chart_question(question) == expected
