"""Every user-facing Norwegian (bokmål) text in one place."""

from __future__ import annotations

EMPTY_QUESTION = "Spørsmålet er tomt. Skriv inn et spørsmål om ordningene for kompetanseutvikling."
QUESTION_TOO_LONG = "Spørsmålet er for langt ({length} tegn). Høyeste tillatte lengde er {limit} tegn."
TOO_MANY_MESSAGES = (
    "Samtalen har for mange meldinger ({count}). Høyeste tillatte antall er {limit}; start en ny samtale."
)
CONVERSATION_TOO_LONG = (
    "Samtalen er for lang ({length} tegn til sammen). Høyeste tillatte lengde er {limit} tegn; "
    "start en ny samtale."
)

UNSUPPORTED_FILE = "Filtypen «{suffix}» støttes ikke. Bruk .pdf, .md, .txt eller .html."
UNREADABLE_FILE = "Filen «{name}» kunne ikke leses: {reason}"
SCANNED_PDF = (
    "PDF-filen «{name}» har ingen tekst som kan hentes ut. Den er trolig skannet; "
    "kjør tekstgjenkjenning (OCR) på den før du laster den opp."
)
EMPTY_DOCUMENT = "Filen «{name}» inneholder ingen tekst etter at sidemaler er fjernet."
NO_PASSAGES = "Filen «{name}» har ingen tekst å lese inn, bare overskrifter eller sidemaler."
NOT_UTF8 = "filen er ikke gyldig UTF-8-tekst"
PDF_DAMAGED = "PDF-filen er skadet eller ikke en gyldig PDF"
PDF_TOO_COMPLEX = "PDF-filen er for sammensatt, eller den pakkes ut til for mye data"
ENCRYPTED_PDF = (
    "PDF-filen «{name}» er kryptert eller passordbeskyttet. Lagre den uten passord og kryptering, "
    "og last den opp på nytt."
)
FRONT_MATTER_ALIASES = (
    "Forsiden (front matter) i «{name}» bruker YAML-ankre eller -aliaser (&navn, *navn). "
    "Skriv verdiene ut i stedet."
)
FRONT_MATTER_TOO_LONG = (
    "Forsiden (front matter) i «{name}» er for lang ({length} tegn). Høyeste tillatte lengde er {limit} tegn."
)
FRONT_MATTER_FIELD_TOO_LONG = (
    "Feltet «{field}» i forsiden (front matter) i «{name}» er for langt ({length} tegn). "
    "Høyeste tillatte lengde er {limit} tegn."
)
# Per-document bounds on ingest (assistant/ingest/limits.py).
TOO_MANY_PAGES = "«{name}» har {count} sider. Høyeste tillatte antall er {limit}; del filen opp."
TOO_MUCH_TEXT = "«{name}» er for stort: teksten gir mer enn {limit} tekstbiter. Del filen opp i flere filer."
TOO_MANY_UNITS = (
    "«{name}» er for stort: teksten gir mer enn {limit} setninger og lister. Del filen opp i flere filer."
)
INGEST_TOO_SLOW = (
    "Innlesingen av «{name}» tok mer enn {limit:g} sekunder og ble avbrutt. Del filen opp i mindre filer."
)
DOCUMENT_EXISTS = (
    "Dokumentet «{id}» finnes allerede i indeksen fra en annen kilde enn opplastingene, og en opplasting "
    "kan ikke erstatte det. Gi filen et annet navn."
)
CORPUS_DOCUMENT = (
    "«{id}» hører til den faste dokumentsamlingen (corpus/) og kan ikke slettes her: neste innlesing ville "
    "hentet det tilbake. Fjern filen fra corpus/ og kjør «assistant ingest» for å ta det ut."
)
STORE_UNAVAILABLE = "Søkeindeksen er ikke tilgjengelig: {reason}"
# The data directory cannot take writes. No path or driver text: the API shows these to clients too.
DATA_DIR_FULL = (
    "Datamappen er full, så ingenting mer kan lagres (søkeindeksen eller samtaleloggen). "
    "Frigjør plass på disken og prøv igjen."
)
DATA_DIR_READ_ONLY = (
    "Datamappen er skrivebeskyttet, så ingenting kan lagres (søkeindeksen eller samtaleloggen). "
    "Gi tjenesten skrivetilgang til datamappen og prøv igjen."
)
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
INGEST_READING = "Leser inn {name} …"
INDEX_EMPTY_INGESTING = "Indeksen er tom. Leser inn dokumentene i {path} først …"
NO_RESULTS = "Ingen treff."

