"""Page setup: paper, margins, and the banner at the top and bottom of every page.

The page header holds the banner; the page footer holds "Page X of Y" (two
fields the viewer computes) and the banner again, so the banner is the first
and the last line of every page. The banner is centred, bold, in the level's
text colour on a bar of the level's colour, as the scheme file defines them.
"""

from __future__ import annotations

from docx.document import Document
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
    historical: str | None = None,
) -> None:
    """Paper size, margins, banners and page numbers of the (single) section.

    ``footer_note`` is shown before the page number on every page (the
    sanitized-version mark); ``historical`` replaces the banner of an imported
    historical record (``SECRET — declassified, published in FRUS 1918``), on
    the bar of the scheme's lowest level: the record is public now.
    """
    section = document.sections[0]
    width, height = paper.size_twips
    section.page_width = Twips(width)
    section.page_height = Twips(height)
    section.top_margin = section.bottom_margin = Twips(MARGIN_TWIPS)
    section.left_margin = section.right_margin = Twips(MARGIN_TWIPS)
    section.header_distance = Twips(HEADER_DISTANCE_TWIPS)
    section.footer_distance = Twips(FOOTER_DISTANCE_TWIPS)
    styles = document.styles

    header = section.header.paragraphs[0]
    header.style = styles[STYLE["banner"]]
    _banner(header, banner, historical)

    footer = section.footer
    numbers = footer.paragraphs[0]
    numbers.style = styles[STYLE["page_number"]]
    if footer_note:
        add_text(numbers, f"{footer_note} \u2014 ")
    add_text(numbers, "Page ")
    add_field(numbers, "PAGE", "1")
    add_text(numbers, " of ")
    add_field(numbers, "NUMPAGES", "1")
    _banner(footer.add_paragraph(style=styles[STYLE["banner"]]), banner, historical)


def _banner(paragraph: Paragraph, banner: Marking, historical: str | None) -> None:
    level = banner.scheme.lowest if historical else banner.level
    bar(paragraph, level.colour)
    add_text(paragraph, historical or banner.banner, colour=level.text_colour)
