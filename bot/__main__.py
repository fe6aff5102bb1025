"""``python -m bot``: serve Slack (Socket Mode or HTTP); ``python -m bot console``: the offline console.

Socket Mode when ``SLACK_APP_TOKEN`` is set. Otherwise HTTP on ``PORT`` at ``/slack/events``,
served by gunicorn running Bolt's WSGI adapter (the Procfile's ``web`` process), not by Bolt's
development server. A missing or rejected setting is one line on stderr and exit status 2.
"""

from __future__ import annotations

import logging
import os
import sys

from bot.settings import EVENTS_PATH, Settings, SettingsError, configure_logging, load_settings

log = logging.getLogger("factdesk")


def gunicorn_argv(port: int) -> list[str]:
    """The gunicorn command line for HTTP mode, the same as the Procfile's ``web`` process."""
    return [sys.executable, "-m", "gunicorn", "-c", "python:bot.gunicorn_config", "bot.wsgi:application",
            "--bind", f"0.0.0.0:{port}",
            "--worker-class", "gthread", "--threads", "4", "--access-logfile", "-"]


def serve(settings: Settings) -> int:
    """Serve Slack in the mode the settings select; returns only when Socket Mode stops."""
    from bot.app import create_app, open_desk

    settings.require()
    settings.export_environment()
    desk = open_desk(settings)  # builds the fact base once, here, before any worker opens it
    app = create_app(settings, desk)  # checks the token (auth.test) before serving anything
    if settings.mode == "socket":
        from slack_bolt.adapter.socket_mode import SocketModeHandler
        from slack_sdk.errors import SlackApiError

        log.info("factdesk: Socket Mode (no public URL needed)")
        try:
            SocketModeHandler(app, settings.app_token).start()
        except SlackApiError as error:
            raise SettingsError(f"Slack rejected SLACK_APP_TOKEN (apps.connections.open at {settings.api_url}): "
                                f"{error.response.get('error', 'unknown error')}") from None
        return 0
    log.info("factdesk: HTTP mode on 0.0.0.0:%s%s under gunicorn (%s worker process(es), 4 threads each)",
             settings.port, EVENTS_PATH, os.environ["WEB_CONCURRENCY"])
    sys.stdout.flush()
    sys.stderr.flush()
    argv = gunicorn_argv(settings.port)
    os.execv(argv[0], argv)
    return 0  # not reached: gunicorn replaces this process


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m bot``."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "console":
        logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        from bot.console import main as console_main

        return console_main(args[1:])
    if args and args[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    if args:
        print(f"usage: python -m bot [console [--json]] (unknown argument {args[0]!r})", file=sys.stderr)
        return 2
    from bot.app import FactBaseUnavailable

    try:
        settings = load_settings()
        configure_logging(settings)
        return serve(settings)
    except (SettingsError, FactBaseUnavailable) as error:
        print(f"factdesk: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
