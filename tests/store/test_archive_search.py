from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.domain.cable import Addressee, Cable, Paragraph, cable_banner
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.errors import SearchError
from cabledesk.store.archive import Direction
from cabledesk.store.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SearchFilters,
    search,
    to_fts_query,
)
from cabledesk.store.vault import Vault
from tests.vaultkit import Clock

US = SchemeRegistry.load()["us"]


def _cable(n: int, subject: str, body: str, **fields: object) -> Cable:
    base = Cable(
        id=f"00000000-0000-4000-8000-{n:012d}",
        scheme="us",
        precedence="ROUTINE",
        originator="AMEMBASSY PARIS",
        action=(Addressee("SECSTATE WASHDC"),),
        info=(Addressee("USMISSION GENEVA"),),
        subject=subject,
        subject_marking="(U)",
        paragraphs=(Paragraph("(U)", body),),
        dtg=datetime(2020 + n, 3, 15, 12, 30, tzinfo=UTC),
        tags=("PREL", "FR"),
        references=(f"{n:02d} STATE 12345",),
    )
    return replace(base, **fields)  # type: ignore[arg-type]


CABLES = [
    _cable(1, "FRANCE: ELYSEE PREVIEWS NATO SUMMIT", "The minister discussed the summit agenda."),
    _cable(2, "FRANCE: FARM SUBSIDIES", "O'Neill met the U.S.-French working group on wheat."),
    _cable(
        3,
        "GERMANY: COALITION TALKS",
        "Talks on the budget resumed; the summit was not mentioned.",
        originator="AMEMBASSY BERLIN",
        tags=("PGOV", "GM"),
        precedence="IMMEDIATE",
        paragraphs=(Paragraph("(C)", "Talks on the budget resumed; no summit."),),
    ),
    _cable(4, "NATO: SUMMIT LOGISTICS", "Déjà vu: the summit summit summit venue changed."),
]


@pytest.fixture
def archived(vault: Vault, clock: Clock) -> Vault:
    for i, cable in enumerate(CABLES):
        direction = Direction.RECEIVED if i % 2 else Direction.SENT
        vault.archive.add(cable, direction, cable_banner(cable, US), clock())
    return vault


def _subjects(vault: Vault, query: str, filters: SearchFilters | None = None) -> list[str]:
    return [h.subject for h in search(vault.db, query, filters)]


def test_ranked_by_relevance_with_highlighted_snippets(archived: Vault) -> None:
    hits = search(archived.db, "summit")
    assert hits[0].subject == "NATO: SUMMIT LOGISTICS"  # in subject and thrice in body
    assert len(hits) == 3
    assert f"{HIGHLIGHT_START}summit{HIGHLIGHT_END}" in hits[0].snippet.lower()
    assert hits[0].banner == "UNCLASSIFIED"


def test_words_phrases_prefixes_operators_and_fields(archived: Vault) -> None:
    assert _subjects(archived, '"summit agenda"') == ["FRANCE: ELYSEE PREVIEWS NATO SUMMIT"]
    assert _subjects(archived, "subsid*") == ["FRANCE: FARM SUBSIDIES"]
    assert _subjects(archived, "O'Neill") == ["FRANCE: FARM SUBSIDIES"]
    assert _subjects(archived, "U.S.-French") == ["FRANCE: FARM SUBSIDIES"]
    assert _subjects(archived, "deja") == ["NATO: SUMMIT LOGISTICS"]  # diacritics folded
    assert set(_subjects(archived, "summit NOT nato")) == {"GERMANY: COALITION TALKS"}
    assert len(_subjects(archived, "wheat OR budget")) == 2
    assert _subjects(archived, "tags:PGOV") == ["GERMANY: COALITION TALKS"]
    assert _subjects(archived, "to:berlin") == ["GERMANY: COALITION TALKS"]
    assert _subjects(archived, 'ref:"03 STATE"') == ["GERMANY: COALITION TALKS"]


def test_filters(archived: Vault) -> None:
    f = SearchFilters
    assert _subjects(archived, "summit", f(levels=("CONFIDENTIAL",))) == [
        "GERMANY: COALITION TALKS"
    ]
    assert len(_subjects(archived, "", f(direction=Direction.SENT))) == 2
    assert _subjects(archived, "", f(date_from=date(2022, 3, 15), date_to=date(2023, 3, 15))) == [
        "GERMANY: COALITION TALKS",
        "FRANCE: FARM SUBSIDIES",
    ]
    assert _subjects(archived, "", f(precedences=("immediate",))) == ["GERMANY: COALITION TALKS"]
    assert _subjects(archived, "", f(post="berlin")) == ["GERMANY: COALITION TALKS"]
    assert len(_subjects(archived, "", f(tags=("PREL", "FR")))) == 3
    assert _subjects(archived, "", f(post="100%_")) == []  # LIKE wildcards are literal


@pytest.mark.parametrize("query", ["OR", "summit AND", "(summit", "NOT", "nosuch:thing"])
def test_nonsense_queries_get_a_clear_message(archived: Vault, query: str) -> None:
    with pytest.raises(SearchError):
        search(archived.db, query)


@given(st.text(max_size=80))
def test_any_text_either_searches_or_raises_search_error(text: str) -> None:
    try:
        to_fts_query(text)
    except SearchError:
        pass


def test_archive_entries_and_replacement(archived: Vault, clock: Clock) -> None:
    archive = archived.archive
    assert archive.count() == 4 and archive.count(Direction.SENT) == 2
    [entry] = archive.find(CABLES[0].id)
    assert archive.cable(entry.id) == CABLES[0]
    changed = replace(CABLES[0], subject="FRANCE: CORRECTED")
    same_id = archive.add(changed, Direction.SENT, cable_banner(changed, US), clock())
    assert same_id == entry.id and archive.count() == 4
    assert _subjects(archived, "corrected") == ["FRANCE: CORRECTED"]
    assert _subjects(archived, "elysee") == []  # the index followed the update
    assert [e.subject for e in archive.entries(Direction.RECEIVED)] == [
        "NATO: SUMMIT LOGISTICS",
        "FRANCE: FARM SUBSIDIES",
    ]


