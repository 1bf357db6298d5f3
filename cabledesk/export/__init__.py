"""Documents for people who read Word files: the .docx renderer, PDF through
LibreOffice, and detached SSHSIG signatures with their verification.

- :mod:`cabledesk.export.settings` — :class:`ExportSettings` (paper size, author);
- :mod:`cabledesk.export.docx` — :func:`render_docx`, deterministic and clean;
- :mod:`cabledesk.export.pdf` — :class:`LibreOfficeConverter`, the same
  document as PDF with normalised metadata;
- :mod:`cabledesk.export.signed` — signing (``NAME.docx.sig``, bundles) and
  the verification of a received document;
- :mod:`cabledesk.export.verification` — the verdict on a received document.

Knows cables and crypto; never the vault or a face. Services combine it with
the release policy (:mod:`cabledesk.services.exporting`).
"""

from __future__ import annotations

__all__: list[str] = []
