"""Rule-based email classifier: is this message a job application?

Signals are weighed, not just counted: a file named ``cv.pdf`` or the words "I am applying" point
to an application; an invoice, a receipt or a newsletter points away, even with a PDF attached.
Every signal found is named in the reasoning so a recruiter can see why.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from hireops.services.text.skills import QuickRegex, fold
from hireops.services.ai.schemas import EmailClassification, EmailInput

# --- signals -----------------------------------------------------------------------------

# Words in an attachment name that say "this is a CV or a cover letter" (any language).
_CV_FILE = re.compile(
    r"(?<![a-z])(cv|resume|résumé|resumé|lebenslauf|curriculum|vitae|cover[\s_-]?letter|"
    r"motivation|anschreiben|bewerbung|candidature|hoja[\s_-]de[\s_-]vida|portfolio)(?![a-z])",
    re.IGNORECASE,
)
_DOCUMENT_FILE = re.compile(r"\.(pdf|docx?|odt|rtf|tex|txt|pages)$", re.IGNORECASE)
# Words in an attachment name that say "this is a bill, an order or a mailing".
_BUSINESS_FILE = re.compile(
    r"(?<![a-z])(invoice|receipt|facture|rechnung|factura|recibo|quittung|order|bestellung|"
    r"commande|pedido|newsletter|brochure|catalog(ue)?|quote|quotation|angebot|devis|"
    r"presupuesto|payslip|contract|agreement|(bank|account)[\s_-]?statement|po[\s_-]?\d+)(?![a-z])",
    re.IGNORECASE,
)

# Application wording: (pattern, plain description). Weighted more in the subject.
_APPLICATION_PHRASES: tuple[tuple[str, str], ...] = (
    (r"\b(i am|i'm|im) (writing to )?apply(ing)?\b", "says they are applying"),
    (r"\bapply(ing)? (for|to) (the|your|this|a|an)\b", "says they are applying"),
    (r"\b(would|wish|want) (like )?to apply\b", "says they would like to apply"),
    (r"\bapplication (for|as|to)\b", "calls the message an application"),
    (r"\b(my|job) application\b", "calls the message an application"),
    (r"\b(attached|enclosed|attaching|find) (is |are )?(my )?(cv|resume|résumé|curriculum)\b",
     "mentions an attached CV"),
    (r"\b(my|the attached) (cv|resume|résumé)\b", "mentions their CV"),
    (r"\binterested in the .{0,60}\b(position|role|opening|vacancy|job)\b",
     "names a position they are interested in"),
    (r"\b(candidature|postuler|je postule|je souhaite postuler|ma candidature)\b",
     "uses French application wording"),
    (r"\b(lettre de motivation|cv ci-joint|ci-joint mon cv|vous trouverez ci-joint)\b",
     "uses French application wording"),
    (r"\b(bewerbung|bewerbe mich|bewerben|lebenslauf|anschreiben|stelle als)\b",
     "uses German application wording"),
    (r"\b(solicitud de empleo|postulaci[oó]n|postularme|postulo|me gustar[ií]a aplicar|"
     r"quisiera aplicar|aplicar (a|al|para)|mi candidatura|hoja de vida|"
     r"adjunto mi (cv|curr[ií]culum))\b",
     "uses Spanish application wording"),
    (r"\bsolicitud\b", "uses the Spanish word 'solicitud' (application or request)"),
)
# Non-application wording: bills, orders, marketing mail.
_NOISE_PHRASES: tuple[tuple[str, str], ...] = (
    (r"\b(invoice|receipt|facture|rechnung|factura|recibo|quittung)\b",
     "invoice or receipt wording"),
    (r"\b(amount|total|balance|payment) (due|owed)\b|\bdue date\b|\bpay(ment)? by\b",
     "payment wording"),
    (r"\b(order|bestellung|commande|pedido) (#|no\.?|number|nr\.?|n°)|\byour order\b",
     "order wording"),
    (r"\b(unsubscribe|abmelden|se d[ée]sabonner|d[ée]sinscri|darse de baja|"
     r"cancelar suscripci[oó]n)\b",
     "an unsubscribe link"),
    (r"\b(newsletter|view (this email )?in (your )?browser|manage (your )?preferences|"
     r"weekly digest|special offer|% off|limited time)\b",
     "newsletter or marketing wording"),
    (r"\b(subscription|billing|renewal|plan has been|account statement)\b", "billing wording"),
)
# Compiled once, each behind a cheap test on the words its matches must hold.
_APPLICATION_REGEXES = tuple((QuickRegex(pattern, re.IGNORECASE), reason)
                             for pattern, reason in _APPLICATION_PHRASES)
_NOISE_REGEXES = tuple((QuickRegex(pattern, re.IGNORECASE), reason)
                       for pattern, reason in _NOISE_PHRASES)
_NO_REPLY = re.compile(r"(no-?reply|do-?not-?reply|newsletter|billing|invoice|noreply|mailer|"
                       r"notifications?|marketing|news)@", re.IGNORECASE)

# Resume-like text: section headings in several languages, and date ranges of jobs.
# Blanks around a heading stay on its line ("[^\S\n]"): "\s" let each line start scan every
# blank line below it, quadratic in a text of empty lines.
_RESUME_SECTIONS = re.compile(
    r"^[^\S\n]*(work experience|professional experience|experience|employment( history)?|education|"
    r"skills|technical skills|certifications?|projects|languages|summary|profile|"
    r"berufserfahrung|erfahrung|ausbildung|kenntnisse|sprachen|"
    r"exp[ée]rience(s)? professionnelle(s)?|formation|comp[ée]tences|langues|"
    r"experiencia( laboral| profesional)?|educaci[oó]n|formaci[oó]n|habilidades|idiomas)"
    r"[^\S\n]*:?[^\S\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_DATE_RANGE = re.compile(
    r"\b(19|20)\d\d\s*(-|–|—|to|bis|à|a|hasta)\s*((19|20)\d\d|present|current|now|today|heute|"
    r"aujourd'hui|actualidad|actual|presente)\b",
    re.IGNORECASE,
)
_QUESTION = QuickRegex(r"\?|\b(could you|can you|would you|do you|is there|are there|"
                       r"könnten sie|pourriez-vous|podr[ií]an)\b", re.IGNORECASE)


@dataclass
class _Evidence:
    """Weighed signals for and against an application."""

    application: float = 0.0
    noise: float = 0.0
    for_reasons: list[str] = field(default_factory=list)
    against_reasons: list[str] = field(default_factory=list)

    def add_for(self, weight: float, reason: str) -> None:
        self.application += weight
        if reason not in self.for_reasons:
            self.for_reasons.append(reason)

    def add_against(self, weight: float, reason: str) -> None:
        self.noise += weight
        if reason not in self.against_reasons:
            self.against_reasons.append(reason)


def _weigh_attachments(names: list[str], evidence: _Evidence) -> None:
    for name in names:
        if _CV_FILE.search(name):
            evidence.add_for(3.0, f'an attachment named like a CV ("{name}")')
        elif _BUSINESS_FILE.search(name):
            evidence.add_against(
                3.0, f'an attachment named like an invoice, order or mailing ("{name}")')
        elif _DOCUMENT_FILE.search(name):
            # A bare document is weak evidence: invoices and brochures are PDFs too.
            evidence.add_for(0.5, f'a document attached ("{name}")')


def _weigh_phrases(text: str, weight: float, where: str, evidence: _Evidence) -> None:
    folded = fold(text)
    for regex, reason in _APPLICATION_REGEXES:
        if regex.search(text, folded):
            # "solicitud" alone is only "request"; it counts for less.
            evidence.add_for(weight * (0.4 if reason.startswith("uses the Spanish word") else 1.0),
                             f"the {where} {reason}")
    for regex, reason in _NOISE_REGEXES:
        if regex.search(text, folded):
            evidence.add_against(weight, f"the {where} has {reason}")
    if _CYRILLIC.search(text) and _CYRILLIC_APPLICATION.search(text):
        evidence.add_for(weight, f"the {where} {_CYRILLIC_APPLICATION_REASON}")


_QUICK_SECTIONS = QuickRegex(_RESUME_SECTIONS)
_QUICK_DATE_RANGE = QuickRegex(_DATE_RANGE)

# Russian and Ukrainian, kept out of the QuickRegex patterns (whose shortcuts fold Latin case
# only) and read only from texts with Cyrillic letters. Stems: "кандидатуру", "вакансию".
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_APPLICATION = re.compile(
    r"\b(резюме|кандидатур|ваканси|откликаюсь|прошу рассмотреть|сопроводительн|супровідн)",
    re.IGNORECASE)
_CYRILLIC_APPLICATION_REASON = "uses Russian or Ukrainian application wording"
_CYRILLIC_SECTIONS = re.compile(
    r"^[^\S\n]*(опыт работы|образование|навыки|ключевые навыки|досвід роботи|освіта|навички)"
    r"[^\S\n]*:?[^\S\n]*$", re.IGNORECASE | re.MULTILINE)


def _weigh_resume_text(text: str, where: str, weight: float, evidence: _Evidence) -> None:
    folded = fold(text)
    sections = {m.group(1).lower() for m in _QUICK_SECTIONS.finditer(text, folded)}
    if _CYRILLIC.search(text):
        sections |= {m.group(1).lower() for m in _CYRILLIC_SECTIONS.finditer(text)}
    ranges = sum(1 for _ in _QUICK_DATE_RANGE.finditer(text, folded))
    found = f"({len(sections)} resume sections, {ranges} job date ranges)"
    if len(sections) >= 2 and ranges >= 1:
        evidence.add_for(weight, f"the {where} reads like a resume {found}")
    elif len(sections) >= 2 or (sections and ranges) or ranges >= 2:
        evidence.add_for(weight * 0.6, f"the {where} looks partly like a resume {found}")


def _weigh(email: EmailInput) -> _Evidence:
    evidence = _Evidence()
    _weigh_attachments(email.attachment_names, evidence)
    _weigh_phrases(email.subject, 3.0, "subject", evidence)
    _weigh_phrases(email.body, 2.5, "body", evidence)
    _weigh_resume_text(email.body, "body", 2.5, evidence)
    if _CV_FILE.search(email.subject):
        evidence.add_for(2.0, "the subject names a CV or resume")
    if email.attachment_text:
        _weigh_resume_text(email.attachment_text, "attached text", 2.5, evidence)
        _weigh_phrases(email.attachment_text[:3000], 1.0, "attached text", evidence)
    if _NO_REPLY.search(email.from_address):
        evidence.add_against(1.5, f"it comes from an automated address ({email.from_address})")
    return evidence


# --- names and roles ---------------------------------------------------------------------

_NOT_A_PERSON = re.compile(
    r"\b(team|support|billing|invoice|newsletter|news|no-?reply|info|sales|service|services|"
    r"accounts?|shop|store|gmbh|ltd|inc|llc|sarl|s\.a\.|company|corp|hr|jobs|careers|admin|"
    r"notifications?|marketing|the)\b|\d|@",
    re.IGNORECASE,
)
# "Jane", "O'Neil", "McDonald", "Jean-Luc", "García". Each repeated piece starts with an
# apostrophe, a hyphen or a capital, never a lower-case letter, so a word splits into pieces
# one way only and a failed match costs linear time (a piece that could start with a
# lower-case letter made "Engineering Development Programming." take minutes).
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]*(?:(?:['’-][A-ZÀ-ÖØ-Þ]?|[A-ZÀ-ÖØ-Þ])[a-zà-öø-ÿ]+)*"
NAME_WORD = _NAME_WORD  # for readers of names elsewhere (contacts)
_PERSON_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+(?:(?:de|van|von|der|da|di|la|le|del)\s+)?"
                          rf"(?:{_NAME_WORD}|[A-Z]\.)){{1,3}}$")
_CLOSINGS = re.compile(
    r"^\s*(best( regards| wishes)?|kind regards|regards|sincerely( yours)?|"
    r"yours( sincerely| faithfully)?|"
    r"thanks?( you)?|many thanks|cheers|cordialement|bien [àa] vous|bien cordialement|"
    r"salutations|mit freundlichen gr(ü|ue)(ß|ss)en|viele gr(ü|ue)(ß|ss)e|beste gr(ü|ue)(ß|ss)e|"
    r"freundliche gr(ü|ue)(ß|ss)e|saludos( cordiales)?|atentamente|un saludo|cordialmente)\b.*$",
    re.IGNORECASE,
)
_INTRODUCTION = QuickRegex(
    rf"(?i:my name is|je m'appelle|ich hei(?:ß|ss)e|mein name ist|me llamo|mi nombre es)\s+"
    rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})"
)


def person_name(text: str) -> str:
    """`text` tidied when it looks like a person's name ("Jane Doe"), else ""."""
    text = re.sub(r"\s+", " ", text.strip().strip('"').strip())
    if text.isupper():
        text = text.title()
    if text and not _NOT_A_PERSON.search(text) and _PERSON_NAME.match(text):
        return text
    return ""