def test_filters_and_words_together(archived: Vault) -> None:
    f = SearchFilters
    assert _subjects(archived, "summit", f(direction=Direction.RECEIVED)) == [
        "NATO: SUMMIT LOGISTICS"
    ]
    assert _subjects(archived, "summit", f(tags=("PGOV",), precedences=("IMMEDIATE",))) == [
        "GERMANY: COALITION TALKS"
    ]
    window = f(date_from=date(2021, 1, 1), date_to=date(2022, 12, 31))
    assert set(_subjects(archived, "summit OR wheat", window)) == {
        "FRANCE: ELYSEE PREVIEWS NATO SUMMIT",
        "FRANCE: FARM SUBSIDIES",
    }
    day = f(date_from=date(2022, 3, 15), date_to=date(2022, 3, 15))  # the exact day
    assert _subjects(archived, "wheat", day) == ["FRANCE: FARM SUBSIDIES"]
    assert _subjects(archived, "wheat", f(date_from=date(2022, 3, 16))) == []
    assert _subjects(archived, "zzdreceived") == []  # filter terms are not words


def test_relevance_is_ranked_within_the_newest_matches(
    archived: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cabledesk.store import search as search_module

    monkeypatch.setattr(search_module, "RANK_WINDOW", 2)
    # cables 1, 3 and 4 mention the summit; the window holds the two newest (3, 4)
    assert set(_subjects(archived, "summit")) == {
        "NATO: SUMMIT LOGISTICS",
        "GERMANY: COALITION TALKS",
    }


def test_filtered_queries_rank_the_newest_matches_that_pass_the_filters(
    archived: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cabledesk.store import search as search_module

    sent = SearchFilters(direction=Direction.SENT)  # cables 1 and 3
    # by relevance: the older cable has the word in its subject too
    assert _subjects(archived, "summit", sent) == [
        "FRANCE: ELYSEE PREVIEWS NATO SUMMIT",
        "GERMANY: COALITION TALKS",
    ]
    monkeypatch.setattr(search_module, "RANK_WINDOW", 1)
    # the window is taken after the filters: the newest sent match, not cable 4
    assert _subjects(archived, "summit", sent) == ["GERMANY: COALITION TALKS"]
    assert _subjects(archived, "summit", SearchFilters(post="nowhere")) == []


def test_equal_scores_list_the_newest_first(
    archived: Vault, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in (5, 6):  # the same text twice: the same bm25 score
        twin = _cable(n, "TWIN REPORT", "Identical words about the harbour.")
        archived.archive.add(twin, Direction.RECEIVED, cable_banner(twin, US), clock())
    ids = [h.cable_id[-2:] for h in search(archived.db, "harbour")]
    assert ids == ["06", "05"]
    assert [h.cable_id[-2:] for h in search(archived.db, "harbour", SearchFilters(
        direction=Direction.RECEIVED))] == ["06", "05"]  # fmt: skip


def test_the_common_words_sample_spreads_over_the_archive(
    archived: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cabledesk.store import _common_terms

    monkeypatch.setattr(_common_terms, "SAMPLE", 2)
    subjects = [str(row[0]) for row in _common_terms._sample(archived.db)]
    assert subjects == [CABLES[0].subject, CABLES[2].subject]  # rows 1 and 3 of 4


def test_date_terms_cover_ranges() -> None:
    from cabledesk.store._facets import date_terms

    assert date_terms(date(2020, 11, 5), date(2022, 2, 1)) == [
        "zzm202011", "zzm202012", "zzy2021", "zzm202201", "zzm202202",
    ]  # fmt: skip
    assert date_terms(None, date(2022, 2, 1)) == []
    assert date_terms(date(1900, 1, 1), date(2020, 1, 1)) == []  # too long to be worth it
    assert date_terms(date(2022, 2, 1), date(2021, 1, 1)) == ["zzynone0"]


def test_common_words_list_newest_first(archived: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    from cabledesk.store import _common_terms

    monkeypatch.setattr(_common_terms, "MIN_ARCHIVE", 1)
    monkeypatch.setattr(_common_terms, "SHARE", 0.5)  # in half the cables: common
    assert _common_terms.refresh(archived.db) > 0
    common = {r[0] for r in archived.db.query("SELECT term FROM search_common_terms")}
    assert "summit" in common and "wheat" not in common
    # newest archived first, not by relevance (cable 4 mentions it four times)
    assert _subjects(archived, "summit") == [
        "NATO: SUMMIT LOGISTICS",
        "GERMANY: COALITION TALKS",
        "FRANCE: ELYSEE PREVIEWS NATO SUMMIT",
    ]
    assert _subjects(archived, "summit", SearchFilters(direction=Direction.SENT)) == [
        "GERMANY: COALITION TALKS",
        "FRANCE: ELYSEE PREVIEWS NATO SUMMIT",
    ]
    assert _common_terms.query_words('"summit" AND "U.S.-French"*') == [
        ("summit", False), ("u", False), ("s", False), ("french", True),
    ]  # fmt: skip
    assert not _common_terms.refresh_if_stale(archived.db)  # nothing new since


def test_tokens_fold_case_and_accents() -> None:
    from cabledesk.store._common_terms import tokens

    assert tokens("Déjà VU, l'Élysée!") == ["deja", "vu", "l", "elysee"]
