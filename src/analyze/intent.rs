//! Intent: ordered cue rules over the masked text plus the sentiment. Offensive first (never
//! feed a troll): slurs, insults and threats always; profanity only when there is no complaint to
//! answer (an angry customer who swears about a lost bag is still a customer with a lost bag).
//! Then the shapes whose words mislead: a problem the brand put right and low hopes proved wrong
//! are praise, a problem report, being made to call again and again, or praise for a repeated
//! mishap are complaints, not knowing asks. Then complaint (a complaint phrased as a question is
//! still a complaint), suggestion (a request for a change included), question (with or without a
//! question mark), praise, other. Each cue list is compiled once ([`super::phrases`]). The slur list is derived from MIT-licensed
//! data (`offensive_words.txt`, see DATA-SOURCES.md); the cue phrases are the project's own.
//! Measured in ACCURACY.md (`./build.sh eval`).

use serde::{Deserialize, Serialize};

use super::phrases::{on_boundaries, Phrases};
use super::sentiment::{Sentiment, SentimentLabel};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Intent {
    Praise,
    Complaint,
    Question,
    Suggestion,
    Offensive,
    Other,
}

impl Intent {
    pub fn as_str(self) -> &'static str {
        match self {
            Intent::Praise => "praise",
            Intent::Complaint => "complaint",
            Intent::Question => "question",
            Intent::Suggestion => "suggestion",
            Intent::Offensive => "offensive",
            Intent::Other => "other",
        }
    }
}

/// Insults, threats and harassment (the project's own), on top of `offensive_words.txt`.
const INSULTS: &[&str] = &[
    "idiot",
    "idiots",
    "stupid",
    "moron",
    "morons",
    "scum",
    "losers",
    "loser",
    "clowns",
    "dumbass",
    "jackass",
    "imbecile",
    "retarded",
    "bastard",
    "bastards",
    "bitch",
    "fuck you",
    "fuck off",
    "screw you",
    "shut up",
    "go to hell",
    "burn in hell",
    "kill yourself",
    "kys",
    "i will kill",
    "gonna kill",
    "kill you",
    "die in",
    "you suck",
    "u suck",
    "garbage company",
    "trash company",
    "liar",
    "liars",
    "traitor",
    "disgusting people",
    // Spanish, French, German, Italian, Portuguese, Dutch, Japanese: common insults and
    // "shut up / get lost", written for the project.
    "idiota",
    "idiotas",
    "imbécil",
    "imbéciles",
    "estúpido",
    "estúpidos",
    "payasos",
    "inútiles",
    "perdedores",
    "sinvergüenzas",
    "gilipollas",
    "cállate",
    "vete a la mierda",
    "connard",
    "connards",
    "salope",
    "abruti",
    "abrutis",
    "crétin",
    "crétins",
    "débiles",
    "bouffons",
    "escrocs",
    "minables",
    "ta gueule",
    "ferme-la",
    "va te faire",
    "arschloch",
    "arschlöcher",
    "vollidiot",
    "vollidioten",
    "trottel",
    "versager",
    "betrüger",
    "halt die klappe",
    "halt's maul",
    "verpisst euch",
    "fahrt zur hölle",
    "idioti",
    "cretino",
    "cretini",
    "imbecille",
    "imbecilli",
    "coglione",
    "coglioni",
    "pagliacci",
    "buffoni",
    "falliti",
    "stronzo",
    "vaffanculo",
    "stai zitto",
    "state zitti",
    "andate al diavolo",
    "puta",
    "imbecil",
    "imbecis",
    "otário",
    "otários",
    "babaca",
    "babacas",
    "palhaços",
    "fracassados",
    "cala a boca",
    "vai se ferrar",
    "vão se ferrar",
    "vão para o inferno",
    "klootzak",
    "klootzakken",
    "idioot",
    "idioten",
    "sukkel",
    "sukkels",
    "eikel",
    "eikels",
    "debielen",
    "oplichters",
    "hou je bek",
    "rot op",
    "バカ",
    "ばか",
    "馬鹿",
    "死ね",
    "アホ",
    "クズ",
    "カス",
    "負け犬",
    "消えろ",
    "黙れ",
    // Name-calling aimed at a person (not at a product, which would be a complaint).
    "fool",
    "fools",
    "ugly man",
    "ugly woman",
    "despicable",
    "pervert",
    "perverts",
    "a fraud",
    "frauds",
    "snowflake",
    "snowflakes",
    "coward",
    "cowards",
    "hypocrite",
    "hypocrites",
    "creep",
    "creeps",
    "thug",
    "thugs",
    "psycho",
    "lunatic",
    "lunatics",
    "nutjob",
    "traitors",
    "ratbags",
    "scumbag",
    "scumbags",
    "bigot",
    "bigots",
    "dimwit",
    "halfwit",
    "makes me sick",
    "is a cancer",
    "are a cancer",
    "clown",
    "buffoon",
    "lowlife",
    "degenerate",
    "degenerates",
    "sociopath",
    "crook",
    "crooks",
];

/// Swear words people also use to say "very" about something they like.
const INTENSIFYING_SWEARS: &[&str] = &["damn", "fucking", "fuckin", "hell"];

