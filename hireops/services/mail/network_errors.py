"""The network failures IMAP and SMTP share (DNS, refused, timeout, TLS), in one sentence each;
each protocol adds its own hints and its own protocol-level cases."""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass


@dataclass(frozen=True)
class ServerHints:
    # How the server is named in "Cannot find the <name> ...".
    name: str
    # What to check, per failure, in the settings' own words.
    host_hint: str
    port_hint: str
    tls_hint: str


def describe_network_failure(exc: BaseException, *, host: str, where: str, timeout_s: float,
                             stage: str, hints: ServerHints) -> str | None:
    """Why reaching the server failed at the network or TLS level; None for anything else."""
    if isinstance(exc, socket.gaierror):
        return (f"Cannot find the {hints.name} {host!r}: the name does not resolve "
                f"({exc.strerror}). {hints.host_hint}")
    if isinstance(exc, ConnectionRefusedError):
        return (f"Connection refused by {where}: nothing accepts connections on that port. "
                f"{hints.port_hint}")
    if isinstance(exc, TimeoutError):
        return (f"Timed out after {timeout_s:g} s waiting for {where} while {stage}: "
                "the server did not answer (wrong port, a firewall, or the server is down).")
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"The TLS certificate of {where} could not be verified: {exc.verify_message}."
    if isinstance(exc, ssl.SSLError):
        return f"TLS handshake with {where} failed ({exc.reason or exc}). {hints.tls_hint}"
    return None