CONVERSATION_NOT_FOUND = "Fant ingen samtale med id «{id}». Start en ny samtale uten conversation_id."
MESSAGE_NOT_FOUND = "Fant ingen melding med id «{id}» i denne samtalen."
DOCUMENT_NOT_FOUND = "Fant ikke dokumentet «{id}» i indeksen."
FILE_TOO_LARGE = "Filen er for stor. Høyeste tillatte størrelse er {limit} MB."
INVALID_JSON = "Forespørselen er ikke gyldig JSON."
INVALID_UTF8 = "Forespørselen er ikke gyldig UTF-8-tekst."
JSON_TOO_DEEP = "JSON-innholdet er nestet for dypt."
BAD_REQUEST = "Forespørselen kunne ikke leses."
HTTP_ERROR = "Forespørselen kunne ikke behandles (HTTP-status {status})."
BODY_TOO_LARGE = "Forespørselen er for stor. Høyeste tillatte størrelse er {limit} kB."
URL_TOO_LONG = "Adressen er for lang ({length} byte). Høyeste tillatte lengde er {limit} byte."
BUSY = "Tjenesten har for mye å gjøre akkurat nå. Prøv igjen om noen sekunder."
STORE_NOT_ANSWERING = (
    "Søkeindeksen svarer ikke akkurat nå. Prøv igjen om litt (detaljene står i tjenestens logg)."
)
INVALID_REQUEST = "Forespørselen har feil format: {details}."
# One clause per pydantic error type (assistant/api/validation.py), so pydantic's English never reaches the
# user. {field} is the field's dotted path; the other names are pydantic's context for that type.
VALIDATION_ERRORS = {
    "missing": "{field} mangler",
    "extra_forbidden": "{field} er ikke et kjent felt",
    "string_type": "{field} skal være en tekst",
    "string_too_short": "{field} skal ha minst {min_length} tegn",
    "string_too_long": "{field} kan ha høyst {max_length} tegn",
    "string_pattern_mismatch": "{field} har feil form",
    "int_type": "{field} skal være et heltall",
    "int_parsing": "{field} skal være et heltall",
    "int_from_float": "{field} skal være et heltall",
    "float_type": "{field} skal være et tall",
    "float_parsing": "{field} skal være et tall",
    "bool_type": "{field} skal være true eller false",
    "bool_parsing": "{field} skal være true eller false",
    "list_type": "{field} skal være en liste",
    "dict_type": "{field} skal være et JSON-objekt",
    "model_type": "{field} skal være et JSON-objekt",
    "model_attributes_type": "{field} skal være et JSON-objekt",
    "too_short": "{field} skal ha minst {min_length} innslag",
    "too_long": "{field} kan ha høyst {max_length} innslag",
    "greater_than": "{field} skal være større enn {gt}",
    "greater_than_equal": "{field} skal være minst {ge}",
    "less_than": "{field} skal være mindre enn {lt}",
    "less_than_equal": "{field} kan være høyst {le}",
    "invalid_characters": "{field} inneholder tegn som ikke er gyldig tekst",
    "string_unicode": "{field} inneholder tegn som ikke er gyldig tekst",
}
VALIDATION_OTHER = "{field} har en ugyldig verdi"
VALIDATION_WHOLE_BODY = "innholdet"
DOCS_TITLE = "{app} – API-dokumentasjon"
UNAUTHORIZED = "Mangler eller feil API-nøkkel. Send «Authorization: Bearer <nøkkel>»."
ADMIN_DISABLED = "Administrasjon av dokumenter er slått av. Sett ASSISTANT_ADMIN_API_KEY for å slå den på."
NOT_READY = "Tjenesten er ikke klar: {reason}"
STILL_LOADING = "indeksen lastes fortsatt"
INDEX_EMPTY = "indeksen er tom"
STARTUP_FAILED = "oppstarten mislyktes på grunn av en intern feil (detaljene står i tjenestens logg)"
STORES_NOT_ANSWERING = "søkeindeksen eller samtaleloggen svarer ikke (detaljene står i tjenestens logg)"
INTERNAL_ERROR = "Noe gikk galt hos oss. Prøv igjen om litt."
NOT_FOUND_PATH = "Fant ikke «{path}»."
METHOD_NOT_ALLOWED = "«{path}» kan ikke brukes med {method}."
MISSING_FILE = "Forespørselen mangler filen. Send den som multipart-feltet «file»."
INVALID_FORM = "Skjemadataene i forespørselen kunne ikke leses. Send filen som multipart/form-data."
UPLOAD_DONE = "«{name}» er lest inn ({chunks} tekstbiter)."
# The CSV export of unanswered questions (/api/admin/gaps.csv): its header row and file name.
GAPS_CSV_HEADER = ("antall", "ubesvart", "tommel ned", "siste", "eksempel", "svar", "spørsmål")
GAPS_CSV_FILENAME = "ubesvarte-sporsmal.csv"

