"""Encryption of stored credentials (mailbox and API passwords) with the app's secret key, and
the one digest every bearer token is stored and looked up by."""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken

from hireops.config import get_settings
from hireops.log_setup import redact_also


def hash_token(token: str) -> str:
    """The stored form of a random bearer token (API, calendar feed, interview link, session):
    its SHA-256 in hex. 256 random bits need no salt or slow hash, and one indexed lookup finds it."""
    return hashlib.sha256(token.encode()).hexdigest()


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
