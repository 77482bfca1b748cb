"""Whole pages from a memo: the theme rendered once per page "shape", then filled in.

Most of what MkDocs spends on a generated page is Material's templates (header, search,
navigation, config, footer), and for the thousands of pages outside the navigation that
HTML is the same from page to page except for a few values: the content, the title, the
description, the city, the edit and report links and the page's own address. Pages that
agree on everything else (template, depth and the links seen from them, every other
front matter value) have one *shape*. The theme is rendered for a shape with marked
stand-ins ("sentinels") for those values, and every later page of the shape is the
stand-in output with its own values put in.

Safe by construction, not by a list of what the templates do:
- a shape is learnt from two real pages (different addresses, folders and values): each
  is rendered with its own set of stand-ins of different lengths, holding the characters
  filters change (`<&"'>`, a newline, two spaces); the two outputs must agree outside the
  stand-ins, and each stand-in must come out unchanged or exactly HTML-escaped (`| e`),
  else the shape is never used (a filter that trims, truncates or strips tags shows);
- then both real pages are rendered the normal way and the filled-in shape must give
  exactly those bytes, else the shape is never used;
- a value is only put in when it is a non-empty string without surrounding whitespace;
  any other page renders the normal way.
`tests/site/test_pagememo.py` compares every page of the fictional site with and
without the memo byte for byte. A plain `mkdocs build` of the generated config does
not load this module and renders every page the normal way.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from markupsafe import escape
from mkdocs.plugins import BasePlugin
from mkdocs.utils import get_relative_url

log = logging.getLogger(__name__)

# Front matter values that differ from page to page and that the templates print.
OPEN_META = ("title", "description", "city", "city_name", "edit_url", "report_url")
# Stand-in marks: Unicode private use characters, which no page text holds.
OPEN, CLOSE = "\ue000", "\ue001"
# What the stand-ins hold between their marks: the characters that escaping changes,
# whitespace that trimming or collapsing changes (not in address segments, where
# urllib removes newlines), and, in the second set, a long run for truncation.
BODY = "<&\"'>\n  "
SEGMENT_BODY = "<&\"'>"
PADS = ("", "x" * 300)


def sentinel(name: str, index: int, pad: str) -> str:
    body = SEGMENT_BODY if name.startswith("url.") else BODY
    return f"{OPEN}{index}_{name.replace('.', '-')}{body}{pad}{CLOSE}"


def open_values(page: Any) -> dict[str, str] | None:
    """The values a shape leaves open, by name; None when a page cannot use a shape
    (an open value that is not a non-empty string without surrounding whitespace)."""
    url = page.url
    if not url.endswith("/") or url.count("/") < 2:
        return None
    values: dict[str, Any] = {"content": page.content, "title": page.title}
    meta = page.meta or {}
    values.update({f"meta.{k}": meta[k] for k in OPEN_META if k in meta})
    for i, segment in enumerate(url.split("/")[1:-1], 1):
        values[f"url.{i}"] = segment
    for value in values.values():
        if not isinstance(value, str) or not value or value != value.strip():
            return None
        if OPEN in value or CLOSE in value:
            return None
    return values


class StandIn:
    """A page as the templates see it, with the open values replaced."""

    def __init__(self, page: Any, values: dict[str, str], site_url: str | None) -> None:
        self._page = page
        self.content = values["content"]
        self.title = values["title"]
        self.meta = dict(page.meta or {})
        self.meta.update({k[5:]: v for k, v in values.items() if k.startswith("meta.")})
        segments = [v for k, v in sorted(values.items()) if k.startswith("url.")]
        self.url = "/".join([page.url.split("/")[0], *segments]) + "/"
        # As mkdocs.structure.pages.Page._set_canonical_url computes them.
        self.canonical_url = self.abs_url = None
        if site_url:
            from urllib.parse import urljoin, urlsplit

            base = site_url if site_url.endswith("/") else site_url + "/"
            self.canonical_url = urljoin(base, self.url)
            self.abs_url = urlsplit(self.canonical_url).path

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


class Shape:
    """Learnt from the first two pages of a key: literal parts between open values."""

    def __init__(self, first: tuple[Any, dict[str, str], dict, str]) -> None:
        self.first: tuple[Any, dict[str, str], dict, str] | None = first
        self.parts: list[str] = []
        self.slots: list[tuple[str, bool]] = []  # (value name, HTML-escaped)
        self.usable: bool | None = None

    def fill(self, values: dict[str, str]) -> str:
        out = [self.parts[0]]
        for (name, escaped), part in zip(self.slots, self.parts[1:], strict=True):
            value = values[name]
            out.append(str(escape(value)) if escaped else value)
            out.append(part)
        return "".join(out)

    def learn(self, template: Any, second: tuple[Any, dict[str, str], dict, str], site_url) -> None:
        assert self.first is not None
        pages = (self.first, second)
        self.first = None
        learnt = [
            self._stand_in(template, page, index, site_url) for index, page in enumerate(pages)
        ]
        if learnt[0] is None or learnt[0] != learnt[1]:
            self.usable = False
            return
        self.parts, self.slots = learnt[0]
        self.usable = all(self.fill(values) == out for _, values, _, out in pages)

    def _stand_in(self, template: Any, page: tuple, index: int, site_url) -> tuple | None:
        real, values, context, _ = page
        stand = {n: sentinel(n, i, PADS[index]) for i, n in enumerate(sorted(values))}
        if "<h1" in values["content"]:  # Material adds a title to content without one
            stand["content"] = stand["content"][:-1] + "<h1" + CLOSE
        proxy = StandIn(real, stand, site_url)
        output = template.render({**context, "page": proxy})
        return split(output, stand)


def split(output: str, stand: dict[str, str]) -> tuple[list[str], list[tuple[str, bool]]] | None:
    """The output's literal parts and, between them, which stand-in came out how;
    None when a stand-in came out changed (its marks are left in a literal part)."""
    forms = {}
    for name, text in stand.items():
        forms[text] = (name, False)
        forms[str(escape(text))] = (name, True)
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    parts, slots, start = [], [], 0
    for match in pattern.finditer(output):
        parts.append(output[start : match.start()])
        slots.append(forms[match.group()])
        start = match.end()
    parts.append(output[start:])
    if any(OPEN in p or CLOSE in p for p in parts):
        return None
    return parts, slots


class PageMemo:
    """One per build: shapes by key, for pages outside the navigation."""

    def __init__(self, nav_pages: list[Any], site_url: str | None) -> None:
        self.in_nav = {id(p) for p in nav_pages}
        self.nav_urls = sorted({p.url for p in nav_pages})
        self.site_url = site_url
        self.shapes: dict[str, Shape] = {}
        self.filled = 0

    def key(self, page: Any, template_name: str, values: dict[str, str]) -> str | None:
        """Everything about a page but its open values; None for a page rendered the
        normal way (in the navigation, with a table of contents or an edit link)."""
        if id(page) in self.in_nav or len(page.toc) or page.edit_url or page.is_homepage:
            return None
        rest = {k: v for k, v in (page.meta or {}).items() if k not in OPEN_META}
        links = [get_relative_url(u, page.url) for u in self.nav_urls + list(strings(rest))]
        shape = [
            template_name,
            page.url.count("/"),
            page.url.split("/")[0],
            links,
            rest,
            sorted(values),
            "<h1" in values["content"],
        ]
        return json.dumps(shape, sort_keys=True, default=repr)

    def render(self, template: Any, name: str, context: dict) -> str:
        found = self.lookup(context, name)
        if found is None:
            return template.render(context)
        page, values, key = found
        shape = self.shapes.get(key)
        if shape is not None and shape.usable:
            self.filled += 1
            return shape.fill(values)
        output = template.render(context)
        if shape is None:
            self.shapes[key] = Shape((page, values, context, output))
        elif shape.usable is None:
            shape.learn(template, (page, values, context, output), self.site_url)
            if not shape.usable:
                log.debug("page memo: shape of %s not used", page.url)
        return output

    def lookup(self, context: dict, name: str) -> tuple[Any, dict[str, str], str] | None:
        """The page being rendered, its open values and its shape's key, if it has one."""
        page = context.get("page")
        if page is None or page.content is None:
            return None
        values = open_values(page)
        key = self.key(page, name, values) if values is not None else None
        return None if values is None or key is None else (page, values, key)


