"""Reading served pages in tests without a browser: the text of elements, as a reader gets it."""

from __future__ import annotations

from html.parser import HTMLParser

VOID_ELEMENTS = {"br", "img", "input", "link", "meta", "hr"}


class _Texts(HTMLParser):
    """The text of every `tag` element carrying `attribute`, leaving out elements of class `skip`."""

    def __init__(self, tag: str | None, attribute: str, skip: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.attribute, self.skip = tag, attribute, skip
        self.found: list[tuple[str, str]] = []
        self._open: list[tuple[int | None, bool]] = []  # (index in found, skipping) per open element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_ELEMENTS:
            return
        values = dict(attrs)
        skipping = bool(self._open and self._open[-1][1]) or (
            self.skip is not None and self.skip in (values.get("class") or "").split()
        )
        index = None
        if self.attribute in values and self.tag in (None, tag):
            self.found.append((values[self.attribute] or "", ""))
            index = len(self.found) - 1
        self._open.append((index, skipping))

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID_ELEMENTS and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1][1]:
            return
        for index in {i for i, _ in self._open if i is not None}:
            key, text = self.found[index]
            self.found[index] = (key, text + data)


def texts(
    page: str, attribute: str, tag: str | None = None, skip: str | None = "said-by"
) -> list[tuple[str, str]]:
    """(attribute value, text) of each element (of `tag`, if given) carrying `attribute`, in
    document order; the text leaves out the elements of class `skip` (a quote's "said by" label)."""
    parser = _Texts(tag, attribute, skip)
    parser.feed(page)
    return parser.found
