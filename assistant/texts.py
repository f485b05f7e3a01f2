"""Every user-facing Norwegian (bokmål) text in one place."""

from __future__ import annotations

EMPTY_QUESTION = "Spørsmålet er tomt. Skriv inn et spørsmål om ordningene for kompetanseutvikling."
QUESTION_TOO_LONG = "Spørsmålet er for langt ({length} tegn). Høyeste tillatte lengde er {limit} tegn."

UNSUPPORTED_FILE = "Filtypen «{suffix}» støttes ikke. Bruk .pdf, .md, .txt eller .html."
UNREADABLE_FILE = "Filen «{name}» kunne ikke leses: {reason}"
SCANNED_PDF = (
    "PDF-filen «{name}» har ingen tekst som kan hentes ut. Den er trolig skannet; "
    "kjør tekstgjenkjenning (OCR) på den før du laster den opp."
)
EMPTY_DOCUMENT = "Filen «{name}» inneholder ingen tekst etter at sidemaler er fjernet."
STORE_UNAVAILABLE = "Søkeindeksen er ikke tilgjengelig: {reason}"
PATH_NOT_FOUND = "Fant ikke «{path}»."

WHOM_TO_ASK = (
    "Spør Statsforvalteren i fylket ditt (barnehage og grunnopplæring), fylkeskommunen "
    "(fag- og yrkesopplæring) eller Utdanningsdirektoratet (Udir)."
)
ABSTAIN_WEAK_EVIDENCE = (
    "Jeg finner ikke noe sikkert svar på dette i dokumentene jeg har om statlige ordninger for "
    "kompetanseutvikling, så jeg vil ikke gjette. " + WHOM_TO_ASK
)
ABSTAIN_OFF_DOMAIN = (
    "Dette spørsmålet ligger utenfor det jeg kan svare på. Jeg svarer bare på spørsmål om statlige "
    "ordninger for kompetanseutvikling i barnehage og skole, ut fra dokumentene jeg har. " + WHOM_TO_ASK
)
ABSTAIN_INSTRUCTIONS = (
    "Jeg kan ikke se bort fra instruksene mine. Jeg svarer bare på spørsmål om statlige ordninger "
    "for kompetanseutvikling i barnehage og skole, med kilder fra dokumentene jeg har."
)

INGEST_SUMMARY = (
    "Ferdig: {added} nye, {updated} endret, {unchanged} uendret, {deleted} slettet, "
    "{failed} feilet. {chunks} tekstbiter i indeksen."
)
INGEST_FAILED_FILE = "Hoppet over {name}: {message}"
INDEX_EMPTY_INGESTING = "Indeksen er tom. Leser inn dokumentene i {path} først …"
NO_RESULTS = "Ingen treff."

CONVERSATION_NOT_FOUND = "Fant ingen samtale med id «{id}». Start en ny samtale uten conversation_id."
MESSAGE_NOT_FOUND = "Fant ingen melding med id «{id}» i denne samtalen."
DOCUMENT_NOT_FOUND = "Fant ikke dokumentet «{id}» i indeksen."
FILE_TOO_LARGE = "Filen er for stor. Høyeste tillatte størrelse er {limit} MB."
INVALID_JSON = "Forespørselen er ikke gyldig JSON."
INVALID_REQUEST = "Forespørselen har feil format: {details}"
UNAUTHORIZED = "Mangler eller feil API-nøkkel. Send «Authorization: Bearer <nøkkel>»."
ADMIN_DISABLED = "Administrasjon av dokumenter er slått av. Sett ASSISTANT_ADMIN_API_KEY for å slå den på."
NOT_READY = "Tjenesten er ikke klar: {reason}"
INTERNAL_ERROR = "Noe gikk galt hos oss. Prøv igjen om litt."
NOT_FOUND_PATH = "Fant ikke «{path}»."
MISSING_FILE = "Forespørselen mangler filen. Send den som multipart-feltet «file»."
UPLOAD_DONE = "«{name}» er lest inn ({chunks} tekstbiter)."