# The scheme advisor (assistant/advisor.py).
ELIGIBILITY_UNCLEAR_ASK = (
    "Dokumentene jeg har, avgjør ikke dette, så spør den som forvalter ordningen: Statsforvalteren, "
    "fylkeskommunen eller Utdanningsdirektoratet (Udir)."
)
ADVISOR_HEAD = (
    "Ut fra det du har oppgitt ({profile}), er dette ordningene i dokumentene og hvordan de passer:"
)
ADVISOR_NO_PROFILE = "ingen opplysninger om eier eller sektor ennå"
ADVISOR_FIT_HEADINGS = {
    "passer": "\nPasser:",
    "kan passe": "\nKan passe:",
    "passer ikke": "\nPasser trolig ikke:",
}
ADVISOR_APPLY_TO = " Søk eller ta kontakt: {where}."
ADVISOR_ASK_OWNER = "\nHvem er dere: kommune, fylkeskommune, privat barnehageeier eller privat skoleeier?"
ADVISOR_ASK_SECTOR = (
    "\nGjelder det barnehage, grunnskole, videregående, fag- og yrkesopplæring, PP-tjenesten eller SFO?"
)
OWNER_NAMES = {
    "kommune": "kommune",
    "fylkeskommune": "fylkeskommune",
    "privat_barnehageeier": "privat barnehageeier",
    "privat_skoleeier": "privat skoleeier",
}
# "Hvem kan søke …?" in a named scheme, answered from the catalogue: the owner types, then the quotes.
WHO_APPLIES = "I {scheme} kan {owners} søke om eller melde behov for midler"
CONTACT = "Om {scheme} tar dere kontakt med {who}"
CONTACT_UNSAID = (
    "Kildene sier ikke hvem dere tar kontakt med om {scheme}. Spør Statsforvalteren i fylket ditt (barnehage "
    "og grunnopplæring), fylkeskommunen (fag- og yrkesopplæring) eller Utdanningsdirektoratet (Udir)."
)
CONTACT_MANAGED = "Dette sier de om hvem som forvalter {scheme}"
# "Hvordan går det til …?" in a scheme, answered from the catalogue's process, one cited step per line.
PROCESS_HEAD = "Slik går det til i {scheme}:"
# "Hvor sender vi behovsmeldingen?" in a scheme, answered from the catalogue's apply_to, then the quotes.
SEND_TO = "I {scheme} melder dere behovene til {who}"
OWNER_PLURALS = {
    "kommune": "kommuner",
    "fylkeskommune": "fylkeskommuner",
    "privat_barnehageeier": "private barnehageeiere",
    "privat_skoleeier": "private skoleeiere",
}
NEED_NAMES = {
    "kollektiv": "kollektiv kompetanseutvikling",
    "individuell": "videreutdanning for enkeltansatte",
    "veiledning": "veiledning",
}
SCHEME_NOT_FOUND = "Fant ingen ordning med id «{id}». Se GET /api/schemes for alle ordningene."
ADVISOR_OFF = "Ordningskatalogen (schemes.yaml) mangler, så rådgiveren er slått av."
ADVISOR_BROKEN = (
    "Ordningskatalogen har feil, så rådgiveren er slått av; svarene kommer fra søket i dokumentene "
    "(detaljene står i tjenestens logg)."
)
INVALID_CHOICE = "{field}: «{value}» er ikke en gyldig verdi. Tillatte verdier: {allowed}"
CHOICES_HELP = "Én av: {allowed}."

