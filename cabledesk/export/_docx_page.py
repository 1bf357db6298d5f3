"""Page setup: paper, margins, and the banner at the top and bottom of every page.

The page header holds the banner; the page footer holds "Page X of Y" (two
fields the viewer computes) and the banner again, so the banner is the first
and the last line of every page. The banner is centred, bold, in the level's
text colour on a bar of the level's colour, as the scheme file defines them.

Continuation identity: the first page has a header of its own (``w:titlePg``);
on every later page a line under the banner names the cable — post, serial or
id, and "Page X of Y" again — so that a page separated from the others can be
matched to its cable and put back in its place. The first page's header can
carry a note under the banner (the classification the cable has when
separated from its attachments).
"""

from __future__ import annotations

from docx.document import Document
from docx.section import _Footer, _Header
from docx.shared import Twips
from docx.text.paragraph import Paragraph

from cabledesk.domain.marking import Marking
from cabledesk.export._docx_base import STYLE
from cabledesk.export._docx_xml import add_field, add_text, bar
from cabledesk.export.settings import Paper

__all__ = ["set_up_pages"]

MARGIN_TWIPS = 1440  # 1 inch all round: room for the banner bars above and below the text
HEADER_DISTANCE_TWIPS = 567  # 1 cm from the paper's edge to the banner
FOOTER_DISTANCE_TWIPS = 567


def set_up_pages(
    document: Document,
    paper: Paper,
    banner: Marking,
    footer_note: str | None = None,
    *,
    banner_line: str | None = None,
    continuation: str | None = None,
    first_page_note: str | None = None,
) -> None:
    """Paper size, margins, banners and page numbers of the (single) section.

    ``footer_note`` is shown before the page number on every page (the
    sanitized-version mark). ``banner_line`` is the banner as written (default:
    ``banner.banner``); ``continuation`` names the cable on every page after
    the first; ``first_page_note`` is shown under the banner on the first page.
    """
    section = document.sections[0]
    width, height = paper.size_twips
    section.page_width = Twips(width)
    section.page_height = Twips(height)
    section.top_margin = section.bottom_margin = Twips(MARGIN_TWIPS)
    section.left_margin = section.right_margin = Twips(MARGIN_TWIPS)
    section.header_distance = Twips(HEADER_DISTANCE_TWIPS)
    section.footer_distance = Twips(FOOTER_DISTANCE_TWIPS)
    text = banner_line or banner.banner
    if continuation is None and first_page_note is None:
        _header(section.header, banner, text, None)
        _footer(section.footer, banner, text, footer_note)
        return
    section.different_first_page_header_footer = True
    _header(section.first_page_header, banner, text, first_page_note)
    _footer(section.first_page_footer, banner, text, footer_note)
    header = _header(section.header, banner, text, None)
    if continuation is not None:
        line = header.add_paragraph(style=STYLE["continuation"])
        add_text(line, f"{continuation} \u2014 ")
        _page_x_of_y(line)
    _footer(section.footer, banner, text, footer_note)


def _header(header: _Header, banner: Marking, text: str, note: str | None) -> _Header:
    first = header.paragraphs[0]
    first.style = STYLE["banner"]
    _banner(first, banner, text)
    if note is not None:
        add_text(header.add_paragraph(style=STYLE["continuation"]), note, bold=True)
    return header


def _footer(footer: _Footer, banner: Marking, text: str, note: str | None) -> None:
    numbers = footer.paragraphs[0]
    numbers.style = STYLE["page_number"]
    if note:
        add_text(numbers, f"{note} \u2014 ")
    _page_x_of_y(numbers)
    _banner(footer.add_paragraph(style=STYLE["banner"]), banner, text)


def _page_x_of_y(paragraph: Paragraph) -> None:
    add_text(paragraph, "Page ")
    add_field(paragraph, "PAGE", "1")
    add_text(paragraph, " of ")
    add_field(paragraph, "NUMPAGES", "1")


def _banner(paragraph: Paragraph, banner: Marking, text: str) -> None:
    bar(paragraph, banner.level.colour)
    add_text(paragraph, text, colour=banner.level.text_colour)
