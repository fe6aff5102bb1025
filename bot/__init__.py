"""factdesk's Slack bot: a pure core (core, routing, replies, render) and thin Slack adapters."""