# The scheme catalogue and advisor (assistant/schemes.py, schemes_match.py).
CATALOGUE_INVALID = "Ordningskatalogen «{path}» har {count} feil:\n{problems}"
CATALOGUE_UNREADABLE = "Ordningskatalogen «{path}» kunne ikke leses: {reason}"
CATALOGUE_NOT_A_LIST = "Ordningskatalogen skal være en liste med ordninger."
ENTRY_NOT_A_MAPPING = "Ordning nr. {number} skal være en samling felt (id, name, …)."
ENTRY_PROBLEM = "Ordningen «{id}», felt {field}: {problem}"
KEY_MISSING = "«{key}» mangler"
KEY_NOT_TEXT = "«{key}» skal være en tekst"
NOT_TEXT = "skal være en tekst"
NOT_A_LIST = "skal være en liste"
NOT_A_MAPPING = "skal ha feltene {keys}"
UNKNOWN_FIELD = "ukjent felt; tillatte felt er {keys}"
UNKNOWN_KEYS = "ukjente nøkler: {keys}"
BAD_VALUE = "ugyldig verdi «{value}»; tillatte verdier er {allowed}"
BAD_ID = "«{value}» er ikke en gyldig id (små bokstaver, tall og bindestrek, for eksempel «regional-ordning»)"
DUPLICATE_ID = "id-en brukes av mer enn én ordning"
DUPLICATE_TERM = "«{term}» brukes også som navn eller alias for ordningen «{other}»"
NO_SOURCES = "minst ett kildedokument må oppgis"
SOURCE_NOT_LISTED = "dokumentet «{document}» er sitert, men står ikke under sources"
UNKNOWN_DOCUMENT = "dokumentet «{document}» finnes ikke i {corpus}"
UNREADABLE_DOCUMENT = "dokumentet «{document}» kunne ikke leses: {reason}"
QUOTE_NOT_FOUND = "sitatet finnes ikke ordrett i {document}: «{quote}»"
OWNER_PLURAL = {
    "kommune": "kommuner",
    "fylkeskommune": "fylkeskommuner",
    "privat_barnehageeier": "private barnehageeiere",
    "privat_skoleeier": "private skoleeiere",
}
SCHEME_SECTOR_NAMES = {
    "barnehage": "barnehage",
    "grunnskole": "grunnskole",
    "videregaende": "videregående opplæring",
    "fag_og_yrkesopplaering": "fag- og yrkesopplæring",
    "ppt": "PP-tjenesten",
    "sfo": "SFO",
}
KIND_NAMES = {
    "kollektiv": "kollektiv kompetanseutvikling",
    "individuell": "individuell kompetanseutvikling",
    "veiledning": "veiledning",
    "ressurs": "en ressurs, ikke midler å søke om",
}
KIND_FITS = {
    "kollektiv": "Ordningen støtter kollektiv kompetanseutvikling.",
    "individuell": "Ordningen gjelder individuell kompetanseutvikling.",
    "veiledning": "Ordningen gir veiledning.",
    "ressurs": "Dette er en ressurs å bruke i kompetanseutvikling, ikke midler å søke om.",
}
KIND_MISFITS = "Dere ser etter {need}, men ordningen gjelder {kind}."
OWNER_FITS = "Ordningen er for {name}."
OWNER_MISFITS = "Ordningen er ikke for {asked}; den er for {listed}."
OWNER_ALSO = "Den er også for {listed}."
SECTOR_FITS = "Ordningen gjelder {name}."
SECTOR_MISFITS = "Ordningen gjelder ikke {asked}; den gjelder {listed}."
SECTOR_ALSO = "Den gjelder også {listed}."
GROUP_STATUS = {
    "ja": "{group} er i målgruppen.",
    "som_hovedregel_ikke": "{group} er som hovedregel ikke i målgruppen.",
    "nei": "{group} er ikke i målgruppen.",
}
GROUP_NARROWER = "{asked} hører til gruppen «{group}». "
# Not plainly in the target group asked about, the group is named as one in other schemes.
GROUP_NAMED_ELSEWHERE = "{group} er nevnt som målgruppe i {schemes}"
GROUP_EVERYONE = "Ordningen er åpen for alle."
GROUP_OPEN = "Ordningen kan omfatte flere enn gruppene som er nevnt, men nevner ikke {asked} særskilt."
GROUP_MENTIONED = "Kildene nevner {asked} i omtalen av ordningen, men sier ikke at de er i målgruppen."
GROUP_EXCEPTION = "Unntak: {value}."
EXPLAIN_EXCEPTION = "; unntak: {value}."
CONDITION = "Vilkår: {value}."
TOPIC_HIT = "Om temaet: {value}."
EXPLAIN_STATUS = {
    "ja": "{group} er i målgruppen for {scheme}.",
    "som_hovedregel_ikke": "{group} er som hovedregel ikke i målgruppen for {scheme}.",
    "nei": "{group} er ikke i målgruppen for {scheme}.",
}
# The same, for a group asked about in other words: one sentence, so the mapping and the verdict read as
# one claim with the quote it rests on.
EXPLAIN_STATUS_VIA = {
    "ja": "{asked} hører til gruppen «{group}», som er i målgruppen for {scheme}.",
    "som_hovedregel_ikke": (
        "{asked} hører til gruppen «{group}», som som hovedregel ikke er i målgruppen for {scheme}."
    ),
    "nei": "{asked} hører til gruppen «{group}», som ikke er i målgruppen for {scheme}.",
}
# A group whose own sector the scheme names as a target group ("Instruktører" and fag- og yrkesopplæring).
EXPLAIN_SECTOR_VIA = "{asked} hører til {sector}, som inngår som målgruppe i {scheme}."
EXPLAIN_SECTOR_ITSELF = "{sector} inngår som målgruppe i {scheme}."
EXPLAIN_EVERYONE = "{scheme} er åpen for alle, også {asked}."
# A group that works only in sectors the scheme is not for: the sectors it is for, with their quotes.
EXPLAIN_OTHER_SECTOR = "{scheme} gjelder {listed}, og {asked} arbeider i {own}."
# One sentence, ending in the quote it rests on: what is unclear, and which groups the sources do name.
EXPLAIN_UNCLEAR = "Det er uklart om {asked} er i målgruppen for {scheme}"
EXPLAIN_UNCLEAR_OPEN = ", som kan omfatte flere enn gruppene som er nevnt"
EXPLAIN_NAMED = "; målgruppene som er nevnt, er {groups}."
EXPLAIN_NO_GROUPS = "; kildene nevner ingen målgrupper for ordningen."
# A group that a scheme of the same kind names, and this one does not: the groups this one names.
EXPLAIN_NOT_NAMED = "{asked} er ikke blant målgruppene som er nevnt for {scheme}; de er {groups}."
# A group of staff asked as the one who applies for a collective scheme's money: who reports the needs.
GROUP_NOT_APPLYING = "{group} søker ikke selv om midler fra {scheme}; kildene sier hvem som melder behovene"
EXPLAIN_NO_GROUP_GIVEN = "Ingen gruppe er oppgitt, så det er uklart."
NEXT_CONTACT = "Ta kontakt med {where}."
NEXT_NO_CONTACT = "Kildene sier ikke hvor dere tar kontakt."
NEXT_ASK = "Spør Utdanningsdirektoratet (Udir) eller Statsforvalteren."
NEXT_PROCESS = "Kildene sier: {process}."
NEXT_RESOURCE = "Dette er en ressurs, ikke en søknadsordning."
NEXT_CHECK = "Kildene sier ikke {unknowns}; sjekk det før dere går videre."
NEXT_NO_FIT = "Ordningen passer ikke ut fra det dere har oppgitt."
UNKNOWN_OWNER = "hvem som kan søke"
UNKNOWN_SECTOR = "hvilke sektorer ordningen gjelder"
UNKNOWN_KIND = "om ordningen er kollektiv eller individuell"
UNKNOWN_GROUP = "om {asked} er i målgruppen"
CONTACT_PHRASES = {"Statsforvalteren": "Statsforvalteren i fylket ditt"}
PROPER_NAMES = ("Statsforvalteren", "Utdanningsdirektoratet", "Udir")
AND = "og"
OR = "eller"
SCHEME_UNKNOWN = "Fant ingen ordning med id «{id}»."
PROFILE_INVALID = "{field}: «{value}» er ikke en gyldig verdi. Tillatte verdier: {allowed}."

