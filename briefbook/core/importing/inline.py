"""Building runs of text in the model's inline markup: ``**bold**``, ``*italic*``, ``[label](url)``.

Readers that meet formatting as nested spans (HTML tags, Markdown tokens,
Word runs) open and close marks on an :class:`InlineBuffer`; it keeps the
spaces outside the marks (``** x**`` would not be bold) and drops marks around
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Link targets kept as links; anything else (``javascript:``, ``file:``) keeps its label only.
SAFE_SCHEMES = ("http://", "https://", "mailto:")


def safe_url(url: str) -> str | None:
    """``url`` when it is a web or mail link, else None."""
    stripped = url.strip()
    return stripped if stripped.lower().startswith(SAFE_SCHEMES) else None


@dataclass
class _Open:
    mark: str
    start: int
    url: str = ""


@dataclass
class InlineBuffer:
    """Text with marks opened and closed around parts of it."""

    parts: list[str] = field(default_factory=list)
    _open: list[_Open] = field(default_factory=list)

    def text(self, value: str) -> None:
        if value:
            self.parts.append(value)

    def open(self, mark: str, url: str = "") -> None:
        """Start ``**``, ``*`` or a link (``mark="link"`` with its ``url``)."""
        self._open.append(_Open(mark, len(self.parts), url))

    def close(self, mark: str) -> None:
        """End the innermost ``mark`` opened (marks left open are ignored)."""
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].mark == mark:
                opened = self._open.pop(index)
                self._wrap(opened)
                return

    def _wrap(self, opened: _Open) -> None:
        inner = "".join(self.parts[opened.start :])
        del self.parts[opened.start :]
        body = inner.strip()
        if not body:
            self.parts.append(inner)
            return
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()) :]
        if opened.mark == "link":
            url = safe_url(opened.url)
            wrapped = f"[{body}]({url})" if url and "](" not in body else body
            if url and url.rstrip("/") == body.rstrip("/"):
                wrapped = body
        elif body.startswith(opened.mark) and body.endswith(opened.mark):
            wrapped = body  # already marked (nested <b><b>)
        else:
            wrapped = f"{opened.mark}{body}{opened.mark}"
        self.parts.append(f"{lead}{wrapped}{trail}")

    def value(self) -> str:
        """The text so far, with every mark still open closed."""
        while self._open:
            self._wrap(self._open.pop())
        return "".join(self.parts)

    def take(self) -> str:
        """The text so far, and an empty buffer (open marks are closed first)."""
        value = self.value()
        self.parts.clear()
        return value