def _name_from_signature(body: str) -> str:
    lines = [line.strip() for line in body.splitlines()]
    for index, line in enumerate(lines):
        if _CLOSINGS.match(line):
            for following in lines[index + 1: index + 4]:
                name = person_name(following.rstrip(","))
                if name:
                    return name
    return ""


def _name_from_address(address: str) -> str:
    local = address.split("@")[0]
    parts = [p for p in re.split(r"[._-]", local) if p.isalpha() and len(p) > 1]
    if len(parts) in (2, 3):
        return person_name(" ".join(p.capitalize() for p in parts))
    return ""


def detect_name(email: EmailInput) -> str:
    """The sender's name: display name, signature, introduction, top of the CV, then address."""
    if _NOT_A_PERSON.search(email.from_name) and not re.search(r"\d", email.from_name):
        return ""  # an organisation's display name: its signature is a company, not a person
    intro = _INTRODUCTION.search(email.body)
    resume_top = next((ln for ln in email.attachment_text.splitlines() if ln.strip()), "")
    return (person_name(email.from_name) or _name_from_signature(email.body)
            or (person_name(intro.group(1)) if intro else "")
            or person_name(resume_top) or _name_from_address(email.from_address))


_ARTICLE = r"(?:(?:the|a|an|le|la|el|die|den|un|une)\s+)?"
# "position of", "poste d'", "Stelle als", "puesto de" between the connector and the role
_POSITION_OF = r"(?:(?:poste|position|role|stelle|puesto)\s+(?:de\s+|d['’]|of\s+|als\s+|as\s+))?"
_ROLE_END = (r"(?=\s*(?:$|[-–—|(\[,.;:!?])|\s(?:at|bei|chez|in|with|for|à|para|position|role|job|"
             r"opening|vacancy|poste|stelle|puesto)\b)")
