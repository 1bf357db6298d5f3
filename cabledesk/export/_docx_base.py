"""The empty document every export starts from: our own, minimal and clean.

python-docx's default template is a Word 2010 file of 38 KB carrying a
thumbnail, customXml items, a revision-id table (``w:rsids``), a ``w14:docId``,
"python-docx" as author and two 430 KB style sheets. Instead, every export
starts from this package: the main document with its section, a style sheet
with only the styles a cable uses, the settings Word needs, and the font
table. No part here names a person, a machine, a path, a template or a
revision.

Typeface. The body is **Courier New 11 pt**: a cable is traditionally set in a
monospaced face, 68 characters to the line on A4 or Letter with 1-inch
margins (the telegram's 69), and the header block's labels line up on the
character grid. Banners are **Arial bold**. Both ship with every Windows and
macOS machine, and both have metric-compatible free equivalents — Liberation
Mono and Liberation Sans (every Linux desktop and LibreOffice), Cousine and
Arimo (ChromeOS) — whose every glyph has the same advance width: a machine
without our fonts breaks the same lines and the same pages, so "Page X of Y"
and the banner on every page stay true. The font table gives each face's
PANOSE class, family and pitch, so a viewer without them picks a fixed-pitch
modern face and a proportional sans face respectively.
"""

from __future__ import annotations

from cabledesk.export._zip import ZipEntry, zip_bytes

