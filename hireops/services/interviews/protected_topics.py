"""A screen that keeps interview questions off protected characteristics, and swaps out any that
touch one.

What it refuses: questions aimed at the candidate's age, family or marital status, pregnancy or
family plans, religion, nationality or national origin, health or disability, ethnicity or race,
and sexuality or gender identity, in English, French, German and Spanish.

How it stays precise: every pattern is a phrase aimed at the person ("how old are you",
"your religion", "haben Sie Kinder?"), never a bare topic word, so "race condition", "family of
products", "healthcare software", "patients with disabilities" or "students whose first language
is not English" pass. The lawful questions next to a protected topic pass too: "Are you legally
authorised to work in the UK?", "Do you need visa sponsorship?", "Are you over 18?", "Can you
perform the essential functions with or without reasonable accommodation?", "Which languages do
you speak?".

Text is compared with accents removed (so "quel age" matches "quel âge") and spaces or hyphens
between words are interchangeable ("avez-vous" and "avez vous"). German "Ihr/Ihre" counts as
"your" only when capitalised, since lower-case "ihre" means "their" ("ihre Kinder").
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from hireops.services.interviews.question_bank import BEHAVIOURAL, BankQuestion

logger = logging.getLogger(__name__)

TOPIC_LABELS: dict[str, str] = {
    "age": "age",
    "pregnancy": "pregnancy or family plans",
    "family": "family or marital status",
    "religion": "religion",
    "nationality": "nationality or national origin",
    "health": "health or disability",
    "ethnicity": "ethnicity or race",
    "sexuality": "sexuality or gender identity",
}

# Subject forms, so each pattern is written once per language.
_EN_ARE = r"(?:are you|you are|you're|is the (?:candidate|applicant)|is (?:he|she))"
_EN_DO = r"(?:do you|does the (?:candidate|applicant)|does (?:he|she))"
_FR_ETES = r"(?:etes vous|vous etes|es tu|tu es)"
_FR_AVEZ = r"(?:avez vous|vous avez|as tu|tu as)"
_DE_SIND = r"(?:sind sie|bist du)"
_DE_HABEN = r"(?:haben sie|hast du)"
# Capitalised "Ihr..." is the polite "your"; lower-case "ihre" is "their" or "her".
_DE_YOUR = r"(?:(?-i:Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)|dein|deine|deinen|deinem|deiner|deines)"
_ES_ESTA = r"(?:esta usted|usted esta|esta|estas)"
_ES_ES = r"(?:es usted|usted es|eres)"
_ES_TIENE = r"(?:tiene usted|usted tiene|tiene|tienes)"
_ES_YOUR = r"(?:su|tu)"

# Patterns per topic, in the order topics are checked. Written lower-case without accents; a
# space stands for any run of spaces or hyphens.
_PATTERNS: dict[str, tuple[str, ...]] = {
    "age": (
        # English
        r"how old (?:are you|is the (?:candidate|applicant)|you are)",
        r"your (?:current )?age",
        r"what age (?:are you|will you be)",
        r"your (?:date|year) of birth",
        r"(?:what(?:'?s| is)) (?:the candidate's )?(?:date|year) of birth",
        r"(?:when|what year) (?:were you|was the (?:candidate|applicant)) born",
        r"your (?:birth[\s-]?day|birth[\s-]?date|birth year)",
        r"how close are you to retirement",
        r"when (?:do|will|would) you (?:plan to |want to |like to |expect to )?retire",
        r"your retirement plans",
        r"(?:what year|when) did you (?:graduate|finish) (?:from )?(?:high|secondary) school",
        rf"{_EN_ARE} too (?:old|young)",
        r"(?:are you )?in your (?:20s|30s|40s|50s|60s|twenties|thirties|forties|fifties|"
        r"sixties)",
        # French
        r"quel age (?:avez vous|as tu|vous avez|tu as)",
        r"(?:votre|ton) age",
        r"(?:votre|ta) date de naissance",
        r"(?:votre|ton) annee de naissance",
        rf"(?:en )?quelle annee {_FR_ETES} nee?s?",
        rf"{_FR_ETES} nee?s? en (?:19|20)\d\d",
        r"(?:votre|ta) (?:depart a la )?retraite",
        # German
        rf"wie alt {_DE_SIND}",
        rf"{_DE_YOUR} (?:alter|geburtsdatum|geburtsjahr|jahrgang)",
        r"(?:wann|in welchem jahr) (?:sind sie|bist du|wurden sie|wurdest du) geboren",
        rf"welcher jahrgang {_DE_SIND}",
        r"(?:wann|wie bald) (?:gehen sie|gehst du) in (?:rente|pension|den ruhestand)",
        # Spanish ("cuantos anos tienes de experiencia" asks for experience, not age)
        r"(?:cuantos anos|que edad) (?:tiene usted|tiene|tienes)(?! (?:de )?experiencia)",
        rf"{_ES_YOUR} (?:edad|fecha de nacimiento|ano de nacimiento)",
        r"(?:en )?(?:que ano|cuando) (?:nacio|naciste|ha nacido|has nacido)",
        r"(?:cuando|en cuantos anos) (?:piensa|piensas|planea|planeas) jubilarse",
    ),
    "pregnancy": (
        # English
        rf"{_EN_ARE} (?:currently )?pregnant",
        r"your pregnancy",
        r"pregnancy plans",
        r"(?:plan|plans|planning|intend|intending|want|wanting|hope|hoping|thinking) "
        r"(?:on |to |of |about )?(?:have|having|start|starting|get|getting|become|becoming) "
        r"(?:a family|kids|children|a baby|another baby|more children|more kids|pregnant)",
        r"(?:get|getting|become|becoming) pregnant",
        r"start(?:ing)? a family",
        r"(?:your|any) family (?:planning|plans)",
        r"(?:will|would|do) you (?:need|take|want|plan to take|be taking|expect to take) "
        r"(?:any )?(?:maternity|paternity|parental) leave",
        r"(?:your|any) (?:maternity|paternity|parental) leave plans",
        r"expecting a (?:baby|child)",
        r"(?:are you|you're) expecting(?=\s*(?:[?.!]|$))",
        # French
        rf"{_FR_ETES} enceinte",
        r"(?:votre|ta) grossesse",
        r"(?:projets?|desir) (?:de grossesse|d'enfants?|de bebe)",
        r"(?:envisagez vous|comptez vous|prevoyez vous|souhaitez vous|voulez vous|pensez vous) "
        r"(?:d')?(?:avoir|faire) (?:des|un|d'autres) (?:enfants?|bebes?)",
        r"fonder une famille",
        r"conge (?:de )?(?:maternite|paternite|parental)",
        # German
        rf"{_DE_SIND} schwanger",
        rf"{_DE_YOUR} (?:schwangerschaft|kinderwunsch|familienplanung)",
        r"(?:haben sie|hast du) (?:einen )?kinderwunsch",
        r"(?:planen sie|planst du|wollen sie|willst du|mochten sie|mochtest du) "
        r"(?:in (?:\w+ ){1,3})?(?:noch )?(?:kinder|eine familie|nachwuchs|schwanger)",
        r"(?:planen sie|werden sie|wollen sie|nehmen sie) (?:\w+ )?(?:elternzeit|mutterschutz)",
        r"eine familie grunden",
        # Spanish
        rf"{_ES_ESTA} embarazada",
        rf"{_ES_YOUR} embarazo",
        r"(?:planea|planeas|piensa|piensas|quiere|quieres|desea|deseas) (?:usted )?"
        r"(?:tener|formar) (?:hijos|una familia|un bebe|mas hijos)",
        r"quedar(?:se|te)? embarazada",
        r"formar una familia",
        r"(?:baja|licencia|permiso) (?:por|de) (?:maternidad|paternidad)",
    ),
    "family": (
        # English
        rf"{_EN_ARE} (?:married|single|divorced|widowed|separated|engaged)"
        r"(?! (?:in|with|to|on|by|about|from|for|at|sign))",
        rf"{_EN_ARE} (?:a )?single (?:parent|mother|father|mum|mom|dad)",
        rf"{_EN_ARE} in a relationship",
        r"marital (?:status|situation)",
        r"your (?:husband|wife|spouse|boyfriend|girlfriend|fiancee?|significant other|in laws)",
        r"your partner(?! (?:agenc\w*|compan\w*|firms?|organi[sz]ations?|networks?|channels?|"
        r"ecosystem|programs?|programmes?|accounts?|integrations?|portal|teams?|managers?|"
        r"success|sales|marketing|api|apis|relationships?))",
        rf"{_EN_DO} have (?:any |a )?(?:husband|wife|spouse|boyfriend|girlfriend|kids|children|"
        r"a child|child|babies|a baby|dependants|dependents|grandchildren|a family)"
        r"(?! (?:in your (?:class|classroom|group|care)|with (?:special|additional|learning)|"
        r"protection|safeguarding|development|psychology|welfare|care))",
        r"how many (?:kids|children|grandchildren|dependants|dependents) "
        r"(?:do you have|have you got|does the (?:candidate|applicant) have)",
        r"your (?:kids|children|child(?! (?:protection|safeguarding|development|psychology|"
        r"welfare|care))|sons?|daughters?|grandchildren|stepchildren)",
        r"your family(?! of)",
        r"(?:child[\s-]?care|childminding|babysitting) (?:arrangements?|situation|plans?|"
        r"responsibilities|needs|issues|problems)",
        r"(?:what|which|any) child[\s-]?care (?:do|will|would) you",
        r"(?:any|your) (?:caring|family|childcare|child care|parental|domestic) "
        r"(?:responsibilities|commitments|obligations|duties|situation|circumstances|status|"
        r"constraints)",
        r"have (?:caring|family|childcare|child care|parental|domestic) "
        r"(?:responsibilities|commitments|obligations|duties)",
        r"who do you live with",
        r"do you live (?:alone|with (?:your|a) (?:partner|parents|family|boyfriend|girlfriend|"
        r"spouse|husband|wife))",
        r"(?:your )?maiden name",
        # French
        rf"{_FR_ETES} (?:mariee?s?|celibataire|divorcee?s?|veuve?|veuf|pacsee?s?|fiancee?s?|"
        r"en couple|parent isole|mere celibataire)",
        r"(?:votre|ta) situation (?:familiale|matrimoniale|de famille)",
        r"situation matrimoniale",
        rf"{_FR_AVEZ} (?:des |un |une )?(?:enfants?|mari|femme|conjointe?|compagnon|compagne)",
        r"combien d'enfants (?:avez vous|as tu|vous avez|tu as)",
        r"(?:vos|tes) enfants",
        r"(?:votre|ton|ta) (?:mari|femme|epoux|epouse|conjointe?|compagnon|compagne|concubine?|"
        r"petite? amie?|fils|fille)",
        r"(?:mode de )?garde (?:de vos|de tes) enfants",
        r"qui (?:garde|gardera|s'occupe(?:ra)? de) (?:vos|tes) enfants",
        r"(?:vos|tes) (?:contraintes|obligations|charges) familiales",
        r"(?:votre|ta) (?:vie de famille|famille)(?! de)",
        r"nom de jeune fille",
        # German
        rf"{_DE_SIND} (?:verheiratet|ledig|geschieden|verwitwet|verlobt|in einer beziehung|"
        r"alleinerziehend|single)",
        r"familienstand",
        rf"{_DE_HABEN} (?:eigene )?kinder(?=\s*(?:[?.!,]|$))",
        rf"{_DE_HABEN} (?:ein kind|familie|einen (?:ehemann|mann|partner|freund)|"
        r"eine (?:ehefrau|frau|partnerin|freundin))",
        r"(?:wie viele|wieviele) kinder (?:haben sie|hast du)",
        rf"{_DE_YOUR} (?:kinder|kind|sohn|sohne|tochter|ehemann|ehefrau|mann|frau|ehepartner\w*|"
        r"lebensgefahrt\w*|familie|familiare situation|kinderbetreuung)",
        rf"wer (?:betreut|kummert sich um) {_DE_YOUR} kinder",
        # Spanish
        rf"{_ES_ESTA} (?:casad[oa]|solter[oa]|divorciad[oa]|viud[oa]|comprometid[oa]|en pareja)",
        rf"{_ES_ES} (?:casad[oa]|solter[oa]|divorciad[oa]|viud[oa]|madre soltera|padre soltero)",
        r"(?:su|tu) estado civil",
        r"estado civil",
        rf"{_ES_TIENE} (?:hijos|hijas|pareja|novio|novia|esposo|esposa|marido)",
        r"(?:cuantos|cuantas) hij[oa]s (?:tiene|tienes|tiene usted)",
        r"tus (?:hij[oa]s|padres)",
        r"tu (?:hij[oa]|espos[oa]|marido|mujer|pareja|novi[oa]|familia)",
        r"su (?:espos[oa]|marido|pareja|novi[oa])",
        r"quien (?:cuida|cuidara|se ocupa|se ocupara) (?:a|de) (?:sus|tus) hij[oa]s",
        r"cuidado de (?:sus|tus) hij[oa]s",
        r"(?:sus|tus) (?:responsabilidades|cargas|obligaciones) familiares",
        rf"{_ES_YOUR} situacion familiar",
    ),
    "religion": (
        # English
        r"your (?:religion|religious (?:beliefs?|views|affiliation|background|practices?|"
        r"holidays|observances?|needs)|faith|church|denomination|place of worship)",
        r"what religion",
        r"(?:which|what) (?:church|mosque|synagogue|temple|denomination)",
        rf"{_EN_ARE} (?:a |an )?(?:christian|muslim|jewish|jew|catholic|protestant|hindu|"
        r"buddhist|sikh|atheist|agnostic|religious(?! about)|mormon|believer(?! in))",
        rf"{_EN_DO} (?:go to|attend) (?:church|mass|mosque|synagogue|temple|services|"
        r"religious services)",
        rf"{_EN_DO} pray",
        r"(?:which|what|any) (?:religious )?(?:holidays|holy days|festivals) do you "
        r"(?:observe|celebrate|keep|take off)",
        r"(?:you observe|you celebrate|do you observe|do you celebrate|you need|you take) "
        r"(?:any )?religious (?:holidays|holy days|festivals|observances?)",
        r"(?:time|days) off for (?:your )?religious",
        rf"{_EN_DO} (?:observe|keep|celebrate|fast (?:during|for)) (?:the )?(?:sabbath|shabbat|"
        r"ramadan|lent|passover|diwali|eid|christmas|easter|kosher|halal)",
        r"work on (?:the )?(?:sabbath|shabbat)",
        r"(?:do you )?believe in god",
        r"(?:what are|what's|what is) your (?:spiritual|religious)",
        # French
        r"(?:votre|ta) (?:religion|confession|foi|croyance|croyances|pratique religieuse)",
        r"quelle (?:est (?:votre|ta) )?religion",
        rf"{_FR_ETES} (?:catholique|chretienne?|musulmane?|juive?|protestante?|bouddhiste|"
        r"hindoue?|athee|croyante?|pratiquante?|religieux|religieuse)",
        r"(?:pratiquez vous|pratiques tu) (?:une|votre|ta) religion",
        r"(?:allez vous|vas tu) (?:a la messe|a l'eglise|a la mosquee|a la synagogue|au temple)",
        r"(?:vos|tes) (?:fetes|convictions|croyances) religieuses",
        r"fetes religieuses (?:celebrez vous|observez vous|respectez vous|faites vous)",
        r"(?:celebrez vous|observez vous|faites vous|fais tu) (?:le )?(?:ramadan|shabbat|"
        r"careme|noel)",
        # German
        rf"{_DE_YOUR} (?:religion|konfession|glaube|glauben|religionszugehorigkeit)",
        r"(?:welche|welcher) (?:religion|konfession|glaubensrichtung)",
        r"religionszugehorigkeit",
        rf"{_DE_SIND} (?:katholisch|evangelisch|christ|christin|muslim|muslima|muslimisch|"
        r"judisch|jude|judin|buddhist\w*|hindu|atheist\w*|glaubig|religios|konfessionslos)",
        r"(?:gehen sie|gehst du) (?:in die|zur) (?:kirche|moschee|synagoge|messe)",
        r"(?:beten sie|betest du)",
        r"(?:feiern|begehen|halten) (?:sie|du) (?:\w+ )?(?:religiose feiertage|den ramadan|"
        r"ramadan|den sabbat|sabbat)",
        r"religiose(?:n)? feiertage (?:feiern|begehen|halten) (?:sie|du)",
        r"(?:zahlen sie|zahlst du) kirchensteuer",
        # Spanish
        rf"{_ES_YOUR} (?:religion|fe|creencias?(?: religiosas?)?|iglesia|confesion)",
        r"(?:que|cual es (?:su|tu)) religion",
        rf"{_ES_ES} (?:catolic[oa]|cristian[oa]|musulman[a]?|judi[oa]|protestante|"
        r"evangelic[oa]|budista|hindu|ate[oa]|creyente|religios[oa]|practicante)",
        r"(?:va|vas|acude|acudes) a (?:misa|la iglesia|la mezquita|la sinagoga|el templo)",
        r"(?:practica|practicas) (?:alguna|una) religion",
        r"(?:fiestas|festividades) religiosas (?:celebra|celebras|observa|observas)",
        r"(?:celebra|celebras|observa|observas) (?:el )?(?:ramadan|sabado|shabat|cuaresma)",
    ),
    "ethnicity": (
        # English
        r"your (?:race(?! conditions?)|ethnicity|ethnic (?:background|origin|group|identity)|"
        r"racial (?:background|origin|group|identity)|skin colou?r|heritage|tribe|caste|"
        r"cultural background)",
        r"colou?r of your skin",
        r"what (?:race|ethnicity|ethnic group|ethnic background) (?:are you|is the candidate|"
        r"do you)",
        rf"{_EN_ARE} (?:white|black|asian|hispanic|latino|latina|latinx|arab|caucasian|"
        r"african american|mixed race|biracial|of (?:\w+ )?(?:descent|heritage))",
        # French
        r"(?:votre|ton|ta) (?:origine ethnique|ethnie|couleur de peau|race)",
        r"couleur de (?:votre|ta) peau",
        # German
        rf"{_DE_YOUR} (?:ethnische herkunft|ethnie|hautfarbe|rasse|abstammung)",
        r"welche hautfarbe",
        # Spanish
        rf"{_ES_YOUR} (?:raza|etnia|origen etnico|color de piel)",
        r"(?:que|cual es (?:su|tu)) (?:raza|etnia)",
    ),
    "nationality": (
        # English
        r"your (?:nationality|citizenship|national origin|country of (?:origin|birth|"
        r"citizenship)|place of birth|birth[\s-]?place|native (?:language|tongue|country)|"
        r"mother tongue|first language(?! models?)|home country|ancestry|immigration status|"
        r"accent(?! colou?rs?))",
        r"what nationality",
        r"(?:which|what) (?:passport|passports) do you (?:hold|have)",
        r"where (?:are|were|is) (?:you|the candidate|the applicant) (?:originally |really )?from"
        r"(?! (?:(?:19|20)\d\d|a|an|the|your|this|that|a skills)(?!\w))",
        r"where (?:are you|do you come) from originally",
        r"where do you (?:originally |really )?come from",
        r"where (?:were|was) (?:you|the candidate|the applicant) born",
        r"where did you grow up",
        r"what country (?:are you|were you|do you come) (?:from|born in)",
        rf"{_EN_ARE} (?:a |an )?(?:(?:us|u\.s\.|american|uk|british|eu|european|french|german|"
        r"spanish|canadian|australian|indian|chinese) )?citizen",
        rf"{_EN_ARE} (?:a |an )?(?:immigrant|foreigner|refugee|expat|native of)",
        r"(?:are you|were you|was the (?:candidate|applicant)) born (?:in|abroad|outside)",
        r"native (?:\w+ )?speaker",
        r"how long have you (?:lived|been living|been) in (?:this country|the (?:us|uk|country)|"
        r"america|britain|england|france|germany|spain|europe)",
        r"(?:where|what country) (?:are|were|is|was) your (?:parents|family|mother|father|"
        r"ancestors|grandparents) (?:from|born)",
        r"your (?:parents|family)(?:'s|')? (?:origins?|nationality|country)",
        r"where (?:is|does) your (?:name|surname|last name|accent) (?:come )?from",
        r"what (?:kind|sort) of (?:name|accent) is (?:that|this|yours)",
        # French
        r"(?:votre|ta) (?:nationalite|citoyennete|origine|origines|pays d'origine|"
        r"langue maternelle|lieu de naissance|accent)",
        r"(?:vos|tes) origines",
        r"(?:de )?quelle nationalite",
        r"d'ou (?:venez vous|viens tu|etes vous|es tu)",
        r"vous venez d'ou",
        rf"(?:ou|dans quel pays) {_FR_ETES} nee?s?",
        rf"{_FR_ETES} (?:de nationalite|citoyen(?:ne)?|francaise?|etrangere?|immigree?|"
        r"originaire d|de langue maternelle|locuteur natif|locutrice native)",
        r"origines? (?:ethnique|nationale)s?",
        # German
        rf"{_DE_YOUR} (?:staatsangehorigkeit|staatsangehoerigkeit|nationalitat|"
        r"staatsburgerschaft|herkunft|herkunftsland|muttersprache|geburtsort|akzent)",
        r"(?:welche|welcher) (?:nationalitat|staatsangehorigkeit|staatsangehoerigkeit|herkunft)",
        r"woher (?:kommen sie|kommst du|stammen sie|stammst du)",
        r"wo (?:kommen sie|kommst du) (?:ursprunglich |eigentlich )?her",
        r"wo (?:sind sie|bist du|wurden sie|wurdest du) geboren",
        rf"{_DE_SIND} (?:deutsche|deutscher|deutscher staatsburger|auslander\w*|staatsburger\w*|"
        r"eingeburgert|muttersprachler\w*|zugewandert)",
        r"ist (?:deutsch|englisch|franzosisch|spanisch) (?:ihre|deine) muttersprache",
        r"woher (?:kommen|stammen) (?:ihre|deine) eltern",
        r"(?:haben sie|hast du) (?:einen )?migrationshintergrund",
        # Spanish
        rf"{_ES_YOUR} (?:nacionalidad|ciudadania|pais de origen|pais de nacimiento|"
        r"lugar de nacimiento|lengua materna|idioma materno|acento)",
        r"(?:que|cual es (?:su|tu)) (?:nacionalidad|origen)",
        r"de donde (?:es usted|eres|es|viene usted|vienes|viene)"
        r"(?! (?:el|la|los|las|este|esta|eso|esto|ese|esa)\b)",
        r"(?:donde|en que pais) (?:nacio|naciste|ha nacido|has nacido)",
        rf"{_ES_ES} (?:ciudadan[oa]|extranjer[oa]|inmigrante|espanola?|nativ[oa])",
    ),
    "health": (
        # English
        rf"{_EN_DO} (?:have|suffer from|live with|struggle with) (?:a |any |an )?"
        r"(?:disabilit(?:y|ies)|handicaps?|impairments?|illness(?:es)?|diseases?|allergies|"
        r"(?:chronic|long term|serious|mental|physical|medical|health|heart|back|psychiatric) "
        r"(?:illness(?:es)?|conditions?|problems|issues|diseases?|history)|medical history|"
        r"mental health (?:issues|problems|conditions))",
        rf"{_EN_ARE} (?:disabled|handicapped|sick(?! of)|ill|healthy|in good health|"
        r"on (?:any )?medications?|(?:physically|mentally) (?:fit|healthy|able|ill))",
        r"your (?:health(?! (?:and|&) safety)|state of health|medical (?:history|conditions?|"
        r"records|needs|background)|disabilit(?:y|ies)|illness(?:es)?|mental health|"
        r"physical health|sick (?:days|leave|record)|absence record)",
        r"how many (?:sick days|days (?:off )?sick|days of sick leave|days (?:were you|have you "
        r"been) (?:absent|off sick)|times (?:were you|have you been) (?:sick|ill|off sick))",
        r"(?:did|have) you (?:take|taken|had|have) (?:any )?(?:sick (?:days|leave)|time off "
        r"(?:for|due to) (?:illness|sickness|health))",
        r"sick (?:days|leave) (?:did|have) you",
        r"(?:have you|has the (?:candidate|applicant)) (?:ever )?(?:been|had) (?:hospitali[sz]ed|"
        r"treated for|diagnosed|surgery|an operation|a serious illness|"
        r"a disability|a workers'? comp(?:ensation)? claim)",
        r"(?:were you|have you been) diagnosed with",
        r"(?:have you|did you) (?:ever )?(?:filed|made|claimed) (?:a )?workers'? comp(?:ensation)?",
        r"(?:have you|do you|did you) (?:ever )?(?:suffer(?:ed)?|struggled?) (?:from|with) "
        r"(?:depression|anxiety|burnout|addiction|an? (?:mental|physical)|illness|back pain)",
        r"(?:do you|have you ever) (?:see|seen|been to|visit(?:ed)?) a (?:therapist|psychiatrist|"
        r"psychologist|counsell?or)",
        r"(?:do|are) you (?:currently )?(?:take|taking|on|using) (?:any )?(?:medications?|"
        r"prescriptions?|prescription drugs|drugs|medicine)"
        r"(?! (?:\w+ )?(?:histor\w*|rounds?|orders?|reconciliation|administration|charts?|"
        r"records?|management|errors?|safety|from|to|for|with|of))",
        r"what medications? (?:do you take|are you (?:on|taking))",
        r"when (?:were you|was the last time you were) (?:last )?(?:sick|ill)",
        # French
        r"(?:votre|ton) (?:etat de sante|sante(?! et (?:la )?securite)|handicap|maladie|"
        r"dossier medical|traitement medical)",
        rf"{_FR_AVEZ} (?:un |des |une )?(?:handicap|problemes? de sante|maladies?|"
        r"maladie chronique|allergies?|traitement medical)",
        rf"{_FR_ETES} (?:malade|handicapee?|en bonne sante|reconnue? travailleur handicape)",
        r"(?:combien (?:de |d')|vos |tes )(?:jours d')?(?:arrets? maladie|conges? maladie|"
        r"jours de maladie)",
        rf"{_FR_AVEZ} (?:ete|eu) (?:en )?(?:arret maladie|hospitalisee?)",
        r"(?:prenez vous|prends tu) des medicaments",
        r"(?:suivez vous|suis tu) un traitement",
        r"rqth",
        # German
        rf"{_DE_YOUR} (?:gesundheit(?! und sicherheit)|gesundheitszustand|krankheit\w*|"
        r"behinderung|krankengeschichte|fehlzeiten|krankheitstage|medikamente|diagnose)",
        rf"{_DE_SIND} (?:krank|gesund|behindert|schwerbehindert|chronisch krank|"
        r"in arztlicher behandlung|in behandlung)",
        rf"{_DE_HABEN} (?:eine |irgendwelche |eine chronische )?(?:behinderung|krankheit|"
        r"krankheiten|vorerkrankungen|allergien|gesundheitliche (?:probleme|einschrankungen))",
        r"(?:haben sie|hast du) (?:einen )?schwerbehindertenausweis",
        r"(?:wie viele|wieviele) (?:krankheitstage|fehltage|tage krank)",
        r"(?:waren sie|warst du) (?:oft |haufig |im letzten jahr )?krank",
        r"(?:nehmen sie|nimmst du) (?:regelmassig |regelmaßig )?medikamente",
        # Spanish
        rf"{_ES_YOUR} (?:salud(?! (?:y seguridad|laboral))|estado de salud|discapacidad|"
        r"enfermedad|historial medico|medicacion)",
        r"(?:tiene usted|tiene|tienes|padece|padeces|sufre|sufres) (?:usted )?(?:alguna |algun |"
        r"una )?(?:discapacidad|enfermedad(?:es)?(?: cronica)?|problemas? de salud|"
        r"condicion medica|alergias?)",
        rf"{_ES_ESTA} (?:enferm[oa]|sano|sana|discapacitad[oa]|de baja)",
        r"cuantos dias de (?:baja|enfermedad)",
        r"cuantas bajas (?:medicas|por enfermedad)",
        r"(?:ha|has) estado de baja",
        r"(?:toma|tomas) (?:usted )?(?:algun |alguna )?(?:medicamento|medicacion|medicina)s?",
    ),
    "sexuality": (
        # English
        r"your (?:sexual (?:orientation|preferences?|identity|history|life)|sexuality|"
        r"gender identity|gender(?! (?:balance|pay|equality|diversity|mix|split|ratio|gap))|"
        r"sex(?! (?:discrimination|equality)))",
        rf"{_EN_ARE} (?:gay|lesbian|straight(?! (?:with|to|forward|away|out|after))|bisexual|bi|"
        r"homosexual|heterosexual|queer|trans|transgender|transsexual|asexual|pansexual|"
        r"non binary|nonbinary|intersex)",
        rf"{_EN_ARE} (?:a )?(?:man|woman|male|female)",
        r"what (?:gender|sex) (?:are you|were you)",
        r"were you (?:born|assigned) (?:a )?(?:male|female|man|woman|boy|girl)",
        r"how do you identify (?:your )?(?:gender|sexually|in terms of (?:gender|sexuality))",
        r"(?:do you|have you ever) date (?:men|women)",
        # French
        r"(?:votre|ton|ta) (?:orientation sexuelle|sexualite|identite de genre|genre|sexe)",
        rf"{_FR_ETES} (?:homosexuel(?:le)?|gay|lesbienne|heterosexuel(?:le)?|bisexuel(?:le)?|"
        r"trans|transgenre|une femme|un homme)",
        # German
        rf"{_DE_YOUR} (?:sexuelle orientierung|sexualitat|geschlechtsidentitat|geschlecht)",
        rf"{_DE_SIND} (?:schwul|lesbisch|homosexuell|heterosexuell|bisexuell|hetero|trans|"
        r"transgender|queer|eine frau|ein mann|weiblich|mannlich)",
        # Spanish
        rf"{_ES_YOUR} (?:orientacion sexual|sexualidad|identidad de genero|genero|sexo)",
        rf"{_ES_ES} (?:gay|lesbiana|homosexual|heterosexual|bisexual|trans|transgenero|"
        r"hombre|mujer)",
    ),
}


@dataclass(frozen=True)
class ScreenResult:
    """Whether a question may be asked, and if not, which protected topic it touches."""

    allowed: bool
    topic: str | None  # a key of TOPIC_LABELS, None when allowed
    matched: str | None  # the phrase that touched it, as the question wrote it
    reason: str  # one readable sentence for the recruiter's log


class ScreenedQuestion(BaseModel):
    """A question the screen refused, and what was asked instead; kept in the plan's log."""

    model_config = ConfigDict(frozen=True)

    original: str  # the refused question, as written
    source: str  # where it came from: must_have, gap, screening, custom, general
    topic: str  # a key of TOPIC_LABELS
    matched: str  # the phrase that touched the topic
    reason: str
    replacement: str  # the question asked instead
    replacement_key: str  # its bank key