/// Profanity: offensive on its own, but not when it comes with a complaint to answer.
const PROFANITY: &[&str] = &[
    "fuck", "fucking", "fucked", "fuckin", "fucks", "shit", "shitty", "bullshit", "damn", "wtf",
    "piss", "pissed", "ass", "dick", "crap", "hell", "sucks", "suck", "bs", "scheiße", "mierda",
    "merda", "caralho", "merde", "kut", "クソ", "くそ",
];

const OFFENSIVE_WORDS_TEXT: &str = include_str!("offensive_words.txt");

const COMPLAINT_CUES: &[&str] = &[
    "still waiting",
    "never arrived",
    "not working",
    "doesn't work",
    "does not work",
    "won't",
    "refund",
    "delayed",
    "delay",
    "cancelled",
    "canceled",
    "lost",
    "broken",
    "charged",
    "again",
    "worst",
    "terrible",
    "unacceptable",
    "disappointed",
    "cold",
    "rude",
    "crash",
    "crashed",
    "logs me out",
    "error",
    "missing",
    "damaged",
    "wrong",
    "hours",
    "no one",
    "nobody",
    "every time",
    "ridiculous",
    "fix",
    "retard",
    "retraso",
    "verspätung",
    "atraso",
    "ritardo",
];

/// Problem reports: a complaint whatever the tone ("still not received", "app keeps crashing").
const PROBLEM_CUES: &[&str] = &[
    "not working",
    "isn't working",
    "isnt working",
    "is not working",
    "stopped working",
    "doesn't work",
    "does not work",
    "won't work",
    "didn't work",
    "didn't receive",
    "did not receive",
    "haven't received",
    "have not received",
    "not received",
    "never received",
    "never arrived",
    "hasn't arrived",
    "can't open",
    "cant open",
    "can't connect",
    "cant connect",
    "cannot connect",
    "still cant",
    "doesnt work",
    "dont work",
    "isnt working",
    "wont load",
    "wont work",
    "where is my",
    "where's my",
    "wheres my",
    "was supposed to",
    "is supposed to",
    "on hold with",
    "ripping us off",
    "ripping me off",
    "rip off",
    "ripoff",
    "is a joke",
    "need help with",
    "is slow",
    "so slow",
    "too slow",
    "really slow",
    "is pathetic",
    "are pathetic",
    "has not arrived",
    "still not",
    "still no",
    "still haven't",
    "still waiting",
    "still can't",
    "no internet",
    "no service",
    "no signal",
    "no response",
    "no reply",
    "no answer",
    "unable to",
    "can't get",
    "can't log",
    "cannot log",
    "can't access",
    "cannot access",
    "won't let",
    "won't load",
    "doesn't load",
    "keeps crashing",
    "keeps freezing",
    "keeps dropping",
    "keeps saying",
    "keep getting",
    "failed to",
    "error message",
    "error code",
    "went wrong",
    "was wrong",
    "wrong order",
    "wrong item",
    "been waiting",
    "been on hold",
    "on hold for",
    "waited for",
    "charged twice",
    "double charged",
    "overcharged",
    "hidden fee",
    "was cancelled",
    "got cancelled",
    "was canceled",
    "was delayed",
    "been delayed",
    "lost my",
    "lost our",
    "damaged",
    "broken",
    "half empty",
    "what happened to",
    "what gives",
    "fix this",
    "fix it",
    "sort this out",
    "sort it out",
    "not happy",
    "not impressed",
    "not acceptable",
    "fed up",
    "sick of",
    "tired of",
    "ne fonctionne pas",
    "ne marche pas",
    "toujours pas",
    "no funciona",
    "todavía no",
    "sigue sin",
    "funktioniert nicht",
    "immer noch nicht",
    "não funciona",
    "ainda não",
    "non funziona",
    "ancora non",
    "non è ancora",
    "non sono ancora",
    "werkt niet",
    "nog steeds niet",
    "届かない",
    "動かない",
    "使えない",
    "繋がらない",
    "つながらない",
    "できない",
    "logs me out",
    "logged me out",
    "keeps logging me out",
    "kicks me out",
    "every time i open",
    "was cold",
    "is cold",
    "arrived cold",
    "came cold",
    // Charged wrongly, no refund, ignored: in every language Hat Tip reads.
    "charged me twice",
    "charged twice",
    "double charged",
    "overcharged",
    "won't refund",
    "no refund",
    "ignoring my",
    "ignores my",
    "me cobró dos veces",
    "me cobraron dos veces",
    "me cobró de más",
    "me cobraron de más",
    "cobro doble",
    "ignoran mis",
    "ignora mis",
    "sin reembolso",
    "facturé deux fois",
    "prélevé deux fois",
    "débité deux fois",
    "trop facturé",
    "aucun remboursement",
    "ignore mes",
    "doppelt abgebucht",
    "doppelt berechnet",
    "zu viel berechnet",
    "zu viel abgebucht",
    "erstattet nichts",
    "keine erstattung",
    "ignoriert meine",
    "addebitato due volte",
    "addebitati due volte",
    "pagare due volte",
    "nessun rimborso",
    "ignora le mie",
    "ignora i miei",
    "cobrou duas vezes",
    "cobraram duas vezes",
    "cobrança em dobro",
    "cobrou a mais",
    "cobraram a mais",
    "sem reembolso",
    "ignora meus",
    "ignora minhas",
    "dubbel afgeschreven",
    "twee keer afgeschreven",
    "te veel gerekend",
    "te veel afgeschreven",
    "geen terugbetaling",
    "negeert mijn",
    "pas terrible",
    "surfacturé",
    "non rimborsa",
    "二重に請求",
    "返金してくれない",
    "返金されない",
];