# Written standard (assistant/language.py).
APERTIUM_MISSING = (
    "Oversettelse mellom bokmål og nynorsk er ikke tilgjengelig her (Apertium er ikke installert), "
    "så svaret er på bokmål."
)
APERTIUM_FAILED = "Oversettelsen til nynorsk feilet, så svaret er på bokmål."
# Said once, at the end of an answer rendered in nynorsk. Written in nynorsk for nynorsk readers.
NYNORSK_NOTE = (
    "Svaret er omsett maskinelt til nynorsk. Sitata frå kjeldene står ordrett, slik kjeldene sjølve "
    "skriv dei."
)
NYNORSK_NOTE_NO_QUOTES = "Svaret er omsett maskinelt til nynorsk."
NYNORSK_NOTE_LLM = "Sitata frå kjeldene står ordrett, slik kjeldene sjølve skriv dei."
NYNORSK_UNAVAILABLE = "Omsetjing til nynorsk er ikkje tilgjengeleg her, så svaret er på bokmål."
NYNORSK_FAILED = "Omsetjinga til nynorsk gjekk ikkje, så svaret er på bokmål."

# The LLM answer backend (assistant/answer/llm.py, assistant/answer/prompts.py).
LLM_UNAVAILABLE = "Språkmodellen svarte ikke; svaret er satt sammen av utdrag fra kildene i stedet."
PROMPT_NOT_FOUND = "Fant ikke prompt-filen {file} i {directory}."
MAALFORM_NAMES = {"nb": "bokmål", "nn": "nynorsk"}
LLM_SOURCE = "[{n}] {title} ({published}) — {section}\n{text}"
# The sources sit between tags that no passage can contain (answer/llm.py removes them from the text), so a
# planted "Spørsmål: …" inside a document cannot pass for the end of the sources.
LLM_SOURCES_OPEN, LLM_SOURCES_CLOSE = "<kilder>", "</kilder>"
LLM_ANSWER_REQUEST = "Kilder:\n<kilder>\n{sources}\n</kilder>\n\nSpørsmål: {question}"
LLM_LETTER_REQUEST = "Kilder:\n<kilder>\n{sources}\n</kilder>\n\nSpørsmål fra henvendelsen: {question}"
LLM_FOLLOW_UP_REQUEST = "Tidligere spørsmål:\n{previous}\n\nNytt spørsmål: {question}"
LLM_MODEL_MISSING = "ASSISTANT_LLM={backend} krever at ASSISTANT_LLM_MODEL er satt."
LLM_NO_CITED_CLAIM = (
    "Språkmodellen ga ikke et svar med kildehenvisninger, så svaret er satt sammen av utdrag fra kildene."
)

