"""The evidence of one fact and what the fact base holds: replies built from the base, no Slack here.

:func:`evidence_reply` answers a reader's "Show evidence": every article that reports the fact,
its headline, outlet and publication date, the verbatim sentence and where it stands in the
article (character offsets). :func:`home_reply` is the home tab: what the base holds, how to
ask, and the latest articles.
"""

from __future__ import annotations

from bot.commands import COMMANDS
from bot.core import article_label
from bot.replies import Item, Reply, Section
from knowledge.dates import format_span
from knowledge.models import Event, Quote, Threat
from knowledge.store import FactBase

LATEST_ARTICLES = 5


def fact_title(base: FactBase, fact: Event | Quote | Threat) -> str:
    """A short line naming the fact: the event's summary, the quote and its speaker, the threat claim."""
    if isinstance(fact, Event):
        return fact.summary
    if isinstance(fact, Quote):
        return f"{base.name_of(fact.speaker)}: “{fact.text}”"
    named = (base.name_of(fact.group) if fact.group else f"{base.name_of(fact.state)} (state)" if fact.state
             else f"an unnamed threat ({fact.unnamed or 'not named'})")
    return f"{base.name_of(fact.side)} named {named} as a threat ({fact.how})"


def evidence_reply(base: FactBase, kind: str, fact_id: str) -> Reply:
    """The verbatim sentences behind fact ``kind:fact_id``, one section per article that reports it."""
    fact = base.fact(kind, fact_id)
    if fact is None:
        return Reply(tone="nothing", title=f"The {kind} “{fact_id}” is not in the fact base (it may have been "
                                           "corrected since this answer was posted).",
                     notes=("Ask again to see the current answer.",))
    sections = []
    for citation in fact.sources:
        source = base.source(citation.article)
        where = f"characters {citation.offset:,}–{citation.offset + citation.length:,} of {citation.article}"
        details = [where]
        if citation.date_phrase:
            details.append(f"dated by: “{citation.date_phrase}”")
        if citation.note and citation.note not in fact.notes:
            details.append(f"note: {citation.note}")
        sections.append(Section(
            heading=f"[{article_label(citation.article)}] {source.headline}",
            subheading=f"{source.outlet or 'outlet not named in the text'} · published {format_span(source.published)}",
            items=(Item(text=citation.evidence, quoted=True, details=tuple(details), fact=f"{kind}:{fact.id}"),)))
    count = len(fact.sources)
    return Reply(tone="answer", title=f"Evidence: {fact_title(base, fact)}",
                 summary=f"{kind} {fact.id} · {format_span(fact.date)} · "
                         f"{count} article{'s' if count != 1 else ''}, each sentence verbatim",
                 sections=tuple(sections), notes=tuple(fact.notes))


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def home_reply(base: FactBase) -> Reply:
    """What the home tab shows: the base's holdings, how to ask, and the latest articles."""
    sources = base.sources
    dates = sorted(source.published.start for source in sources)
    counts, span = base.holdings(), base.event_span()
    held = [Item(text=f"{_plural(len(sources), 'article')}"
                      + (f", published {format_span(sources[0].published)} – {format_span(sources[-1].published)}"
                         if dates else ""), lead="Articles")]
    if span:
        first, last = span
        held.append(Item(text=f"{_plural(counts['events'], 'event')}, from {format_span(first.date)} to "
                              f"{format_span(last.date)}", lead="Events"))
    else:
        held.append(Item(text="no events", lead="Events"))
    held += [
        Item(text=f"{_plural(counts['quotes'], 'quote')} ({counts['direct quotes']:,} direct)", lead="Quotes"),
        Item(text=_plural(counts["threats"], "threat claim"), lead="Threats"),
        Item(text=f"{len(base.people):,} {'person' if len(base.people) == 1 else 'people'}", lead="People"),
        Item(text=_plural(len(base.institutions), "institution"), lead="Institutions"),
        Item(text=f"{_plural(len(base.sides), 'side')} · {_plural(len(base.groups), 'group')}",
             lead="Sides and groups"),
    ]
    ask = [Item(text=spec.description, lead=spec.usage) for spec in COMMANDS]
    ask.append(Item(text="Send me a direct message or mention me in a channel in plain English: "
                         "“what did the interior minister say?”, “what happened since 2024?”, "
                         "“show me a timeline of 2024” (a picture). Mentions are answered in a thread.",
                    lead="Or just ask"))
    ask.append(Item(text="Every fact has a menu: “Show evidence” (the article's own sentence) and "
                         "“Report a problem” (tells the curators).", lead="Doubt a fact?"))
    latest = sorted(sources, key=lambda source: (source.published.start, source.article), reverse=True)
    articles = [Item(text=source.headline, lead=f"[{article_label(source.article)}]",
                     date=f"published {format_span(source.published)}",
                     details=(source.outlet or "outlet not named in the text",))
                for source in latest[:LATEST_ARTICLES]]
    return Reply(tone="help", title="factdesk: answers from a curated, source-checked fact base",
                 summary="Every fact is cited to the sentence of the article it comes from.",
                 sections=(Section(heading="What the base holds", items=tuple(held)),
                           Section(heading="How to ask", items=tuple(ask)),
                           Section(heading="Latest articles", items=tuple(articles))))