# --- matching ----------------------------------------------------------------------------

def _compile(pattern: str) -> str:
    # A space in a pattern is any run of spaces or hyphens ("avez-vous", "non-binary").
    return "(?:" + pattern.replace(" ", r"[\s\-]+") + ")"


@lru_cache(maxsize=1)
def _topic_regexes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    # The word edges are checked once, around all of a topic's phrases: the same matches, and
    # a place inside a word or before a blank (every phrase starts with a letter) is given up
    # at once instead of once per phrase, which kept long texts slow though linear.
    return tuple((topic, re.compile(r"(?<![\w\-])(?=\w)(?:" + "|".join(map(_compile, patterns))
                                    + r")(?![\w\-])", re.IGNORECASE))
                 for topic, patterns in _PATTERNS.items())


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'"})


def _without_accents(text: str) -> str:
    """The text with accents dropped letter by letter, so positions stay those of `text`."""
    letters = []
    for char in text.translate(_QUOTES):
        base = "".join(c for c in unicodedata.normalize("NFKD", char)
                       if not unicodedata.combining(c))
        letters.append(base if len(base) == 1 else char)
    return "".join(letters)


def screen_question(text: str) -> ScreenResult:
    """Check one question; refused when it asks about a protected characteristic."""
    plain = _without_accents(text or "")
    for topic, regex in _topic_regexes():
        match = regex.search(plain)
        if match:
            matched = text[match.start():match.end()]
            return ScreenResult(
                allowed=False, topic=topic, matched=matched,
                reason=f"Asks about the candidate's {TOPIC_LABELS[topic]} (“{matched}”), which "
                       f"must play no part in a hiring decision.")
    return ScreenResult(allowed=True, topic=None, matched=None,
                        reason="No protected topic found.")


# --- replacing ---------------------------------------------------------------------------

def screen_and_replace(question: BankQuestion, fallback_bank: Sequence[BankQuestion], *,
                       source: str = "general", exclude_keys: Collection[str] = (),
                       ) -> tuple[BankQuestion, ScreenedQuestion | None]:
    """The question itself when it is allowed; otherwise the first allowed fallback whose key is
    not in `exclude_keys` (a general behavioural question when none is left), with a record of
    the swap. Every swap is also logged."""
    result = screen_question(question.text)
    if result.allowed:
        return question, None
    replacement = next(
        (q for q in (*fallback_bank, *BEHAVIOURAL)
         if q.key not in exclude_keys and q.key != question.key
         and screen_question(q.text).allowed),
        BEHAVIOURAL[0],
    )
    record = ScreenedQuestion(
        original=question.text, source=source, topic=result.topic or "",
        matched=result.matched or "", reason=result.reason, replacement=replacement.text,
        replacement_key=replacement.key)
    # The matched phrase and topic say enough; the full text stays in the plan's log.
    logger.warning("Replaced a %s interview question touching %s (%r) with %s",
                   source, result.topic, result.matched, replacement.key)
    return replacement, record