__all__ = [
    "BANNER_FONT",
    "BODY_FONT",
    "CONTENT_TYPES",
    "LABEL_WIDTH_TWIPS",
    "STYLE",
    "W_NS",
    "base_package",
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
RT_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CONTENT_TYPES = {
    "document": f"{_WML}.document.main+xml",
    "styles": f"{_WML}.styles+xml",
    "settings": f"{_WML}.settings+xml",
    "fontTable": f"{_WML}.fontTable+xml",
    "core": "application/vnd.openxmlformats-package.core-properties+xml",
    "custom": "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    "rels": "application/vnd.openxmlformats-package.relationships+xml",
}

BODY_FONT = "Courier New"
BANNER_FONT = "Arial"
BODY_HALF_POINTS = 22  # 11 pt
SMALL_HALF_POINTS = 18  # 9 pt: page numbers, source notes
BANNER_HALF_POINTS = 24  # 12 pt
CHAR_TWIPS = 132  # one Courier character at 11 pt: 0.6 em = 6.6 pt
# Header labels ("PRECEDENCE: ") take 12 characters; values start on that column.
LABEL_WIDTH_TWIPS = 12 * CHAR_TWIPS
LIST_INDENT_TWIPS = 4 * CHAR_TWIPS  # "12. " before an attachment
BLANK_LINE_TWIPS = 240

# Style ids (python-docx finds styles by name; ids and names are the same here).
STYLE = {
    "banner": "CableBanner",
    "page_number": "CablePageNumber",
    "continuation": "CableContinuation",
    "field": "CableHeaderField",
    "notice": "CableNotice",
    "heading": "CableHeading",
    "authority": "CableAuthority",
    "paragraph": "CableParagraph",
    "signature": "CableSignature",
    "list": "CableList",
    "note": "CableSourceNote",
}

_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _style(style_id: str, body: str, *, based_on: str = "Normal", kind: str = "paragraph") -> str:
    return (
        f'<w:style w:type="{kind}" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{style_id}"/><w:basedOn w:val="{based_on}"/><w:qFormat/>{body}</w:style>'
    )


def _hanging(width: int, *, keep_next: bool) -> str:
    """Paragraph properties: a label, a tab, then the value; wrapped lines align on it."""
    return (
        f'<w:pPr>{"<w:keepNext/>" * keep_next}<w:tabs><w:tab w:val="left" w:pos="{width}"/>'
        f'</w:tabs><w:ind w:left="{width}" w:hanging="{width}"/></w:pPr>'
    )


def _styles_xml() -> str:
    fonts = (
        f'<w:rFonts w:ascii="{BODY_FONT}" w:hAnsi="{BODY_FONT}" w:cs="{BODY_FONT}" '
        f'w:eastAsia="{BODY_FONT}"/>'
    )
    banner_fonts = (
        f'<w:rFonts w:ascii="{BANNER_FONT}" w:hAnsi="{BANNER_FONT}" w:cs="{BANNER_FONT}" '
        f'w:eastAsia="{BANNER_FONT}"/>'
    )
    gap = f'<w:spacing w:before="{BLANK_LINE_TWIPS}" w:after="0"/>'
    field = _hanging(LABEL_WIDTH_TWIPS, keep_next=True)
    small = (
        f'<w:rPr><w:sz w:val="{SMALL_HALF_POINTS}"/><w:szCs w:val="{SMALL_HALF_POINTS}"/></w:rPr>'
    )
    styles = [
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'{fonts}<w:sz w:val="{BODY_HALF_POINTS}"/><w:szCs w:val="{BODY_HALF_POINTS}"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/>"
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>",
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "<w:qFormat/></w:style>",
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>",
        '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/>'
        '<w:basedOn w:val="Normal"/></w:style>',
        '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/>'
        '<w:basedOn w:val="Normal"/></w:style>',
        _style(
            STYLE["banner"],
            '<w:pPr><w:jc w:val="center"/></w:pPr>'
            f'<w:rPr>{banner_fonts}<w:b/><w:bCs/><w:sz w:val="{BANNER_HALF_POINTS}"/>'
            f'<w:szCs w:val="{BANNER_HALF_POINTS}"/></w:rPr>',
        ),
        _style(
            STYLE["page_number"],
            '<w:pPr><w:spacing w:before="0" w:after="60"/><w:jc w:val="center"/></w:pPr>' + small,
            based_on="Footer",
        ),
        _style(
            STYLE["continuation"],  # under the banner: which cable, which page
            '<w:pPr><w:spacing w:before="60" w:after="0"/><w:jc w:val="center"/></w:pPr>' + small,
            based_on="Header",
        ),
        _style(STYLE["field"], field),
        _style(
            STYLE["notice"],
            '<w:pPr><w:keepNext/><w:pBdr><w:top w:val="single" w:sz="8" w:space="4" '
            'w:color="000000"/><w:left w:val="single" w:sz="8" w:space="4" w:color="000000"/>'
            '<w:bottom w:val="single" w:sz="8" w:space="4" w:color="000000"/><w:right '
            'w:val="single" w:sz="8" w:space="4" w:color="000000"/></w:pBdr>'
            '<w:spacing w:before="0" w:after="360"/></w:pPr>',
        ),
        _style(STYLE["authority"], "<w:pPr><w:keepNext/></w:pPr>"),
        _style(  # a telegram's SUMMARY / DETAIL / COMMENT: a heading in the PDF's tags too
            STYLE["heading"], f'<w:pPr><w:keepNext/>{gap}<w:outlineLvl w:val="1"/></w:pPr>'
        ),
        _style(STYLE["paragraph"], f"<w:pPr>{gap}</w:pPr>"),
        _style(STYLE["signature"], f"<w:pPr><w:keepLines/>{gap}</w:pPr>"),
        _style(STYLE["list"], _hanging(LIST_INDENT_TWIPS, keep_next=False)),
        _style(STYLE["note"], _hanging(LABEL_WIDTH_TWIPS, keep_next=False) + small),
    ]
    return f'{_XML_DECL}<w:styles xmlns:w="{W_NS}">' + "".join(styles) + "</w:styles>"


def _fonts_xml() -> str:
    # PANOSE, family and pitch let a viewer without the face choose a close one.
    return (
        f'{_XML_DECL}<w:fonts xmlns:w="{W_NS}">'
        f'<w:font w:name="{BODY_FONT}"><w:panose1 w:val="02070309020205020404"/>'
        '<w:charset w:val="00"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        f'<w:font w:name="{BANNER_FONT}"><w:panose1 w:val="020B0604020202020204"/>'
        '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
        "</w:fonts>"
    )


def _settings_xml() -> str:
    return (
        f'{_XML_DECL}<w:settings xmlns:w="{W_NS}">'
        '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
    )


def _document_xml() -> str:
    # Page size and margins are set per export (ExportSettings.paper).
    return (
        f'{_XML_DECL}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" '
        'w:bottom="1440" w:left="1440" w:header="567" w:footer="567" w:gutter="0"/>'
        "</w:sectPr></w:body></w:document>"
    )


def _content_types_xml() -> str:
    overrides = "".join(
        f'<Override PartName="/word/{name}.xml" ContentType="{CONTENT_TYPES[name]}"/>'
        for name in ("document", "styles", "settings", "fontTable")
    )
    return (
        f'{_XML_DECL}<Types xmlns="{CT_NS}">'
        f'<Default Extension="rels" ContentType="{CONTENT_TYPES["rels"]}"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{overrides}</Types>"
    )


def _rels_xml(targets: list[tuple[str, str]]) -> str:
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{kind if "://" in kind else f"{RT_BASE}/{kind}"}" '
        f'Target="{target}"/>'
        for i, (kind, target) in enumerate(targets, start=1)
    )
    return f'{_XML_DECL}<Relationships xmlns="{PKG_RELS_NS}">{rels}</Relationships>'


def base_package() -> bytes:
    """The starting .docx (a few kilobytes), for ``docx.Document(io.BytesIO(...))``."""
    return zip_bytes(
        ZipEntry(name, text.encode("utf-8"))
        for name, text in (
            ("[Content_Types].xml", _content_types_xml()),
            ("_rels/.rels", _rels_xml([("officeDocument", "word/document.xml")])),
            ("word/document.xml", _document_xml()),
            (
                "word/_rels/document.xml.rels",
                _rels_xml(
                    [
                        ("styles", "styles.xml"),
                        ("settings", "settings.xml"),
                        ("fontTable", "fontTable.xml"),
                    ]
                ),
            ),
            ("word/styles.xml", _styles_xml()),
            ("word/settings.xml", _settings_xml()),
            ("word/fontTable.xml", _fonts_xml()),
        )
    )


def package_rels_xml(targets: list[tuple[str, str]]) -> bytes:
    """A relationships part; ``targets`` are (relationship kind, target) pairs.

    A kind is a full URI or a name under the officeDocument relationships.
    """
    return _rels_xml(targets).encode("utf-8")
