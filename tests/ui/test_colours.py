"""Issue 19, point 14: the verdict and banner colours are accessible — every text colour
on its background has a WCAG 2 contrast ratio of at least 4.5:1 (success criterion 1.4.3,
"Contrast (Minimum)", level AA, normal text) — they are never the only signal (a word or
an icon goes with each), and they do not follow the palette: a dark theme shows the same
colours, so the text on them stays readable."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from cabledesk.domain.marking import parse_marking
from cabledesk.domain.trust import TrustState
from cabledesk.seal import Severity
from cabledesk.ui import document_verdict, open_cable, seal_dialog
from cabledesk.ui._contacts_model import trust_colour
from cabledesk.ui.banner_bar import UNKNOWN_BACKGROUND, BannerBar
from cabledesk.ui.cable_view import CableView
from cabledesk.ui.document_verdict import Tone, VerdictPanel
from cabledesk.ui.verdict_words import VERDICT_COLOURS
from tests.ui.demo_vault import SCHEMES

AA = 4.5  # WCAG 2.1 SC 1.4.3, level AA, normal-size text


def _linear(channel: int) -> float:
    """WCAG 2 relative-luminance component of an sRGB channel (0–255)."""
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    q = QColor(colour)
    assert q.isValid(), colour
    return 0.2126 * _linear(q.red()) + 0.7152 * _linear(q.green()) + 0.0722 * _linear(q.blue())


def contrast(a: str, b: str) -> float:
    """(L1 + 0.05) / (L2 + 0.05), L1 the lighter (WCAG 2 definition)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    ("a", "b", "ratio"),
    [("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#777777", "#ffffff", 4.48)],
    ids=["black-on-white", "white-on-white", "grey-777-just-fails-AA"],
)
def test_contrast_formula_against_known_values(a: str, b: str, ratio: float) -> None:
    """Known values of the WCAG formula (#777 on white is the classic 4.48:1)."""
    assert contrast(a, b) == pytest.approx(ratio, abs=0.01)


def _style_colours(style: str) -> tuple[str, str]:
    background = re.search(r"background:\s*(#[0-9a-fA-F]{6})", style)
    foreground = re.search(r"(?<!-)color:\s*(#[0-9a-fA-F]{6})", style)
    assert background and foreground, style
    return background.group(1), foreground.group(1)


def _pairs() -> Iterator[tuple[str, str, str]]:
    """(where, background, text) for every verdict and banner colour pair."""
    for severity in Severity:  # open_cable.py: the verdict dialog
        bg, fg = _style_colours(open_cable.verdict_style(severity))
        yield f"open_cable {severity.value}", bg, fg
    for name, (bg, fg) in VERDICT_COLOURS.items():  # cable_view.py: the reading pane
        yield f"stored verdict {name}", bg, fg
    for tone in Tone:  # document_verdict.py: text and headline (accent) on the background
        bg, accent, text = document_verdict._COLOURS[tone]
        yield f"document {tone.value} text", bg, text
        yield f"document {tone.value} headline", bg, accent
    yield "banner unknown", UNKNOWN_BACKGROUND, "#ffffff"  # banner_bar.py
    for scheme_id in SCHEMES:  # banner_bar.py: every level of every scheme
        for level in SCHEMES.get_scheme(scheme_id).levels:
            yield f"banner {scheme_id} {level.name}", level.colour, level.text_colour


PAIRS = list(_pairs())


@pytest.mark.parametrize(("where", "background", "text"), PAIRS, ids=[p[0] for p in PAIRS])
def test_verdict_and_banner_colours_have_aa_contrast(
    where: str, background: str, text: str
) -> None:
    assert contrast(background, text) >= AA, f"{where}: {text} on {background}"


WORDS_ON_BASE = [
    *((f"trust {state.value}", trust_colour(state).name()) for state in TrustState),
    ("seal allowed", seal_dialog.OK_COLOUR),
    ("seal to confirm", seal_dialog.ASK_COLOUR),
    ("seal refused", seal_dialog.NO_COLOUR),
]


@pytest.mark.parametrize(("where", "colour"), WORDS_ON_BASE, ids=[w[0] for w in WORDS_ON_BASE])
def test_coloured_words_on_a_light_base_have_aa_contrast(where: str, colour: str) -> None:
    """Trust states and the seal dialog's policy words are coloured text on the list's
    base (white in a light theme)."""
    assert contrast("#ffffff", colour) >= AA, f"{where}: {colour}"


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = qapp.palette()
    if request.param == "dark":
        dark = QPalette()
        for role, colour in (
            (QPalette.ColorRole.Window, "#202124"),
            (QPalette.ColorRole.WindowText, "#e8eaed"),
            (QPalette.ColorRole.Base, "#121212"),
            (QPalette.ColorRole.AlternateBase, "#2a2a2a"),
            (QPalette.ColorRole.Text, "#e8eaed"),
            (QPalette.ColorRole.Button, "#303134"),
            (QPalette.ColorRole.ButtonText, "#e8eaed"),
        ):
            dark.setColor(role, QColor(colour))
        qapp.setPalette(dark)
    yield str(request.param)
    qapp.setPalette(before)


