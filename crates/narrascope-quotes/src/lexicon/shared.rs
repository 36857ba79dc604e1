//! Word lists the rule path shares across its languages: each holds the words of all of
//! them, since a word of one language seldom occurs in an article of another.

/// Adverbs and conjunctions that may stand before a cue without being its subject
/// ("Также заявил …", "Ainda disse …").
pub(crate) const NOT_SUBJECT: &[&str] = &[
    "также",
    "ранее",
    "вчера",
    "сегодня",
    "тогда",
    "еще",
    "ещё",
    "уже",
    "однако",
    "но",
    "и",
    "а",
    "позже",
    "затем",
    "потом",
    "впрочем",
    "кроме",
    "того",
    "при",
    "этом",
    "между",
    "тем",
    "също",
    "така",
    "вчера",
    "днес",
    "още",
    "вече",
    "обаче",
    "но",
    "и",
    "а",
    "после",
    "по-рано",
    "по-късно",
    "междувременно",
    "пък",
    "доскоро",
    "освен",
    "това",
    "também",
    "ainda",
    "ontem",
    "hoje",
    "já",
    "mas",
    "e",
    "depois",
    "entretanto",
    "mais",
    "tarde",
    "antes",
    "assim",
    "porém",
    "contudo",
    "no",
    "entanto",
    "é",
    "foi",
    "o",
    "que",
    "същото",
    "време",
    "сега",
    "който",
    "която",
    "което",
    "които",
    "котором",
    "которой",
    "которых",
    "который",
    "которая",
    "которое",
    "qual",
    "onde",
    "не",
    "não",
    // Bulgarian auxiliaries before a participle cue ("Учените са убедени, че", "…",
    // е коментирал той"), and object clitics ("ни казват"; see [`CLITICS`]).
    "са",
    "бе",
    "е",
    "ни",
    "ми",
    "ти",
    "го",
    "ги",
];

/// Words that may stand between a cue and its subject without naming anyone ("сказал
/// сегодня …", "informou hoje …", "каза днес …").
pub(crate) const TIME_WORDS: &[&str] = &[
    "сегодня",
    "вчера",
    "ранее",
    "также",
    "тогда",
    "днес",
    "вчера",
    "също",
    "още",
    "hoje",
    "ontem",
    "ainda",
    "também",
    "esta",
    "este",
    "nesta",
    "neste",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "sábado",
    "domingo",
];

/// The listener named right after a cue ("сказал журналистам Песков"), skipped.
pub(crate) const LISTENERS: &[&str] = &[
    "журналистам",
    "изданию",
    "агентству",
    "телеканалу",
    "газете",
    "корреспонденту",
    "репортерам",
    "репортёрам",
];

/// Portuguese determiners that open a subject after a prepositional phrase ("disse à
/// Agência Brasil o membro do instituto").
pub(crate) const DETERMINERS: &[&str] = &["o", "a", "os", "as"];

/// Oblique personal pronouns that name the source inside an "according to" phrase
/// ("по его словам") or as its whole object ("Според нея", "segundo ele").
pub(crate) const OBLIQUE: &[&str] = &[
    "его", "ее", "её", "их", "него", "нея", "тях", "ele", "ela", "eles", "elas", "próprio",
    "própria",
];

/// "The same one" after its article ("Segundo o mesmo, …"): the person named last, like
/// a pronoun. Only in that place: "disse mesmo" is "even said".
pub(crate) const SAME: &[&str] = &["mesmo", "mesma"];