/// Asking the brand to change something is an idea, question mark or not: a request opener
/// ("could you", "why not", "könnt ihr") with a verb of change ("add", "einbauen"). A request
/// for help ("could you find my parcel?") has no verb of change, and a post that reads as a
/// complaint is one before this is asked. Written for the project, per language.
const REQUEST_OPENERS: &[&str] = &[
    "could you",
    "can you",
    "would you",
    "why not",
    "why don't you",
    "any chance you",
    "any plans to",
    "is it possible to",
    "se puede",
    "sería posible",
    "est-ce possible",
    "est-il possible",
    "ist es möglich",
    "è possibile",
    "sarebbe possibile",
    "é possível",
    "seria possível",
    "is het mogelijk",
    "podríais",
    "podrían",
    "podéis",
    "pueden",
    "por qué no",
    "pourriez-vous",
    "pouvez-vous",
    "vous pourriez",
    "pourquoi pas",
    "pourquoi ne pas",
    "könnt ihr",
    "könntet ihr",
    "können sie",
    "könnten sie",
    "warum nicht",
    "warum baut ihr",
    "potreste",
    "potete",
    "perché non",
    "poderiam",
    "podiam",
    "podem",
    "por que não",
    "kunnen jullie",
    "zouden jullie",
    "waarom niet",
    "waarom geen",
];
const CHANGE_VERBS: &[&str] = &[
    "add",
    "bring back",
    "introduce",
    "offer",
    "include",
    "launch",
    "make it possible",
    "make it easier",
    "bigger",
    "larger",
    "dark mode",
    "an option",
    "let us",
    "dejarnos",
    "nous laisser",
    "agrandir",
    "uns wählen lassen",
    "lasciarci",
    "farci scegliere",
    "nos deixar",
    "deixar a gente",
    "ons laten",
    "añadir",
    "añadáis",
    "agregar",
    "incluir",
    "ofrecer",
    "poner",
    "más grande",
    "modo oscuro",
    "ajouter",
    "ajoutiez",
    "proposer",
    "intégrer",
    "remettre",
    "plus grand",
    "plus grande",
    "mode sombre",
    "einbauen",
    "hinzufügen",
    "anbieten",
    "einführen",
    "ermöglichen",
    "größer",
    "wählbar",
    "dunkelmodus",
    "aggiungere",
    "aggiungete",
    "introdurre",
    "offrire",
    "inserire",
    "più grande",
    "modalità scura",
    "adicionar",
    "oferecer",
    "colocar",
    "maior",
    "modo escuro",
    "toevoegen",
    "toe te voegen",
    "aanbieden",
    "invoeren",
    "mogelijk maken",
    "groter",
    "donkere modus",
];

/// A problem the brand put right is praise, whatever words the problem takes ("lost my bag and
/// they found it the same day", "Koffer verloren und sie haben es kostenlos ersetzt"): one of
/// these, not negated, with thanks or praise. Written for the project, per language.
const PUT_RIGHT: &[&str] = &[
    "fixed it",
    "had it fixed",
    "fixed my",
    "replaced it",
    "replaced my",
    "sent a new one",
    "sent me a new",
    "found it",
    "sorted it",
    "sorted out",
    "refunded me",
    "repariert",
    "ersetzt",
    "ersatz geschickt",
    "gefunden",
    "erstattet",
    "me lo cambió",
    "me lo cambiaron",
    "lo arreglaron",
    "lo arregló",
    "me mandaron otro",
    "me mandó otro",
    "lo encontraron",
    "me devolvieron",
    "réparé",
    "remplacé",
    "renvoyé un",
    "retrouvé",
    "remboursé",
    "riparato",
    "sostituito",
    "mandato un altro",
    "ritrovato",
    "rimborsato",
    "consertou",
    "consertaram",
    "trocou",
    "trocaram",
    "substituiu",
    "mandaram outro",
    "encontraram",
    "reembolsaram",
    "gerepareerd",
    "vervangen",
    "nieuwe gestuurd",
    "teruggevonden",
    "terugbetaald",
    "直して",
    "交換して",
    "見つけて",
    "返金して",
];
const THANKS: &[&str] = &[
    "thank",
    "thanks",
    "thx",
    "danke",
    "gracias",
    "merci",
    "grazie",
    "obrigado",
    "obrigada",
    "bedankt",
    "dankjewel",
    "dank je",
    "ありがとう",
    "top service",
    "servicio top",
    "servizio top",
    "for free",
    "kostenlos",
    "gratis",
    "grátis",
    "gratuitement",
    "unglaublich",
    "incroyable",
    "incredibili",
    "incrível",
];
const NOT_BEFORE: &[&str] = &[
    "not ", "n't ", "never ", "nicht ", "nie ", "no ", "non ", "não ", "niet ", "pas ", "nunca ",
];