def _pixel(widget: QLabel) -> str:
    """The colour of the widget's background, a few pixels in from its top-left corner."""
    image = widget.grab().toImage()
    return image.pixelColor(4, 4).name()


def test_banner_colours_do_not_follow_the_palette(qtbot: QtBot, palette: str) -> None:
    us = SCHEMES.get_scheme("us")
    banner = BannerBar()
    qtbot.addWidget(banner)
    banner.resize(400, 40)
    marking = parse_marking("SECRET//NOFORN", us)
    banner.show_marking(marking)
    banner.show()
    assert _pixel(banner) == marking.level.colour.lower(), palette
    assert banner.text() == "SECRET//NOFORN"  # the level in words, not colour alone


@pytest.mark.parametrize("severity", ["ok", "warning", "failure"])
def test_stored_verdict_colours_do_not_follow_the_palette(
    qtbot: QtBot, palette: str, severity: str
) -> None:
    view = CableView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    verdict = {"ok": "valid", "warning": "signer-unverified", "failure": "signer-revoked"}[severity]
    record: dict[str, object] = {
        "verdict": verdict,
        "severity": severity,
        "signer": {"name": "Klaus Weber"},
    }
    view.show_verification(record)
    view.show()
    background, _ = VERDICT_COLOURS[severity]
    assert _pixel(view.verdict) == background, palette
    assert len(view.verdict.text().split()) > 3  # said in words, not colour alone


@pytest.mark.parametrize("tone", list(Tone))
def test_document_verdict_has_an_icon_and_words_in_any_palette(
    qtbot: QtBot, palette: str, tone: Tone
) -> None:
    panel = VerdictPanel()
    qtbot.addWidget(panel)
    panel.show_verdict(tone, "Headline words", "Advice", [])
    panel.resize(500, 160)
    panel.show()
    assert panel.icon.pixmap() is not None and not panel.icon.pixmap().isNull()
    assert panel.headline.text() == "Headline words"
    assert document_verdict._COLOURS[tone][0] in panel.styleSheet()


def test_every_sidebar_section_has_an_icon_with_a_bundled_fallback(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The theme's icon where it has one; else our own SVG (no theme: a bare X server)."""
    from PySide6.QtGui import QIcon

    from cabledesk.ui.icons import SECTION_THEME_NAMES, section_icon
    from cabledesk.ui.sidebar import SECTIONS, Sidebar

    monkeypatch.setattr(QIcon, "hasThemeIcon", staticmethod(lambda name: False))
    assert set(SECTION_THEME_NAMES) == set(SECTIONS)
    for section in SECTIONS:
        bundled = section_icon(section)
        assert not bundled.isNull() and not bundled.pixmap(32, 32).isNull(), section
    sidebar = Sidebar(SCHEMES)
    qtbot.addWidget(sidebar)
    items = [sidebar.sections.item(row) for row in range(sidebar.sections.count())]
    assert all(not item.icon().isNull() for item in items)
    assert [item.text() for item in items] == [
        "Drafts",
        "Sent",
        "Received",
        "Contacts",
        "Audit log",
    ]


def test_coloured_words_are_lightened_on_a_dark_base(palette: str) -> None:
    """On a dark theme the trust and policy words are mixed with white until they reach
    4.5:1 on the palette's base; on a light one they keep their colour."""
    from cabledesk.ui.colours import readable

    base = QApplication.palette().color(QPalette.ColorRole.Base).name()
    for where, colour in WORDS_ON_BASE:
        shown = readable(colour).name()
        assert contrast(base, shown) >= AA, f"{palette} {where}: {shown} on {base}"
        if palette == "light":
            assert shown == QColor(colour).name(), where


def test_refusal_words_stay_readable_on_the_window(palette: str) -> None:
    """The seal dialog's and file encryption's reasons are red words on the window's
    background: lightened enough on a dark one."""
    from cabledesk.ui.colours import text_style

    window = QApplication.palette().color(QPalette.ColorRole.Window).name()
    shown = re.search(r"color: (#[0-9a-f]{6})", text_style(seal_dialog.NO_COLOUR))
    assert shown and contrast(window, shown.group(1)) >= AA, (palette, shown)