/// Offices whose holder the article names before describing them ("Министр призвала",
/// "Президентът каза", "o ministro afirmou"): the last speaker, when there is one.
pub(crate) const OFFICES: &[&str] = &[
    "певица",
    "певец",
    "артистка",
    "артист",
    "актриса",
    "актер",
    "актёр",
    "чиновник",
    "генерал",
    "адвокат",
    "юрист",
    "писатель",
    "блогер",
    "ведущий",
    "военный",
    "глава",
    "министр",
    "президент",
    "премьер",
    "премьер-министр",
    "губернатор",
    "политик",
    "дипломат",
    "лидер",
    "председатель",
    "спикер",
    "депутат",
    "сенатор",
    "посол",
    "мэр",
    "политолог",
    "генсек",
    "канцлер",
    "министърът",
    "президентът",
    "премиерът",
    "лидерът",
    "председателят",
    "говорителят",
    "посланикът",
    "дипломатът",
    "кметът",
    "губернаторът",
    "канцлерът",
    "ministro",
    "ministra",
    "presidente",
    "primeiro-ministro",
    "líder",
    "governante",
    "chefe",
    "diplomata",
    "governador",
    "responsável",
    "porta-voz",
    "autarca",
    "secretário-geral",
    "secretário",
    "secretária",
    "chanceler",
    "deputado",
    "deputada",
    "vereador",
    "vereadora",
    "съветник",
    "съветникът",
    "депутатът",
    "министърката",
    // "disse o político de extrema-direita", "ръководителят на алианса".
    "político",
    "política",
    "ръководителят",
    "ръководител",
    "руководитель",
    // "Представитель … ведомства также обвинила", "Республиканец подчеркнул".
    "представитель",
    "представительница",
    "республиканец",
    "госсекретарь",
    "пресс-секретарь",
    "советник",
    // "отбеляза още журналистът": the journalist the article is about.
    "журналистът",
    "министър-председателят",
    "губернатор",
];

/// Subordinating conjunctions and relative adverbs, which open a clause but never
/// name its speaker ("като", "когато", "где", "quando se").
pub(crate) const CONJUNCTIONS: &[&str] = &[
    "като",
    "когато",
    "където",
    "докато",
    "ако",
    "защото",
    "где",
    "когда",
    "если",
    "потому",
    "чтобы",
    "хотя",
    "quando",
    "se",
    "porque",
    "embora",
    "enquanto",
    "outro",
    "outra",
];

/// Subordinators whose clause shares the sentence's subject when it names none of its
/// own ("Бутигиг подкрепи това твърдение, като каза, че …", "Орбан отбивался в
/// твиттере, где написал, что …").
pub(crate) const SUBORDINATORS: &[&str] = &[
    "като",
    "когато",
    "където",
    "докато",
    "где",
    "когда",
    "quando",
    "enquanto",
    "onde",
];

/// Bulgarian object clitics, which stand before a cue but never name its speaker ("ни
/// казват"). They still count towards the length of a stretch before a cue (a long
/// stretch is a clause, not an apposition).
pub(crate) const CLITICS: &[&str] = &["ни", "ми", "ти", "го", "ги"];

/// Closed-class words that are never a speaker's name on their own: auxiliaries and
/// particles ("Не съм заявявал", "за да се счита"), oblique pronouns, complementisers
/// and prepositions the rules can take for an inverted subject ("apelou ao …",
/// "пишет с тревогой …"). Read off speakers made of such words in the SemEval *training*
/// articles.
pub(crate) const NEVER_A_NAME: &[&str] = &[
    // Bulgarian
    "да", "съм", "си", "е", "са", "сме", "сте", "ще", "не", "мен", "ме", "нас", "вас", "че",
    "в", "в.", "във", "на", "от", "с", "със", "за", "пред", "преди", "след", "някои",
    // Russian
    "то", "это", "не", "никогда", "тогда", "так", "с", "со", "в", "во", "что", "чтобы",
    // Portuguese
    "ao", "aos", "à", "às", "não", "que", "no", "na", "nos", "nas", "em", "de", "com",
    "para", "por",
];

/// Offices and roles matched as written only: their plurals ("os especialistas",
/// "директорите") are groups, not the person the article named.
pub(crate) const EXACT_OFFICES: &[&str] = &[
    // "Телеведущий написал", "a representante disse", "Segundo o especialista",
    // "бившият шеф на ЦРУ".
    "телеведущий",
    "телеведущая",
    "representante",
    "especialista",
    "шеф",
    "шефът",
    "директор",
    "директорът",
    // "…, напомнил Марков. … добавил эксперт.", "посочи експертът", "офицерът".
    "эксперт",
    "експертът",
    "офицерът",
];

/// Determiners, function words and oblique pronouns that may open a phrase before
/// the name, or stand capitalised at the head of a sentence ("Его планировали …").
pub(crate) const LEADING: &[&str] = &[
    "o", "a", "os", "as", "um", "uma", "pelo", "pela", "do", "da", "его", "ее", "её", "их", "ему",
    "ей", "им", "него", "нея", "тях", "му", "им", "seu", "sua", "lhe", "este", "esta", "этот",
    "эта", "тот", "този", "тази",
];