# Reply drafts for secretariat staff (assistant/draft.py, assistant/letter_docx.py). The letter's fixed
# text is written by hand in both written standards, so a nynorsk letter never depends on Apertium.
INQUIRY_EMPTY = "Henvendelsen er tom. Lim inn teksten i henvendelsen du vil svare på."
INQUIRY_TOO_LONG = "Henvendelsen er for lang ({length} tegn). Høyeste tillatte lengde er {limit} tegn."
INQUIRY_TOO_MANY_QUESTIONS = (
    "Henvendelsen har {count} spørsmål. Et utkast kan svare på høyst {limit}; "
    "del henvendelsen i flere utkast."
)
INQUIRY_STDIN_HINT = "Lim inn henvendelsen og avslutt med Ctrl-D:"
DRAFT_WRITTEN = "Word-fila er lagret i {path}."
LETTER_DATE = {"nb": "Dato: {date}", "nn": "Dato: {date}"}
LETTER_RECIPIENT = {"nb": "Til: {recipient}", "nn": "Til: {recipient}"}
LETTER_SUBJECT = {"nb": "Svar på henvendelse om {topic}", "nn": "Svar på førespurnad om {topic}"}
LETTER_TOPIC_GENERAL = {
    "nb": "statlige ordninger for kompetanseutvikling",
    "nn": "statlege ordningar for kompetanseutvikling",
}
LETTER_AND = {"nb": "og", "nn": "og"}
LETTER_OR = {"nb": "eller", "nn": "eller"}
LETTER_GREETING = {"nb": "Hei,", "nn": "Hei,"}
LETTER_GREETING_NAMED = {"nb": "Hei {name},", "nn": "Hei {name},"}
LETTER_INTRO_ONE = {
    "nb": (
        "Takk for henvendelsen din. Svaret nedenfor bygger på dokumentene vi har om statlige ordninger "
        "for kompetanseutvikling, og viser til kildene i listen til slutt."
    ),
    "nn": (
        "Takk for førespurnaden din. Svaret nedanfor byggjer på dokumenta vi har om statlege ordningar "
        "for kompetanseutvikling, og viser til kjeldene i lista til slutt."
    ),
}
LETTER_INTRO_MANY = {
    "nb": (
        "Takk for henvendelsen din. Du stilte {count} spørsmål, og vi svarer på dem ett for ett nedenfor. "
        "Svarene bygger på dokumentene vi har om statlige ordninger for kompetanseutvikling, og hvert svar "
        "viser til kildene i listen til slutt."
    ),
    "nn": (
        "Takk for førespurnaden din. Du stilte {count} spørsmål, og vi svarar på dei eitt for eitt nedanfor. "
        "Svara byggjer på dokumenta vi har om statlege ordningar for kompetanseutvikling, og kvart svar "
        "viser til kjeldene i lista til slutt."
    ),
}
LETTER_COUNT_WORDS = {
    2: "to",
    3: "tre",
    4: "fire",
    5: "fem",
    6: "seks",
    7: "sju",
    8: "åtte",
    9: "ni",
    10: "ti",
}
LETTER_NOT_ALL_COVERED = {
    "nb": "Kildene våre dekker ikke alle spørsmålene. Det står tydelig under spørsmålene det gjelder.",
    "nn": "Kjeldene våre dekkjer ikkje alle spørsmåla. Det står tydeleg under spørsmåla det gjeld.",
}
LETTER_QUESTION_HEADING = {"nb": "Spørsmål {n}", "nn": "Spørsmål {n}"}
LETTER_NOT_COVERED = {
    "nb": (
        "Dette spørsmålet dekkes ikke av kildene vi har, så vi kan ikke gi deg et sikkert svar på det her. "
        "Se under for hvem du kan spørre."
    ),
    "nn": (
        "Dette spørsmålet er ikkje dekt av kjeldene vi har, så vi kan ikkje gi deg eit sikkert svar på det "
        "her. Sjå under for kven du kan spørje."
    ),
}
LETTER_RULES_HEADING = {"nb": "Regelverk og føringer", "nn": "Regelverk og føringar"}
LETTER_RULES_INTRO = {"nb": "Svaret bygger på disse dokumentene:", "nn": "Svaret byggjer på desse dokumenta:"}
LETTER_CONTACT_HEADING = {"nb": "Hvem kan du kontakte", "nn": "Kven kan du kontakte"}
LETTER_CONTACT_SCHEME = {
    "nb": "Har du flere spørsmål om {scheme}, kan du ta kontakt med {where}.",
    "nn": "Har du fleire spørsmål om {scheme}, kan du ta kontakt med {where}.",
}
LETTER_CONTACT = {
    "nb": "Har du flere spørsmål om dette, kan du ta kontakt med {where}.",
    "nn": "Har du fleire spørsmål om dette, kan du ta kontakt med {where}.",
}
LETTER_WHOM_TO_ASK = {
    "nb": WHOM_TO_ASK,
    "nn": (
        "Spør Statsforvaltaren i fylket ditt (barnehage og grunnopplæring), fylkeskommunen "
        "(fag- og yrkesopplæring) eller Utdanningsdirektoratet (Udir)."
    ),
}
LETTER_CONTACT_PHRASES = {
    "nb": {"Statsforvalteren": "Statsforvalteren i fylket ditt"},
    "nn": {"Statsforvalteren": "Statsforvaltaren i fylket ditt"},
}
LETTER_CLOSING = {"nb": "Med vennlig hilsen", "nn": "Med venleg helsing"}
LETTER_SENDER_PLACEHOLDER = {"nb": "[Navn, stilling]", "nn": "[Namn, stilling]"}
LETTER_SOURCES_HEADING = {"nb": "Kilder", "nn": "Kjelder"}
LETTER_PAGE = {"nb": "side {page}", "nn": "side {page}"}
LETTER_ADDRESS = {"nb": "{publisher}, dokumentet {document}", "nn": "{publisher}, dokumentet {document}"}
LETTER_ADDRESS_FILE = {"nb": "Dokumentet {document}", "nn": "Dokumentet {document}"}
LETTER_AI_NOTE = {
    "nb": (
        "Dette er et utkast laget med KI-støtte (Kompetanseassistenten). Kontroller innhold og kilder "
        "før det sendes."
    ),
    "nn": (
        "Dette er eit utkast laga med KI-støtte (Kompetanseassistenten). Kontroller innhald og kjelder "
        "før det blir sendt."
    ),
}
LETTER_NYNORSK_NOTE = (
    "Svara er omsette maskinelt til nynorsk. Sitata frå kjeldene står ordrett, slik kjeldene sjølve "
    "skriv dei."
)