_ROLE_PATTERNS: tuple[QuickRegex, ...] = tuple(map(QuickRegex, (
    # "Application for (the) Senior Backend Engineer", "Candidature : Data Analyst",
    # "Bewerbung als Data Engineer", "Solicitud para el puesto de Desarrollador"
    re.compile(
        r"\b(?:application|applying|apply|candidature|solicitud|postulaci[oó]n|bewerbung)"
        r"(?:\s+(?:for|to|as|pour|au|als|f[üu]r|um|para|al|a)\s+|\s*[:–—-]\s*)" + _ARTICLE
        + _POSITION_OF + r"(?P<role>[^\n]{2,80}?)" + _ROLE_END,
        re.IGNORECASE | re.MULTILINE,
    ),
    # "... the Data Analyst position": the role must be capitalised to count.
    re.compile(r"\b(?i:the|your)\s+(?P<role>[A-Z][\w/&+#.-]*(?:\s+[A-Z][\w/&+#.-]*){0,5})"
               r"\s+(?i:position|role|opening|vacancy)\b"),
    re.compile(r"\b(?:poste|position|role|stelle|puesto)\s+(?:de\s+|d['’]|of\s+|als\s+|as\s+)"
               r"(?P<role>[^\n]{2,60}?)" + _ROLE_END, re.IGNORECASE | re.MULTILINE),
)))
_ROLE_WORDS_TO_DROP = re.compile(
    r"^(?:the|a|an|le|la|el|die|den|un|une)\s+|\s{1,30}(?:position|role|job)$", re.IGNORECASE)


