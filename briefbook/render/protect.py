"""Password protection for an exported PDF: AES-256, printing allowed, copying not.

ReportLab's own encryption offers only RC4, so the finished PDF is encrypted
afterwards with pypdf (which uses the ``cryptography`` package for AES). The
password is never stored anywhere by briefbook.
"""

from __future__ import annotations

import io
import secrets

from briefbook.errors import BriefbookError

#: The shortest password accepted: a protected dossier is worth more than four letters.
MIN_PASSWORD_LENGTH = 6


def encrypt_pdf(pdf: bytes, password: str) -> bytes:
    """The same PDF, opened only with ``password``; it may be printed but not copied or changed.

    The owner password (which would lift those restrictions) is random and discarded.
    Raises :class:`BriefbookError` for a password that is too short.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise BriefbookError(
            f"the PDF password must have at least {MIN_PASSWORD_LENGTH} characters"
        )
    from pypdf import PdfReader, PdfWriter
    from pypdf.constants import UserAccessPermissions as Allow

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    reserved = Allow.R7 | Allow.R8
    for bit in range(13, 33):
        reserved |= Allow[f"R{bit}"]
    permissions = reserved | Allow.PRINT | Allow.PRINT_TO_REPRESENTATION
    writer.encrypt(
        password, secrets.token_urlsafe(32), permissions_flag=permissions, algorithm="AES-256"
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