/// Being made to call or write again and again is a complaint, however calm the words ("fifth
/// time calling this week"): an ordinal or "another" with a way of getting in touch.
const CONTACT: &[&str] = &[
    "time calling",
    "time i call",
    "call",
    "email",
    "chat",
    "anruf",
    "mail",
    "llamada",
    "vez que llamo",
    "correo",
    "appel",
    "fois que j'appelle",
    "chiamata",
    "volta che chiamo",
    "ligação",
    "vez que ligo",
    "keer bellen",
    "keer dat ik bel",
    "telefoontje",
];

/// Low hopes proved wrong are praise ("didn't expect much from them but…", "never liked X but
/// this changed my mind"): one of these, then a turn. Written for the project, per language.
const LOW_HOPES: &[&str] = &[
    "didn't expect much",
    "did not expect much",
    "wasn't expecting much",
    "never liked",
    "was skeptical",
    "was sceptical",
    "had my doubts",
    "nicht viel erwartet",
    "wenig erwartet",
    "war skeptisch",
    "no esperaba mucho",
    "no esperaba nada",
    "nunca me gustó",
    "tenía mis dudas",
    "je n'attendais pas grand-chose",
    "j'attendais pas grand-chose",
    "je n'attendais rien",
    "j'étais sceptique",
    "non mi aspettavo molto",
    "non mi aspettavo niente",
    "ero scettico",
    "ero scettica",
    "não esperava muito",
    "não esperava nada",
    "estava cético",
    "estava cética",
    "verwachtte niet veel",
    "verwachtte weinig",
    "was sceptisch",
    "あまり期待してなかった",
    "期待してなかった",
];
const TURNS: &[&str] = &[
    "but",
    "so wrong",
    "changed my mind",
    "aber",
    "falsch",
    "pero",
    "equivocado",
    "equivocada",
    "mais",
    "ma",
    "sbagliavo",
    "mas",
    "errado",
    "errada",
    "maar",
    "mis",
    "けど",
    "のに",
    "間違って",
];

/// Praise for a mishap that happened again is sarcasm ("wow, another login failure, truly world
/// class"): a repetition or an ordinal with a failure word, or hours spent waiting, in a post
/// that reads as praise. Written for the project, per language.
const REPEATS: &[&str] = &[
    "another",
    "yet another",
    "third",
    "fourth",
    "fifth",
    "wieder",
    "schon wieder",
    "erneut",
    "dritte",
    "vierte",
    "fünfte",
    "otro",
    "otra",
    "otra vez",
    "tercera",
    "tercer",
    "cuarta",
    "cuarto",
    "quinta",
    "encore un",
    "encore une",
    "troisième",
    "quatrième",
    "cinquième",
    "ennesimo",
    "ennesima",
    "terza",
    "terzo",
    "quarta",
    "quarto",
    "quinta",
    "mais uma",
    "outra",
    "outro",
    "terceira",
    "alweer",
    "weer een",
    "derde",
    "vierde",
    "vijfde",
];
const MISHAPS: &[&str] = &[
    "failure",
    "failed",
    "error",
    "bug",
    "outage",
    "missed",
    "delay",
    "delayed",
    "cancelled",
    "crash",
    "fehler",
    "ausfall",
    "störung",
    "verpasste",
    "verspätung",
    "absturz",
    "fallo",
    "fallida",
    "fallido",
    "caída",
    "retraso",
    "cancelada",
    "bug",
    "panne",
    "erreur",
    "ratée",
    "retard",
    "annulée",
    "errore",
    "guasto",
    "saltata",
    "ritardo",
    "disservizio",
    "falha",
    "erro",
    "perdida",
    "atraso",
    "queda",
    "storing",
    "fout",
    "mislukte",
    "gemiste",
    "vertraging",
];
const WAITING: &[&str] = &[
    "hours on hold",
    "hours waiting",
    "stunden warteschleife",
    "stunden in der warteschleife",
    "horas en espera",
    "horas esperando",
    "heures d'attente",
    "ore in attesa",
    "ore di attesa",
    "horas de espera",
    "horas esperando",
    "uur in de wacht",
    "uur wachten",
];

/// An indirect question: a word for knowing or news, then a question word ("no idea when the
/// new model comes out", "keine Ahnung, wann…", "novità su quando…"). Written for the project.
const KNOWING_WORDS: &[&str] = &[
    "no idea",
    "any idea",
    "any news",
    "any update",
    "any word",
    "not sure",
    "wondering",
    "ahnung",
    "neuigkeiten",
    "weiß jemand",
    "ni idea",
    "alguna idea",
    "alguna novedad",
    "se sabe",
    "aucune idée",
    "une idée",
    "des nouvelles",
    "on sait",
    "nessuna idea",
    "novità",
    "si sa",
    "nenhuma ideia",
    "nem ideia",
    "alguma novidade",
    "alguma ideia",
    "geen idee",
    "enig idee",
    "nieuws over",
];
const QUESTION_WORDS: &[&str] = &[
    "when", "whether", "where", "how", "which", "wann", "ob", "wo", "wie", "cuándo", "dónde",
    "cómo", "quand", "où", "comment", "quando", "dove", "onde", "wanneer", "waar", "hoe",
];