# Rule files (assistant/rules.py): checked at start-up, so a typo stops the start with one of these.
RULE_FILES_INVALID = "Regelfilene har {count} feil:\n{problems}"
RULE_FILE_INVALID = "Regelfila {file} er ugyldig: {problem}."
RULE_FILE_MISSING = "Regelfila {file} finnes ikke ({path})."
RULE_FILE_UNREADABLE = "Regelfila {file} kunne ikke leses: {reason}."
RULE_YAML_ERROR = "linje {line}: YAML-feil: {problem}"
RULE_YAML_DUPLICATE_KEY = "linje {line}: nøkkelen «{key}» står to ganger"
RULE_DIR_MISSING = "Regelmappa {path} finnes ikke."
RULE_DIR_UNKNOWN_FILE = (
    "Regelmappa {path} har fila {file}, som ikke er en regelfil. Regelfilene heter {known}."
)
RULE_FIELD = "feltet {path}"
RULE_FIELD_LINE = "feltet {path} (linje {line})"
RULE_WHOLE_FILE = "innholdet"
RULE_ITEM = "nr. {number}"
# One clause per error type: pydantic's own types (as for API requests, but a rule file is YAML, not JSON)
# and the rule checks' own. {field} is RULE_FIELD or RULE_FIELD_LINE; the other names are the context.
RULE_ERRORS = {
    **VALIDATION_ERRORS,
    "extra_forbidden": "{field} er ikke et kjent felt (skrivefeil?)",
    "dict_type": "{field} skal være en samling «navn: verdi»",
    "model_type": "{field} skal være en samling «navn: verdi»",
    "model_attributes_type": "{field} skal være en samling «navn: verdi»",
    "tuple_type": "{field} skal være en liste",
    "rule_duplicate": "{field}: {values} står flere ganger",
    "rule_bad_pattern": "{field}: «{pattern}» er ikke et gyldig regulært uttrykk ({reason})",
    "rule_bad_replacement": "{field}: «{replacement}» er ikke en gyldig erstatning ({reason})",
    "rule_bad_template": "{field}: «{template}» skal ha plassholderen {placeholder} og ingen andre",
    "rule_not_allowed": "{field}: «{value}» er ikke tillatt her; tillatt er {allowed}",
    "rule_keys_missing": "{field} mangler {keys}",
}
RULE_OTHER = VALIDATION_OTHER

# --- answers in parts (assistant/answer/parts.py) ----------------------------------------------------
PART_NOT_COVERED = "Kildene gir ikke svar på dette."
# "Hvilke er det?" after a count the sources give, though they name none of those counted
ABSTAIN_NOT_NAMED = "Kildene sier hvor mange det er, men ikke hvilke."
# "Hvilke universiteter …?" when the sources name none of them
NOT_NAMED_KIND = "Kildene sier ikke hvilke {kind} det er."
PART_SAID_ABOVE = "Det kildene sier om dette, står over."

# --- lead-ins of extractive answers (assistant/answer/extractive.py) -----------------------------------
LEAD_YES = "Ja."
LEAD_AS_A_RULE_NOT = "Som hovedregel ikke."
LEAD_NOT_NECESSARILY = "Nei, ikke nødvendigvis."
# «Er det X eller Y som …?»: the one of them the sources name
LEAD_WHICH = "Det er {body}."
NOT_DIRECTLY = "Kildene sier ikke dette direkte."
LEAD_NOT_DIRECTLY = f"{NOT_DIRECTLY} Dette er det de sier:"
ANSWER_REFERENT = "{heading}: {text}"

