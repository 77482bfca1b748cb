"""The theme's navigation, rendered once per folder for pages that are not in it.

Material renders the whole navigation (drawer and table-of-contents sidebars) into every
page: at 10,000 records that is about a third of what its templates cost per page. For a
page outside the navigation with no table of contents, that HTML depends only on the
page's folder (links are relative: https://www.mkdocs.org/user-guide/configuration/#use_directory_urls)
and on its `hide:` list, so pages sharing those get the same bytes. `overrides/main.html`
asks this memo first and falls back to the theme's own block when no memo is installed
(a plain `mkdocs build` without our hook renders exactly the same pages, only slower).
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import BasePlugin


class NavMemo:
    """One per build (installed by the hook's on_env); `for_page(page)` is the template's entry."""

    def __init__(self, nav_pages: list[Any]) -> None:
        self.in_nav = {id(p) for p in nav_pages}
        self.kept: dict[str, str] = {}

    def for_page(self, page: Any) -> Slot | None:
        key = self.key(page)
        return None if key is None else Slot(self, key)

    def key(self, page: Any) -> str | None:
        """Folder and hide list of a page outside the navigation with an empty table of
        contents at depth two or more; None for any other page (rendered as usual)."""
        url = getattr(page, "url", None)
        if not url or id(page) in self.in_nav or len(page.toc) or url.count("/") < 2:
            return None
        folder = url.rstrip("/").rpartition("/")[0]
        hide = (page.meta or {}).get("hide") or []
        return f"{folder}|{','.join(map(str, hide))}"


class Slot:
    """What the template sees: `html` when rendered before, else `keep(html)` stores it."""

    def __init__(self, memo: NavMemo, key: str) -> None:
        self.memo, self.key = memo, key
        self.html = memo.kept.get(key)

    def keep(self, html: str) -> str:
        self.memo.kept[self.key] = html
        return html


class NavMemoPlugin(BasePlugin):  # type: ignore[type-arg]
    """The memo as an in-process MkDocs plugin: `build.mkdocs_stage` adds it to the
    loaded config (https://www.mkdocs.org/dev-guide/plugins/#events), so the generated
    config names no hook and a plain `mkdocs build -f` of it renders the same pages."""

    def __init__(self) -> None:
        self.nav_pages: list[Any] = []

    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        self.nav_pages = list(nav.pages)
        return nav

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        env.globals["nav_memo"] = NavMemo(self.nav_pages)
        return env