/// A "why" question with a negation is a complaint ("why can't I log in?").
const WHY: &[&str] = &[
    "why",
    "por qué",
    "pourquoi",
    "warum",
    "por que",
    "perché",
    "waarom",
    "なぜ",
    "どうして",
    "なんで",
];
const NEGATION_CUES: &[&str] = &[
    "not",
    "no",
    "never",
    "can't",
    "cannot",
    "won't",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "haven't",
    "hasn't",
    "still",
    "every time",
    "always",
    "não",
    "non",
    "nicht",
    "kein",
    "keine",
    "niet",
    "geen",
    "pas",
    "nunca",
    "jamais",
    "mai",
    "nooit",
    "toujours",
    "immer",
    "sempre",
    "ない",
    "ません",
    "いつも",
    "毎回",
];

/// Forum-style requests start with an imperative verb ("Add dark mode", "Allow apps to…").
const IMPERATIVE_STARTS: &[&str] = &[
    "add",
    "allow",
    "make",
    "provide",
    "give",
    "let",
    "enable",
    "support",
    "include",
    "consider",
    "create",
    "implement",
    "introduce",
    "offer",
    "expose",
    "bring",
    "update",
    "improve",
    "change",
    "remove",
    "integrate",
    "port",
    "pin",
    "expand",
    "extend",
    "open",
    "bring",
];

const QUESTION_STARTS: &[&str] = &[
    "what", "when", "where", "which", "who", "how", "is", "are", "do", "does", "can", "could",
    "will", "would", "should", "anyone", "any", "has", "have", "qué", "cuándo", "dónde", "cómo",
    "quand", "où", "comment", "est-ce", "wann", "wo", "wie", "gibt", "quando", "onde", "como",
    "dove", "waar", "wanneer", "hoe",
];

const QUESTION_CUES: &[&str] = &[
    "anyone know",
    "does anyone",
    "do you know",
    "wondering",
    "i wonder",
    "how do i",
    "how can i",
    "is there",
    "are there",
    "any idea",
    "can someone",
    "can i",
    "do you have",
    "do you ship",
    "ますか",
    "でしょうか",
    "ですか",
    "教えてください",
    "alguien sabe",
    "sabéis si",
    "saben si",
    "a qué hora",
    "quelqu'un sait",
    "savez-vous",
    "à quelle heure",
    "weiß jemand",
    "wisst ihr",
    "um wie viel uhr",
    "alguém sabe",
    "vocês sabem",
    "que horas",
    "qualcuno sa",
    "sapete se",
    "a che ora",
    "weet iemand",
    "weten jullie",
    "hoe laat",
];

const SUGGESTION_CUES: &[&str] = &[
    "you should",
    "you guys should",
    "u should",
    "please add",
    "pls add",
    "would be great if",
    "would be nice",
    "would be good",
    "would be better",
    "would be awesome",
    "would be helpful",
    "would be cool",
    "it'd be great",
    "it'd be nice",
    "wish you",
    "i wish",
    "why not add",
    "how about",
    "what about adding",
    "consider adding",
    "please consider",
    "please bring",
    "please make",
    "please allow",
    "please provide",
    "please include",
    "please support",
    "bring back",
    "suggestion",
    "i suggest",
    "i'd suggest",
    "i propose",
    "feature request",
    "would love it if",
    "would love a",
    "would love to see",
    "could you add",
    "can you add",
    "should be able to",
    "should allow",
    "should have",
    "should support",
    "should provide",
    "needs to be",
    "need to be able",
    "there should be",
    "it would",
    "add an option",
    "add a way",
    "allow us to",
    "allow users to",
    "option to",
    "ability to",
    "make it possible",
    "debería",
    "deberían",
    "deberias",
    "estaría bien",
    "sería genial",
    "ojalá",
    "devrait",
    "devraient",
    "vous devriez",
    "ce serait bien",
    "ce serait génial",
    "sollte",
    "sollten",
    "solltet",
    "wäre toll",
    "wäre schön",
    "wäre super",
    "deveria",
    "deveriam",
    "seria ótimo",
    "seria bom",
    "dovrebbe",
    "dovrebbero",
    "sarebbe bello",
    "sarebbe fantastico",
    "zou moeten",
    "zou fijn zijn",
    "zou geweldig zijn",
    "してほしい",
    "してください",
    "ほしいです",
    "追加して",
    "deviam",
    "dovreste",
    "zouden moeten",
    "i would like",
    "i'd like",
    "we would like",
    "we need",
    "need a way",
    "there needs to be",
    "would like to see",
    "i want to be able",
    "it should",
    "should be",
    "should have",
    "should support",
    "we should",
    "make sure",
    "needs a",
    "need an option",
    "would be great",
    "would be useful",
    "will be useful",
    "will be very useful",
    "would be very useful",
    "i'd prefer",
    "i would prefer",
    "can we have",
    "could we have",
    "can we get",
    "could we get",
    "allow me to",
    "let us",
    "let me",
    "possibility to",
    "posibility to",
    "we hope",
    "i hope you",
    "requesting",
    "i request",
    "must be given",
    "please support",
    "pls support",
    "please expand",
    "please remove",
    "please enable",
    "please let",
    "please give",
    "please extend",
    "please port",
];

