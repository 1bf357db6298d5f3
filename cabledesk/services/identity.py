"""The user's own identity: create it, show it, hand out its contact card."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.countries import is_country_code
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.errors import FieldError
from cabledesk.store.audit import Event
from cabledesk.store.vault import Vault

__all__ = ["IdentityInfo", "IdentityRequest", "IdentityService"]


@dataclass(frozen=True, slots=True)
class IdentityRequest:
    """Who the user is, as typed in the first-run assistant or on ``init``."""

    name: str
    post: str
    role: str = ""
    email: str | None = None
    scheme: str = "us"
    clearance: str = ""
    nationality: str = ""
    expires: datetime | None = None


@dataclass(frozen=True, slots=True)
class IdentityInfo:
    """What people compare and use: never a private key."""

    name: str
    post: str
    role: str
    email: str | None
    scheme: str
    clearance: str
    nationality: str
    created: datetime
    expires: datetime | None
    fingerprint: str
    safety_number: str
    age_recipient: str
    ssh_key: str

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "post": self.post,
            "role": self.role,
            "email": self.email,
            "scheme": self.scheme,
            "clearance": self.clearance,
            "nationality": self.nationality,
            "created": self.created.isoformat(),
            "expires": self.expires.isoformat() if self.expires else None,
            "fingerprint": self.fingerprint,
            "safety_number": self.safety_number,
            "age_recipient": self.age_recipient,
            "ssh_key": self.ssh_key,
        }


class IdentityService:
    def __init__(self, vault: Vault, schemes: SchemeRegistry) -> None:
        self._vault = vault
        self._schemes = schemes

    def create(self, request: IdentityRequest) -> Identity:
        """New keys for the user, stored as the active identity (and audited).

        Raises FieldError for an unknown scheme, clearance or nationality.
        """
        scheme = self._schemes.get_scheme(request.scheme)
        clearance = request.clearance.strip()
        if clearance:
            level = scheme.level(clearance)
            if level is None:
                levels = ", ".join(lv.name for lv in scheme.levels)
                raise FieldError(
                    f"{clearance!r} is not a level of the {scheme.name} scheme.",
                    hint=f"Use one of: {levels}.",
                )
            clearance = level.name
        nationality = request.nationality.strip().upper()
        if nationality and not is_country_code(nationality):
            raise FieldError(
                f"{request.nationality!r} is not an ISO 3166 three-letter country code.",
                hint="For example USA, FRA, DEU, GBR.",
            )
        if not request.name.strip():
            raise FieldError("Your identity needs a name.")
        identity = Identity.generate(
            " ".join(request.name.split()),
            " ".join(request.post.split()),
            role=request.role.strip(),
            email=request.email.strip() if request.email else None,
            scheme=scheme.id,
            clearance=clearance,
            nationality=nationality,
            created=self._vault.now().replace(microsecond=0),
            expires=request.expires,
        )
        with self._vault.transaction():
            self._vault.identities.add(identity)
            self._vault.audit.append(
                Event.IDENTITY_CREATED,
                {"name": identity.name, "post": identity.post, "fingerprint": identity.fingerprint},
            )
        return identity

    def active(self) -> Identity:
        return self._vault.identities.active()

    def info(self) -> IdentityInfo:
        identity = self.active()
        public = identity.public()
        return IdentityInfo(
            name=identity.name,
            post=identity.post,
            role=identity.role,
            email=identity.email,
            scheme=identity.scheme,
            clearance=identity.clearance,
            nationality=identity.nationality,
            created=identity.created,
            expires=identity.expires,
            fingerprint=public.fingerprint,
            safety_number=public.safety_number,
            age_recipient=str(public.encryption),
            ssh_key=public.ssh_line(identity.name),
        )

    def card(self) -> ContactCard:
        """The user's self-signed contact card, to give to correspondents."""
        return ContactCard.for_identity(self.active())
