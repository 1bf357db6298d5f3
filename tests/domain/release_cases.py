"""One table of multinational marking cases: the portions, the banner they roll up to, and
who may and may not receive the cable by nationality.

Each row was written from the rule cited above its group, not from CableDesk's output.
The same rows drive the roll-up and the release policy (tests/domain/test_release_rules.py)
and the four faces — ``marking combine``, ``draft lint``, ``seal`` and ``export``
(tests/test_marking_faces.py) — so that none of them can disagree with another.

A row: (scheme, portion marks, expected banner, nationalities admitted, refused). The
recipient is otherwise fully entitled (cleared to the top of the cable's scheme, every
special access, an addressee's post), so that only release by nationality decides.
"""

from __future__ import annotations

from typing import NamedTuple


class Case(NamedTuple):
    scheme: str
    portions: tuple[str, ...]
    banner: str
    admitted: tuple[str, ...]
    refused: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.scheme}:{' + '.join(self.portions)}"


def case(scheme: str, portions: str, banner: str, admitted: str = "", refused: str = "") -> Case:
    return Case(
        scheme,
        tuple(p.strip() for p in portions.split(" + ")),
        banner,
        tuple(admitted.split()),
        tuple(refused.split()),
    )


NATO_NOT_FVEY = "FRA DEU ITA POL TUR NOR"
NOT_NATO = "AUS NZL JPN AUT CHE IRL"