def _clean_role(role: str) -> str:
    role = _ROLE_WORDS_TO_DROP.sub("", role.strip(" :-–—\"'“”")).strip()
    if not role or len(role.split()) > 6 or not re.search(r"[A-Za-zÀ-ÿ]", role):
        return ""
    if re.match(r"^(my|our|your|this|votre|mon|ma|mein|meine|mi|su|el|la)\b", role, re.IGNORECASE):
        return ""
    return role


def detect_role(email: EmailInput) -> str:
    """The role the sender names, from the subject first, then the first lines of the body."""
    for text in (email.subject, email.body[:1500]):
        folded = fold(text)
        for pattern in _ROLE_PATTERNS:
            for match in pattern.finditer(text, folded):
                role = _clean_role(match.group("role"))
                if role:
                    return role
    return ""


# --- decision ----------------------------------------------------------------------------

def _confidence(margin: float) -> float:
    """Maps the evidence margin to 0.5-0.97: more and stronger signals, more confidence."""
    return round(min(0.97, 0.5 + 0.47 * (1 - math.exp(-max(margin, 0.0) / 3.0))), 2)


def _listing(reasons: list[str]) -> str:
    return "; ".join(reasons[:5])


def classify_email(email: EmailInput) -> EmailClassification:
    """Classify one email as candidate_application, general or unknown, explaining the signals."""
    evidence = _weigh(email)
    name, role = detect_name(email), detect_role(email)
    margin = evidence.application - evidence.noise
    has_content = bool(email.subject.strip() or email.body.strip() or email.attachment_names)
    if evidence.application >= 2.5 and margin >= 1.5:
        reasoning = f"Application signals: {_listing(evidence.for_reasons)}."
        if evidence.against_reasons:
            reasoning += f" Against: {_listing(evidence.against_reasons)}."
        return EmailClassification(
            category="candidate_application",
            confidence=_confidence(margin),
            reasoning=reasoning,
            suggested_action="Extract the resume, create or update the candidate, and score them"
            + (f" against {role}." if role else " against the open jobs."),
            detected_name=name,
            detected_role=role,
        )
    if not has_content or (evidence.application >= 2.5 and margin > -1.5):
        reason = ("The message has no subject, body or attachment." if not has_content else
                  f"Mixed signals. For an application: {_listing(evidence.for_reasons)}. "
                  f"Against: {_listing(evidence.against_reasons)}.")
        return EmailClassification(
            category="unknown", confidence=0.3 if not has_content else 0.45, reasoning=reason,
            suggested_action="Ask a recruiter to look at this message.",
            detected_name=name, detected_role=role,
        )
    return _general(email, evidence, name, role)


def _general(email: EmailInput, evidence: _Evidence, name: str, role: str) -> EmailClassification:
    if evidence.against_reasons:
        confidence = _confidence(evidence.noise - evidence.application)
        reasoning = f"Not an application: {_listing(evidence.against_reasons)}."
        action = "No hiring action; file it or pass it to the right team."
    else:
        # No signal either way: an ordinary message, with modest confidence.
        confidence = 0.65 if _QUESTION.search(email.subject + " " + email.body) else 0.6
        reasoning = ("No application signals (no CV attached, no application wording, "
                     "no resume text)")
        reasoning += "; the message asks a question." if confidence == 0.65 else "."
        action = "Reply to the sender or forward it to the right person."
    if evidence.for_reasons:
        reasoning += f" Weak application signals: {_listing(evidence.for_reasons)}."
    return EmailClassification(category="general", confidence=confidence, reasoning=reasoning,
                               suggested_action=action, detected_name=name, detected_role=role)
