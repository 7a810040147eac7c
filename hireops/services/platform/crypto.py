"""Encryption of stored credentials (mailbox and API passwords) with the app's secret key."""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken

from hireops.config import get_settings
from hireops.log_setup import redact_also


class SecretDecryptionError(ValueError):
    """A stored secret cannot be read with the current key (the key changed or data is corrupt)."""


def _fernet() -> Fernet:
    # Fernet needs 32 url-safe base64 bytes; derive them so any secret string works as the key.
    digest = hashlib.sha256(get_settings().get_secret_key().encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def encrypt_secret(plaintext: str) -> str:
    """Encrypt `plaintext` for storage."""
    redact_also(plaintext)
    return _fernet().encrypt(plaintext.encode()).decode()


def decrypt_secret(ciphertext: str) -> str:
    """Decrypt a value made by `encrypt_secret`."""
    try:
        plaintext = _fernet().decrypt(ciphertext.encode()).decode()
    except InvalidToken:
        raise SecretDecryptionError(
            "A stored secret could not be decrypted: the secret key has changed. Enter it again."
        ) from None
    # A stored password (IMAP, SMTP, API keys saved in the app) never appears in a log line.
    redact_also(plaintext)
    return plaintext
