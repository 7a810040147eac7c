"""Reports, AI usage and the audit log."""