CASES: list[Case] = [
    # -- Tetragraphs in the roll-up (CAPCO register, "REL TO": a tetragraph stands for its
    # members; the banner lists the countries every portion is releasable to, and names a
    # tetragraph only where all its members remain). FVEY = AUS CAN GBR NZL USA; ACGU = AUS
    # CAN GBR USA; TEYE = AUS GBR USA; NATO = the 32 member nations.
    case("us", "(S//REL TO USA, FVEY) + (S//REL TO USA, GBR)", "SECRET//REL TO USA, GBR",
         "USA GBR", "AUS CAN NZL FRA"),
    case("us", "(S//REL TO USA, FVEY) + (S//REL TO USA, NATO)",
         "SECRET//REL TO USA, CAN, GBR", "USA CAN GBR", "AUS NZL FRA DEU"),
    case("us", "(S//REL TO USA, FVEY) + (C//REL TO USA, ACGU)", "SECRET//REL TO USA, ACGU",
         "USA AUS CAN GBR", "NZL FRA"),
    case("us", "(S//REL TO USA, FVEY) + (C//REL TO USA, TEYE)", "SECRET//REL TO USA, TEYE",
         "USA AUS GBR", "CAN NZL"),
    case("us", "(S//REL TO USA, ACGU) + (C//REL TO USA, NATO)", "SECRET//REL TO USA, CAN, GBR",
         "USA CAN GBR", "AUS FRA"),
    case("us", "(S//REL TO USA, TEYE) + (C//REL TO USA, NATO)", "SECRET//REL TO USA, GBR",
         "USA GBR", "AUS CAN FRA"),
    case("us", "(S//REL TO USA, FVEY) + (C//REL TO USA, FVEY)", "SECRET//REL TO USA, FVEY",
         "USA AUS CAN GBR NZL", "FRA JPN"),
    case("us", "(S//REL TO USA, AUS, CAN, GBR, NZL) + (C//REL TO USA, FVEY)",
         "SECRET//REL TO USA, FVEY", "USA AUS CAN GBR NZL", "FRA"),
    case("us", "(S//REL TO USA, NATO) + (C//REL TO USA, NATO)", "SECRET//REL TO USA, NATO",
         "USA " + NATO_NOT_FVEY + " CAN GBR", NOT_NATO),
    case("us", "(S//REL TO USA, NATO) + (C//REL TO USA, FRA, DEU)",
         "SECRET//REL TO USA, DEU, FRA", "USA FRA DEU", "GBR ITA"),
    case("us", "(S//REL TO USA, NATO) + (C//REL TO USA, AUS, JPN)", "SECRET//NOFORN",
         "USA", "AUS JPN GBR"),
    case("us", "(S//REL TO USA, FVEY, NATO) + (C//REL TO USA, FVEY)",
         "SECRET//REL TO USA, FVEY", "USA AUS NZL", "FRA"),
    case("us", "(TS//REL TO USA, FVEY) + (S//REL TO USA, FVEY, NATO)",
         "TOP SECRET//REL TO USA, FVEY", "USA NZL", "DEU"),
    case("us", "(S//REL TO USA, GBR, NATO) + (S//REL TO USA, GBR, JPN)",
         "SECRET//REL TO USA, GBR", "USA GBR", "JPN FRA"),
    case("us", "(S//REL TO USA, NZL, NATO) + (S//REL TO USA, FVEY)",
         "SECRET//REL TO USA, CAN, GBR, NZL", "USA CAN GBR NZL", "AUS FRA"),
    case("us", "(C//REL TO USA, FVEY) + (U)", "CONFIDENTIAL//REL TO USA, FVEY",
         "USA AUS", "FRA"),
    case("us", "(S//REL TO USA, GBR, ISAF) + (S//REL TO USA, ISAF)",
         "SECRET//REL TO USA, ISAF", "USA", "GBR AFG"),
    case("us", "(S//REL TO USA, EUDA) + (S//REL TO USA, GBR)", "SECRET//NOFORN", "USA", "GBR"),
    case("uk", "(S//REL TO GBR, FVEY) + (S//REL TO GBR, NATO)",
         "SECRET//REL TO GBR, CAN, USA", "GBR CAN USA", "AUS FRA"),
    case("uk", "(S//REL TO GBR, FVEY) + (S//REL TO GBR, FVEY)", "SECRET//REL TO GBR, FVEY",
         "GBR NZL", "FRA"),
    case("uk", "(S//REL TO GBR, NATO) + (OS//REL TO GBR, FRA, DEU)",
         "SECRET//REL TO GBR, DEU, FRA", "GBR FRA DEU", "USA"),

    # -- A release list never vanishes (ICD 710 and the CAPCO register: classified US
    # information without a foreign disclosure marking is not releasable; beside a REL TO
    # portion the banner is NOFORN). A REL TO on an unclassified portion is carried.
    case("us", "(S//REL TO USA, GBR) + (S)", "SECRET//NOFORN", "USA", "GBR FRA"),
    case("us", "(C//REL TO USA, GBR) + (S)", "SECRET//NOFORN", "USA", "GBR"),
    case("us", "(S//REL TO USA, FVEY) + (C)", "SECRET//NOFORN", "USA", "GBR AUS"),
    case("us", "(S//REL TO USA, GBR) + (C//NF)", "SECRET//NOFORN", "USA", "GBR"),
    case("us", "(S//REL TO USA, GBR) + (S//REL TO USA, FRA)", "SECRET//NOFORN", "USA",
         "GBR FRA"),
    case("us", "(U//REL TO USA, GBR) + (U)", "UNCLASSIFIED//REL TO USA, GBR", "USA GBR",
         "FRA"),
    case("us", "(U//REL TO USA, GBR) + (S)", "SECRET//NOFORN", "USA", "GBR FRA"),
    case("us", "(U//REL TO USA, GBR) + (C//REL TO USA, GBR, FRA)",
         "CONFIDENTIAL//REL TO USA, GBR", "USA GBR", "FRA"),
    case("us", "(U//REL TO USA, FVEY) + (U//REL TO USA, GBR, FRA)",
         "UNCLASSIFIED//REL TO USA, GBR", "USA GBR", "FRA AUS"),
    case("us", "(S) + (C) + (U)", "SECRET", "USA", "GBR FRA"),
    case("us", "(U) + (U)", "UNCLASSIFIED", "USA GBR FRA JPN"),
    case("us", "(U//SBU) + (U)", "UNCLASSIFIED//SBU", "USA GBR JPN"),
    case("us", "(U//SBU/NF) + (U)", "UNCLASSIFIED//SBU/NOFORN", "USA", "GBR"),
    # the UK's uncaveated classified information restricts no nationality by itself
    # (GSCP: international sharing follows the caveats written on it)
    case("uk", "(S//REL TO GBR, USA) + (S)", "SECRET//REL TO GBR, USA", "GBR USA", "FRA"),
    case("uk", "(S//REL TO GBR, USA) + (S//REL TO GBR, FRA)", "SECRET//UK EYES ONLY", "GBR",
         "USA FRA"),
    case("uk", "(S//REL TO GBR, USA) + (OS//UKEO)", "SECRET//UK EYES ONLY", "GBR", "USA"),
    case("uk", "(S) + (O)", "SECRET", "GBR USA FRA"),

    # -- RELIDO in the banner only if every portion carries it (CAPCO register, RELIDO).
    case("us", "(S//REL TO USA, GBR/RELIDO) + (C//REL TO USA, GBR/RELIDO)",
         "SECRET//REL TO USA, GBR/RELIDO", "USA GBR", "FRA"),
    case("us", "(S//REL TO USA, GBR/RELIDO) + (C//REL TO USA, GBR)",
         "SECRET//REL TO USA, GBR", "USA GBR", "FRA"),
    case("us", "(S//RELIDO) + (S//RELIDO)", "SECRET//RELIDO", "USA", "GBR"),
    case("us", "(S//RELIDO) + (U)", "SECRET", "USA", "GBR"),
    case("us", "(S//NF/RELIDO) + (S//RELIDO)", "SECRET//NOFORN/RELIDO", "USA", "GBR"),

    # -- NATO classified information: NATO member nations only unless marked releasable
    # further (C-M(2002)49, encl. E; "RELEASABLE TO" names the non-members). The US, Canada
    # and Türkiye are members; Australia, Japan, Austria, Switzerland and Ireland are not.
    case("nato", "(NS) + (NC)", "NATO SECRET", "USA CAN TUR FRA SWE FIN", NOT_NATO),
    case("nato", "(NR) + (NU)", "NATO RESTRICTED", "DEU USA", "AUS AUT"),
    case("nato", "(NU) + (NU)", "NATO UNCLASSIFIED", "DEU AUS JPN"),
    case("nato", "(CTS) + (NS)", "COSMIC TOP SECRET", "GBR", "AUS"),
    case("nato", "(NS//REL AUS) + (NS//REL AUS, NZL)", "NATO SECRET//RELEASABLE TO AUS",
         "DEU USA AUS", "NZL JPN"),
    case("nato", "(NS//REL AUS) + (NC)", "NATO SECRET", "DEU", "AUS"),
    case("nato", "(NS//RELEASABLE TO AUS, JPN) + (NR//REL JPN)",
         "NATO SECRET//RELEASABLE TO JPN", "FRA JPN", "AUS"),
    case("nato", "(NS//NEO) + (NS//REL AUS)", "NATO SECRET//NATO EYES ONLY", "FRA", "AUS"),
    case("nato", "(NS//REL EAPC) + (NC//REL EAPC)", "NATO SECRET//RELEASABLE TO EAPC", "FRA",
         "AUT CHE"),
    # -- EU classified information: member states only (Council Decision 2013/488/EU,
    # art. 13 and Annex VI: release to third states is the originator's decision).
    case("eu", "(S-UE) + (R-UE)", "SECRET UE/EU SECRET", "FRA DEU IRL AUT", "GBR USA NOR"),
    case("eu", "(R-UE) + (U)", "RESTREINT UE/EU RESTRICTED", "AUT MLT", "GBR CHE"),
    case("eu", "(U) + (U//LIM)", "UNCLASSIFIED//LIMITE", "FRA USA"),
    case("eu", "(S-UE//REL TO NOR) + (C-UE//REL TO NOR, CHE)",
         "SECRET UE/EU SECRET//RELEASABLE TO NOR", "FRA NOR", "CHE GBR"),
    case("eu", "(C-UE//REL TO NOR) + (R-UE)", "CONFIDENTIEL UE/EU CONFIDENTIAL", "DEU",
         "NOR"),

    # -- Foreign government information in US documents (32 CFR 2001.24(c); CAPCO register
    # "FGI"): the banner names the originators after FGI, or says FGI alone when a source
    # is concealed; a cable is a US document even when all its portions are foreign;
    # foreign information goes back to its originator, not on to third countries, unless
    # the originator released it (REL TO); foreign RESTRICTED is protected as CONFIDENTIAL.
    case("us", "(//GBR S) + (U)", "SECRET//FGI GBR", "USA GBR", "FRA CAN"),
    case("us", "(//GBR S) + (//GBR C)", "SECRET//FGI GBR", "USA GBR", "FRA"),
    case("us", "(//GBR R) + (U)", "CONFIDENTIAL//FGI GBR", "USA GBR", "FRA"),
    case("us", "(//GBR S) + (//DEU S)", "SECRET//FGI DEU GBR//NOFORN", "USA", "GBR DEU"),
    case("us", "(//GBR S) + (S)", "SECRET//FGI GBR//NOFORN", "USA", "GBR"),
    case("us", "(//GBR S) + (S//REL TO USA, GBR)", "SECRET//FGI GBR", "USA GBR", "FRA"),
    case("us", "(//GBR S//REL TO USA, GBR, CAN) + (S//REL TO USA, FVEY)",
         "SECRET//FGI GBR//REL TO USA, CAN, GBR", "USA GBR CAN", "AUS NZL"),
    case("us", "(//DEU C) + (S//FGI DEU//REL TO USA, DEU)", "SECRET//FGI DEU", "USA DEU",
         "FRA"),
    case("us", "(S//FGI DEU GBR) + (U)", "SECRET//FGI DEU GBR", "USA DEU GBR", "FRA"),
    # originators listed as country lists are: trigraphs, then organisations
    case("us", "(//ITA S) + (//EU C)", "SECRET//FGI ITA EU//REL TO USA, ITA", "USA ITA",
         "FRA DEU GBR"),
    case("us", "(S//FGI) + (S//REL TO USA, GBR)", "SECRET//FGI//NOFORN", "USA", "GBR"),
    case("us", "(//NS) + (//NC)", "SECRET//FGI NATO", "USA FRA CAN", "AUS JPN"),
    case("us", "(S//FGI) + (//GBR S)", "SECRET//FGI", "USA", "GBR"),
    case("us", "(//NS) + (S//REL TO USA, NATO)", "SECRET//FGI NATO", "USA FRA", "AUS"),
    case("us", "(//NS) + (S//REL TO USA, FVEY)", "SECRET//FGI NATO//REL TO USA, CAN, GBR",
         "USA CAN GBR", "AUS FRA"),
    case("us", "(//NS) + (S)", "SECRET//FGI NATO//NOFORN", "USA", "FRA"),
    case("us", "(//NR) + (U)", "CONFIDENTIAL//FGI NATO", "USA DEU", "AUS"),
    case("us", "(//CTS) + (S//REL TO USA, NATO)", "TOP SECRET//FGI NATO", "USA ITA", "AUS"),
    # unclassified information a government gave in confidence is FGI too (E.O. 13526 §6.1(s))
    case("us", "(//GBR U) + (U)", "UNCLASSIFIED//FGI GBR", "USA GBR", "FRA"),
]  # fmt: skip
