"""Inbound mail: sources (Maildir, IMAP), message parsing and the stable message key."""