def strings(value: Any) -> list[str]:
    """Every string inside front matter values (addresses among them become links)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings(v)]
    return []


class MemoTemplate:
    """What MkDocs gets from `env.get_template`: renders through the memo."""

    def __init__(self, memo: PageMemo, template: Any, name: str) -> None:
        self.memo, self.template, self.name = memo, template, name

    def render(self, context: dict) -> str:
        return self.memo.render(self.template, self.name, context)


class MemoEnvironment:
    """The theme's Jinja environment, whose top-level templates render through the memo.
    Only MkDocs' own page and theme-template steps see it; templates that include or
    extend others keep using the real environment."""

    def __init__(self, env: Any, memo: PageMemo) -> None:
        self._env, self.memo = env, memo

    def get_template(self, name: str, *args: Any, **kwargs: Any) -> MemoTemplate:
        return MemoTemplate(self.memo, self._env.get_template(name, *args, **kwargs), name)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._env, name)


class PageMemoPlugin(BasePlugin):  # type: ignore[type-arg]
    """The memo as an in-process MkDocs plugin, added last to the loaded config by
    `build.mkdocs_stage` and the preview (https://www.mkdocs.org/dev-guide/plugins/#events):
    the generated config names no plugin, so a plain `mkdocs build -f` renders every
    page the normal way."""

    def __init__(self) -> None:
        self.nav_pages: list[Any] = []
        self.memo: PageMemo | None = None

    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        self.nav_pages = list(nav.pages)
        return nav

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        self.memo = PageMemo(self.nav_pages, config.get("site_url"))
        return MemoEnvironment(env, self.memo)

    def on_post_build(self, config: Any) -> None:
        if self.memo is not None:
            shapes = self.memo.shapes.values()
            log.info(
                "page memo: %d pages filled in, %d of %d shapes used",
                self.memo.filled,
                sum(1 for s in shapes if s.usable),
                len(self.memo.shapes),
            )