# --- the advisor's yes/no answers (assistant/schemes/advisor.py, verdicts.py) ------------------------
YES_NO_HEAD = "{lead} {explanation}"
YES_NO_LEADS = {
    "ja": "Ja.",
    "nei": "Nei.",
    "som hovedregel ikke": "Som hovedregel ikke.",
    "uklart": "Kildene sier ikke dette direkte.",
}
# "Er Kompetanseløftet en del av yrkesfagordningen?": a part of another umbrella scheme than the one asked
PART_OF_OTHER = "{part} er en del av {umbrella}, ikke av {asked}."
PART_OF = "{part} er en del av {umbrella}."
SAID_GROUPS = "Dette sier kildene om hvem ordningen er for:"
SAID_SCHEME = "Dette sier kildene om ordningen:"
OWNER_YES = "{scheme} er for {owners}."
OWNER_NO = "{scheme} gjelder {listed}, og {owners} driver {own}."
OWNER_OTHER = "Kildene nevner en annen eier som den som søker."
SECTOR_YES = "{scheme} gjelder {sectors}."
SECTOR_NO = "{scheme} gjelder {listed}, ikke {asked}."
# The sibling scheme (of the same umbrella) that is for the sector the scheme asked about is not for.
SECTOR_ELSEWHERE = "For {asked} er det {schemes}"
OWNER_UNCLEAR = "Det er uklart om {owners} kan søke på {scheme}. Kildene nevner {listed}."
OWNER_NO_LIST = "Kildene sier ikke hvem som kan søke på {scheme}."
PARTNER_NAMES = {
    "universitet_hogskole": "universiteter og høyskoler",
    "fagskole": "fagskoler",
    "kompetansemiljo": "andre relevante kompetansemiljøer",
    "arbeidslivet": "arbeidslivet",
    "bransjeorganisasjon": "bransjeorganisasjoner",
    "bedrift": "bedrifter",
}
PARTNER_YES = "{partners} kan være samarbeidspartner eller tilbyder i {scheme}."
PARTNER_UNCLEAR = (
    "Kildene nevner ikke {partners} som samarbeidspartner eller tilbyder i {scheme}. De nevner {listed}."
)
PARTNER_NO_LIST = "Kildene sier ikke hvem som kan være samarbeidspartner eller tilbyder i {scheme}."
PARTNER_FITS = "Samarbeidspartnere og tilbydere: {name}."
OWNER_RESOURCE_YES = "{scheme} er en ressurs for {sectors}, ikke midler å søke om."
OWNER_RESOURCE_UNCLEAR = (
    "{scheme} er en ressurs, ikke midler å søke om, og kildene sier ikke hvem den er for."
)
USE_YES = "Kildene sier at midlene i {scheme} kan brukes til dette."
USE_FUNDS = "Midlene går til: {value}."
USE_KIND_NO = "Midlene i {scheme} skal gå til {kind}, ikke til {need}."
USE_ONE_NO = (
    "Midlene i {scheme} skal gå til kollektiv kompetanseutvikling, ikke til kurs eller utdanning som én "
    "ansatt tar på egen hånd."
)
USE_UNCLEAR = "Det er uklart om midlene i {scheme} kan brukes til {use}."
USE_MEASURE_YES = "{use} er et kollektivt kompetansetiltak, og det er det midlene i {scheme} skal gå til."
MEASURE_IS = "Kurs, seminarer, hospitering og konferanser er etterutdanning, altså kompetansetiltak."
PROCUREMENT_TENDER = "Om anbud sier de ikke noe, men dette gjelder: {value} ({scheme})."
PROCUREMENT_UNCLEAR = "De nevner ikke anbud eller offentlige anskaffelser for {scheme}."
PROCUREMENT_SAID = "Dette sier kildene om hvem tiltakene gjennomføres med:"
USE_WHAT_FOR = "Dette sier kildene om hva midlene skal gå til:"
USE_ALTERNATIVES = "Til {need} finnes:"
USE_SECTOR_NO = "{scheme} gjelder {sectors}."
USE_SECTOR_ALTERNATIVES = "For {sectors} finnes:"
ALTERNATIVE = "{scheme}: {value}."
ALTERNATIVE_NAMED = "{scheme}."
ADVISOR_FITS_FOR = " Passer for: {sectors}."
CLARIFY_REFERENT = (
    "Hva eller hvilken ordning tenker du på? Spørsmålet viser til noe som ikke er nevnt. Skriv gjerne "
    "navnet på ordningen eller forumet, så svarer jeg ut fra kildene."
)
# "Hvor mye får hver kommune?": the documents give totals only (answer/shares.py); they follow this line
SHARE_UNSAID = "Kildene oppgir ikke hvor mye {who} {got}, bare samlede beløp:"
# "Hvor mye får Kompetanseløftet i 2026?" when the sources give the scheme's figure for another year only
# (answer/amounts.py); the lines for that year follow
AMOUNT_OTHER_YEAR = (
    "Kildene oppgir ikke beløpet for {name} for {year}. Det de oppgir for ordningen, gjelder {other}:"
)
# "Hvor mye er det i ordningen på landsbasis?" when the sources give one county's figures only
ABSTAIN_NATIONAL = (
    "Dokumentene jeg har om statlige ordninger for kompetanseutvikling, oppgir ikke beløp for hele landet, "
    "bare for enkelte fylker, så jeg vil ikke gjette. " + WHOM_TO_ASK
)
# "Hvor mye fikk Nordland og Troms?": the names the documents never mention, above the answer for the rest
NAMES_UNSAID = "Kildene sier ikke noe om {names}. Dette sier de om resten av spørsmålet:"
# A yes/no question the documents settle neither way: the verdict first, then whom to ask
ABSTAIN_YES_NO = "Kildene sier ikke dette direkte, så jeg vil ikke gjette. " + WHOM_TO_ASK
# A question about a matter the documents never speak of ("moms", "overtid"): named, not guessed at.
ABSTAIN_UNSPOKEN = (
    "Dokumentene jeg har om statlige ordninger for kompetanseutvikling, sier ingenting om «{matter}», så jeg "
    "vil ikke gjette. " + WHOM_TO_ASK
)
# "Hvor mye får vi i år?" when the sources give figures only for other years.
ABSTAIN_OTHER_YEAR = (
    "Dokumentene jeg har om statlige ordninger for kompetanseutvikling, oppgir ikke dette for {year}, bare "
    "for andre år, så jeg vil ikke gjette. " + WHOM_TO_ASK
)
ABSTAIN_CONTACT = (
    "Dokumentene jeg svarer ut fra, oppgir ikke kontaktpersoner, telefonnumre eller e-postadresser. Spør "
    "Statsforvalteren i fylket ditt (barnehage og grunnopplæring), fylkeskommunen (fag- og yrkesopplæring) "
    "eller Utdanningsdirektoratet (Udir)."
)

# A "hvem" question that names no scheme, where the schemes that share a forum's name differ on who it is:
# the answer for each, under its name.
FOR_EACH_SCHEME = "Dette er ulikt i ordningene. Svaret for hver av dem:"
FOR_SCHEME = "{name}"
# A question comparing the schemes it names: what the sources say of each, labelled.
FOR_COMPARED_SCHEMES = "Svaret for hver av ordningene:"