fn offensive_word(lower: &str) -> Option<String> {
    static WORDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| OFFENSIVE_WORDS_TEXT.lines().collect());
    lower
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty() && words.binary_search(w).is_ok())
        .map(str::to_string)
}

/// Every cue list, compiled once.
macro_rules! cue_sets {
    ($($field:ident: $list:ident),* $(,)?) => {
        struct Cues {
            $($field: Phrases,)*
        }

        fn cues() -> &'static Cues {
            static CUES: std::sync::OnceLock<Cues> = std::sync::OnceLock::new();
            CUES.get_or_init(|| Cues { $($field: Phrases::new($list),)* })
        }
    };
}

cue_sets! {
    complaint: COMPLAINT_CUES,
    problem: PROBLEM_CUES,
    insults: INSULTS,
    profanity: PROFANITY,
    thanks: THANKS,
    put_right: PUT_RIGHT,
    low_hopes: LOW_HOPES,
    turns: TURNS,
    repeats: REPEATS,
    contact: CONTACT,
    mishaps: MISHAPS,
    waiting: WAITING,
    knowing: KNOWING_WORDS,
    question_words: QUESTION_WORDS,
    request: REQUEST_OPENERS,
    change: CHANGE_VERBS,
    negation: NEGATION_CUES,
    suggestion: SUGGESTION_CUES,
    question: QUESTION_CUES,
}

/// Decides the intent of a post whose mentions are masked (`lower` is lower-cased).
#[cfg(test)]
pub fn classify(lower: &str, sentiment: &Sentiment) -> Intent {
    classify_with_cues(lower, sentiment).0
}

/// The intent and the phrases that decided it (shown to the user as the reason).
pub fn classify_with_cues(lower: &str, sentiment: &Sentiment) -> (Intent, Vec<String>) {
    let c = cues();
    let found = |cues: &Phrases| cues.first(lower).map(str::to_string);
    let complaint_cue = found(&c.complaint);
    let problem_cue = found(&c.problem);
    let put_right = c
        .put_right
        .occurrences(lower)
        .into_iter()
        .find(|&(_, at)| {
            let mut from = at.saturating_sub(12);
            while !lower.is_char_boundary(from) {
                from -= 1;
            }
            let before = &lower[from..at];
            !NOT_BEFORE.iter().any(|n| before.contains(n))
        })
        .map(|(fix, _)| fix);
    // Swearing alone is offensive, but not when it carries a complaint to answer, nor when a
    // swear word only intensifies praise ("damn good coffee", "fucking amazing").
    let offensive_cue = found(&c.insults)
        .or_else(|| offensive_word(lower))
        .or_else(|| {
            let swear =
                found(&c.profanity).filter(|_| complaint_cue.is_none() && problem_cue.is_none())?;
            let intensifies_praise = sentiment.label == SentimentLabel::Positive
                && INTENSIFYING_SWEARS.contains(&swear.as_str());
            (!intensifies_praise).then_some(swear)
        });
    if let Some(cue) = offensive_cue {
        return (Intent::Offensive, vec![cue]);
    }
    let grateful = sentiment.label == SentimentLabel::Positive || found(&c.thanks).is_some();
    if let (Some(fix), true) = (put_right, grateful) {
        return (Intent::Praise, vec![fix.to_string()]);
    }
    if let Some(cue) = problem_cue {
        return (Intent::Complaint, vec![cue]);
    }
    if let Some((low, at)) = c.low_hopes.first_at(lower) {
        if c.turns.first(&lower[at + low.len()..]).is_some() {
            return (Intent::Praise, vec![low.to_string()]);
        }
    }
    let repeat = found(&c.repeats);
    let positive = sentiment.label == SentimentLabel::Positive;
    if let (Some(again), Some(contact), false) = (&repeat, found(&c.contact), positive) {
        return (Intent::Complaint, vec![format!("{again} … {contact}")]);
    }
    if positive {
        let mishap = repeat
            .and_then(|again| found(&c.mishaps).map(|what| format!("{again} … {what}")))
            .or_else(|| found(&c.waiting));
        if let Some(cue) = mishap {
            return (Intent::Complaint, vec![cue]);
        }
    }
    let negative = sentiment.label == SentimentLabel::Negative;
    // Not knowing is not a complaint: "no idea when my area gets fibre" asks.
    if complaint_cue.is_none() {
        if let Some((know, at)) = c.knowing.earliest(lower) {
            if let Some(wh) = c.question_words.first(&lower[at + know.len()..]) {
                return (Intent::Question, vec![format!("{know} … {wh}")]);
            }
        }
    }
    if negative && (complaint_cue.is_some() || sentiment.score <= -0.3) {
        return (Intent::Complaint, complaint_cue.into_iter().collect());
    }
    let first_word = lower.split_whitespace().next().unwrap_or("");
    let first_word = first_word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    if let (Some(ask), Some(change)) = (found(&c.request), found(&c.change)) {
        return (Intent::Suggestion, vec![format!("{ask} … {change}")]);
    }
    if let Some(why) = WHY.iter().find(|w| lower.trim_start().starts_with(*w)) {
        if let Some(neg) = found(&c.negation) {
            return (Intent::Complaint, vec![format!("{why} … {neg}")]);
        }
    }
    if let Some(cue) = found(&c.suggestion) {
        // "I would like to know…" asks, it doesn't suggest.
        if !contains_phrase(lower, "like to know") {
            return (Intent::Suggestion, vec![cue]);
        }
    }
    if IMPERATIVE_STARTS.contains(&first_word) && !lower.contains('?') {
        return (Intent::Suggestion, vec![first_word.to_string()]);
    }
    let question_cue = if lower.contains(['?', '¿', '？']) {
        Some("?".to_string())
    } else {
        found(&c.question).or_else(|| {
            QUESTION_STARTS
                .contains(&first_word)
                .then(|| first_word.to_string())
        })
    };
    if let Some(cue) = question_cue {
        if negative && complaint_cue.is_some() {
            return (Intent::Complaint, complaint_cue.into_iter().collect());
        }
        return (Intent::Question, vec![cue]);
    }
    if negative {
        return (Intent::Complaint, complaint_cue.into_iter().collect());
    }
    if sentiment.label == SentimentLabel::Positive {
        return (Intent::Praise, Vec::new());
    }
    (Intent::Other, Vec::new())
}

