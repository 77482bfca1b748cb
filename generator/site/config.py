"""What MkDocs' config takes from `directory/settings.yaml`: site name, address, extras.

One pure function, so a generated MkDocs config and the hook (`generator/hooks.py`) say
the same thing, and the theme's templates read plain values from `config.extra`.
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape

from ..models import Settings


def mkdocs_settings(settings: Settings) -> dict[str, Any]:
    """Top-level config keys and `extra` entries for the site, from the settings record."""
    url = settings.public_url
    return {
        # Material prints site_name and site_description without escaping (in <title>,
        # <meta content="…"> and the header); MkDocs' Jinja has autoescape off. Markup
        # holds the escaped text and is never escaped twice by `| e`.
        "site_name": escape(settings.site_name),
        "site_description": escape(settings.site_description),
        "site_url": (url.rstrip("/") + "/") if url else None,
        "extra": {
            "quick_exit_url": settings.quick_exit_url,
            "one_history_entry": settings.one_history_entry,
            "fictional": settings.fictional,
            "corrections": {
                "text": settings.corrections.text,
                "email": settings.corrections.email,
                "url": settings.corrections.url,
            },
            "data_licence": settings.data_licence,
            "repo_url": settings.repo_url,
            "edit_branch": settings.edit_branch,
        },
    }


def apply_settings(config: Any, settings: Settings) -> None:
    """Write `mkdocs_settings(settings)` into a loaded MkDocs config (keeps other extras)."""
    values = mkdocs_settings(settings)
    config["extra"].update(values.pop("extra"))
    for key, value in values.items():
        config[key] = value
