"""Web pages and Markdown to the plain text a reader sees, one paragraph a block.

Both return lines with an empty line between paragraphs, the same shape as
a plain-text article, so that :func:`extract.cleaning.clean_lines` treats
every format alike. HTML goes through selectolax (lexbor), a real HTML5
parser, and Markdown through markdown-it-py (CommonMark, already installed
with rich), rather than regular expressions that break on real pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

# Not part of the visible article: code, page chrome, forms, embedded media.
_DROPPED_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "head", "title",
        "nav", "header", "footer", "aside", "menu",
        "form", "button", "select", "option", "input", "textarea", "label",
        "iframe", "object", "embed", "canvas", "dialog", "audio", "video", "picture", "img",
    }
)
_DROPPED_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"})
# Elements that start a new paragraph.
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "li", "main",
        "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
    }
)
# Elements that start a new line within a paragraph.
_LINE_TAGS = frozenset({"br", "td", "th"})

_DATE_SELECTORS = (
    ('meta[property="article:published_time"]', "content"),
    ('meta[itemprop="datePublished"]', "content"),
    ('meta[name="date"]', "content"),
    ('meta[name="pubdate"]', "content"),
    ('meta[name="publish-date"]', "content"),
    ('meta[name="dc.date"]', "content"),
    ("time[datetime]", "datetime"),
)
_TITLE_SELECTORS = (('meta[property="og:title"]', "content"), ("h1", None), ("title", None))
_URL_SELECTORS = (('link[rel="canonical"]', "href"), ('meta[property="og:url"]', "content"))


@dataclass(frozen=True)
class PageText:
    """A page's visible text as lines (paragraphs split by ""), and what its markup says about it."""

    lines: list[str]
    title: str | None = None
    date: str | None = None
    url: str | None = None


def html_page(html: str) -> PageText:
    """The visible text of an HTML page without scripts, styles, navigation, header, footer or asides.

    >>> page = html_page("<title>T</title><nav>Home</nav><h1>Acme buys Zenith</h1><p>Acme <b>bought</b> it.</p>")
    >>> page.lines, page.title
    (['Acme buys Zenith', '', 'Acme bought it.'], 'Acme buys Zenith')
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    # Metadata first: the title and date often sit in <head> or <header>, which the text leaves out.
    title = _first_value(tree, _TITLE_SELECTORS)
    date = _first_value(tree, _DATE_SELECTORS)
    url = _first_value(tree, _URL_SELECTORS)
    root = tree.body or tree.root
    lines = _visible_lines(root) if root is not None else []
    return PageText(lines, title, date, url)


def _first_value(tree, selectors: tuple[tuple[str, str | None], ...]) -> str | None:
    for selector, attribute in selectors:
        node = tree.css_first(selector)
        if node is None:
            continue
        value = node.attributes.get(attribute) if attribute else node.text(separator=" ")
        value = " ".join((value or "").split())
        if value:
            return value
    return None


def _hidden(node: LexborNode) -> bool:
    attributes = node.attributes
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    if (attributes.get("role") or "").lower() in _DROPPED_ROLES:
        return True
    style = (attributes.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _visible_lines(root: LexborNode) -> list[str]:
    lines: list[str] = []
    pieces: list[str] = []

    def flush() -> None:
        text = "".join(pieces)
        pieces.clear()
        paragraph = [" ".join(part.split()) for part in text.split("\n")]
        paragraph = [line for line in paragraph if line]
        if paragraph:
            if lines:
                lines.append("")
            lines.extend(paragraph)

    # An explicit stack rather than recursion: real pages nest deeper than
    # Python's recursion limit.
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            flush()
            continue
        if node.is_text_node:
            pieces.append(node.text_content or "")
            continue
        if not node.is_element_node:
            continue
        tag = node.tag
        if tag in _DROPPED_TAGS or _hidden(node):
            continue
        if tag in _LINE_TAGS:
            pieces.append("\n")
        elif tag in _BLOCK_TAGS:
            flush()
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    flush()
    return lines


def markdown_lines(text: str) -> list[str]:
    """The reader's text of a Markdown document: markup, images and code blocks removed.

    >>> markdown_lines("# Acme buys Zenith\\n\\nAcme *bought* [Zenith](https://z.example).")
    ['Acme buys Zenith', '', 'Acme bought Zenith.']
    """
    from markdown_it import MarkdownIt

    lines: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if block:
            if lines:
                lines.append("")
            lines.extend(block)
            block.clear()

    for token in MarkdownIt("commonmark").enable("table").parse(text):
        if token.type == "inline":
            rendered = "".join(_inline_text(child) for child in token.children or ())
            block.extend(line.strip() for line in rendered.split("\n") if line.strip())
        elif token.type == "html_block":
            flush()
            from selectolax.lexbor import LexborHTMLParser

            fragment = LexborHTMLParser(token.content).body
            block.extend(_visible_lines(fragment) if fragment is not None else [])
            flush()
        elif token.nesting == -1:
            flush()
    flush()
    return lines


def _inline_text(token) -> str:
    if token.type in ("text", "code_inline"):
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return "\n"
    return ""