/// Whether `phrase` occurs in `text` on word boundaries.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase)
        .any(|(at, _)| on_boundaries(text, at, at + phrase.len(), phrase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::sentiment::score;

    fn intent(text: &str) -> Intent {
        let lower = text.to_lowercase();
        classify(&lower, &score(&lower))
    }

    #[test]
    fn intents() {
        let cases = [
            ("Best latte in town, thank you!", Intent::Praise),
            (
                "My order never arrived and nobody answers",
                Intent::Complaint,
            ),
            (
                "Why does every flight I book get delayed?",
                Intent::Complaint,
            ),
            (
                "anyone know what time the Main St shop closes",
                Intent::Question,
            ),
            ("Do you ship to Canada?", Intent::Question),
            ("You should add oat milk to the menu", Intent::Suggestion),
            ("You are all idiots", Intent::Offensive),
            ("wtf is this shit", Intent::Offensive),
            ("my fucking flight is delayed again", Intent::Complaint),
            ("Vol en retard, encore une fois", Intent::Complaint),
            (
                "It would be great if the app had a dark mode",
                Intent::Suggestion,
            ),
            (
                "Add an option to export notes as Markdown",
                Intent::Suggestion,
            ),
            (
                "hi, my order still not received, it's been 2 weeks",
                Intent::Complaint,
            ),
            ("Why can't I log in to the app?", Intent::Complaint),
            (
                "Any known issues with the app? Not working for me",
                Intent::Complaint,
            ),
            ("Drinking a coffee", Intent::Other),
        ];
        for (text, want) in cases {
            assert_eq!(intent(text), want, "{text}");
        }
    }

    /// The hard cases of issue 4 in every language Hat Tip replies in: questions without a
    /// question mark, complaints phrased as questions, insults told apart from angry complaints.
    #[test]
    fn hard_cases_in_every_language() {
        use Intent::*;
        let cases: &[(&str, &str, Intent)] = &[
            ("en", "anyone know what time the shop closes", Question),
            ("en", "Why does every flight I book get delayed?", Complaint),
            ("en", "you are a bunch of idiots", Offensive),
            (
                "en",
                "this is fucking ridiculous, my bag is still missing",
                Complaint,
            ),
            ("es", "¿A qué hora abre la tienda?", Question),
            ("es", "¿Por qué no funciona la aplicación?", Complaint),
            ("es", "sois unos idiotas", Offensive),
            ("fr", "Quand ouvre le magasin", Question),
            (
                "fr",
                "Pourquoi mon colis n'est toujours pas arrivé ?",
                Complaint,
            ),
            ("fr", "bande de connards", Offensive),
            ("de", "Wann öffnet der Laden", Question),
            ("de", "Warum funktioniert die App nicht?", Complaint),
            ("de", "ihr seid Arschlöcher", Offensive),
            ("pt", "Quando abre a loja", Question),
            ("pt", "Por que o aplicativo não funciona?", Complaint),
            ("pt", "vocês são uns idiotas", Offensive),
            ("it", "Quando apre il negozio", Question),
            ("it", "Perché l'app non funziona?", Complaint),
            ("it", "siete degli idioti", Offensive),
            ("nl", "Wanneer gaat de winkel open", Question),
            ("nl", "Waarom werkt de app niet?", Complaint),
            ("nl", "stelletje klootzakken", Offensive),
            ("ja", "明日は何時に開きますか", Question),
            ("ja", "なぜ毎回注文が届かないのですか", Complaint),
            ("ja", "お前らバカだろ", Offensive),
            // Angry but legitimate: a complaint to answer, not a troll to ignore.
            (
                "es",
                "esto es una mierda, mi maleta sigue sin aparecer",
                Complaint,
            ),
            (
                "fr",
                "c'est de la merde, mon colis n'est toujours pas arrivé",
                Complaint,
            ),
            (
                "de",
                "so eine Scheiße, das Paket ist immer noch nicht da",
                Complaint,
            ),
            ("pt", "que merda, meu pedido ainda não chegou", Complaint),
            (
                "it",
                "che merda, il mio ordine non è ancora arrivato",
                Complaint,
            ),
            (
                "nl",
                "wat een kut, mijn pakket is nog steeds niet bezorgd",
                Complaint,
            ),
            ("ja", "クソ遅い、荷物がまだ届かない", Complaint),
            // Questions without a question mark.
            ("es", "alguien sabe a qué hora cierran hoy", Question),
            ("de", "weiß jemand wann ihr heute schließt", Question),
            // Asking for a change is an idea, question mark or not; asking for help is not.
            ("en", "could you add dark mode to the app?", Suggestion),
            ("en", "could you check where my parcel is?", Question),
            ("es", "¿podríais añadir el pago con Bizum?", Suggestion),
            ("fr", "pourquoi ne pas ajouter le mode sombre ?", Suggestion),
            ("de", "könnt ihr bitte Apple Pay einbauen?", Suggestion),
            (
                "it",
                "potreste aggiungere il pagamento con Satispay?",
                Suggestion,
            ),
            ("pt", "poderiam adicionar o Pix?", Suggestion),
            ("nl", "kunnen jullie iDEAL toevoegen?", Suggestion),
            // Billing gone wrong is a complaint, calm words or not.
            ("de", "ihr habt mir doppelt abgebucht", Complaint),
            ("fr", "vous m'avez débité deux fois", Complaint),
            ("ja", "二重に請求されました", Complaint),
            // A problem put right is praise; one not put right is not.
            (
                "de",
                "Koffer verloren und sie haben ihn kostenlos ersetzt, danke",
                Praise,
            ),
            (
                "es",
                "se me rompió la taza y me la cambiaron gratis, gracias",
                Praise,
            ),
            (
                "en",
                "they still have not replaced it, thanks for nothing",
                Complaint,
            ),
            // Low hopes proved wrong are praise.
            (
                "en",
                "never liked Northwind but this changed my mind",
                Praise,
            ),
            ("it", "non mi aspettavo molto ma hanno fatto centro", Praise),
            (
                "en",
                "didn't expect much and it broke on day one",
                Complaint,
            ),
            // Calling again and again is a complaint, however calm.
            (
                "en",
                "Fifth time calling this week, same answer each time",
                Complaint,
            ),
            (
                "fr",
                "troisième appel cette semaine, toujours rien",
                Complaint,
            ),
            // Praise for a mishap that happened again is sarcasm.
            (
                "en",
                "Oh great, another outage on payday. Love that for me.",
                Complaint,
            ),
            (
                "en",
                "Wow, three hours on hold, truly world class",
                Complaint,
            ),
            (
                "en",
                "lost my bag and they found it the same day, amazing",
                Praise,
            ),
            // Not knowing asks, even without a question mark or with a "no".
            ("en", "no idea when my area finally gets fibre", Question),
            ("de", "keine Ahnung, wann das neue Modell kommt", Question),
            ("it", "novità su quando arriva la fibra da me", Question),
            (
                "en",
                "no idea when my refund is coming, this is ridiculous",
                Complaint,
            ),
        ];
        for (lang, text, want) in cases {
            assert_eq!(intent(text), *want, "[{lang}] {text}");
        }
    }

    #[test]
    fn swearing_in_praise_is_not_a_troll() {
        let s = |t: &str| crate::analyze::sentiment::score(t);
        for text in [
            "this is damn good coffee, thank you",
            "fucking amazing service today",
        ] {
            assert_eq!(classify(text, &s(text)), Intent::Praise, "{text}");
        }
        let text = "fuck this place";
        assert_eq!(classify(text, &s(text)), Intent::Offensive);
    }

    #[test]
    fn cues_explain_the_decision() {
        let lower = "still waiting for my refund";
        let (intent, cues) = classify_with_cues(lower, &score(lower));
        assert_eq!(
            (intent, cues),
            (Intent::Complaint, vec!["still waiting".to_string()])
        );
        let lower = "it would be great if you opened earlier";
        assert_eq!(
            classify_with_cues(lower, &score(lower)).1,
            vec!["would be great if".to_string()]
        );
    }

    #[test]
    fn phrases_need_word_boundaries() {
        assert!(contains_phrase("you are stupid.", "stupid"));
        assert!(!contains_phrase("diet coke", "die"));
    }
}
