"""Resume text from email attachments (PDF, DOCX, TXT, LaTeX), safe against hostile files.

`extract_text` never raises: an unreadable file comes back as status "failed" with a reason for
HR, and its text is always empty. Limits (size, pages, zip expansion, time, memory, length) come from
`Settings` unless given.
"""

from hireops.services.candidates.resume_text.cleanup import normalize_text, text_from_email_body
from hireops.services.candidates.resume_text.extract import ExtractionResult, extract_text
from hireops.services.candidates.resume_text.kinds import detect_kind, looks_like_resume_file
from hireops.services.candidates.resume_text.limits import ExtractionLimits, limits_from_settings

__all__ = [
    "ExtractionLimits",
    "ExtractionResult",
    "detect_kind",
    "extract_text",
    "limits_from_settings",
    "looks_like_resume_file",
    "normalize_text",
    "text_from_email_body",
]
