//! Russian, Bulgarian, Portuguese and Hindi: the quote stage's sentence rules.

use crate::support::{assert_speaker, quotes_in, speaker_of};

/// Russian, Bulgarian and Portuguese articles are read by the sentence rules (the
/// tagger knows only English): the speaker after the quote, before "что/че/que",
/// after "по словам/според/segundo", a pronoun or an office standing for the person
/// last speaking, and inflected names brought to one form.
#[test]
fn russian_quotes_have_their_speakers() {
    let qs = quotes_in(
        "ru.txt",
        "Мэр Самары пообещал отремонтировать мосты до зимы\n\n\
         Мэр Самары Игорь Волков заявил, что все городские мосты будут отремонтированы до \
         начала зимы. Об этом сообщает местное информационное агентство.\n\
         «Мы начали работы ещё в мае и закончим их в срок, несмотря на нехватку рабочих», \
         — сказал Волков журналистам.\n\
         Он также добавил, что на ремонт выделено больше денег, чем в прошлом году.\n\
         По словам депутата городской думы Анны Лебедевой, смета завышена почти вдвое.\n\
         Подрядчики уже вышли на объекты, заявила Лебедева.\n",
    );
    assert_speaker(&qs, "все городские мосты", Some("Игорь Волков"));
    assert_speaker(&qs, "Мы начали работы", Some("Игорь Волков"));
    assert_speaker(&qs, "на ремонт выделено", Some("Игорь Волков"));
    // "по словам … Анны Лебедевой": the genitive brought to the nominative.
    assert_speaker(&qs, "смета завышена", Some("Анна Лебедева"));
    assert_speaker(&qs, "Подрядчики уже вышли", Some("Анна Лебедева"));
    assert_eq!(qs.len(), 5, "{qs:#?}");
}

#[test]
fn bulgarian_quotes_have_their_speakers() {
    let qs = quotes_in(
        "bg.txt",
        "Кметът на Русе обеща нови автобуси до края на годината\n\n\
         Кметът на Русе Петър Стоянов заяви, че градът ще получи двадесет нови електрически \
         автобуса до края на годината.\n\
         „Парите са осигурени и поръчката вече е подписана“, каза Стоянов пред местната \
         телевизия.\n\
         Той уточни, че старите машини ще бъдат продадени на търг.\n\
         Според общинския съветник Мария Иванова обаче доставката ще закъснее с поне три \
         месеца.\n\
         „Никой не е виждал договора“, добави съветникът.\n",
    );
    assert_speaker(&qs, "градът ще получи", Some("Петър Стоянов"));
    assert_speaker(&qs, "Парите са осигурени", Some("Петър Стоянов"));
    assert_speaker(&qs, "старите машини", Some("Петър Стоянов"));
    assert_speaker(&qs, "доставката ще закъснее", Some("Мария Иванова"));
    assert_speaker(&qs, "Никой не е виждал", Some("Мария Иванова"));
}

#[test]
fn portuguese_quotes_have_their_speakers() {
    let qs = quotes_in(
        "pt.txt",
        "Autarca de Braga promete novas ciclovias até ao verão\n\n\
         O presidente da Câmara de Braga, Rui Teixeira, afirmou esta terça-feira que a \
         cidade terá mais vinte quilómetros de ciclovias até ao verão.\n\n\
         “Temos o financiamento garantido e as obras começam já no próximo mês”, disse \
         Rui Teixeira aos jornalistas.\n\n\
         Segundo a vereadora da oposição Marta Lopes, o projeto não tem estudo de impacto \
         ambiental.\n\n\
         As obras vão custar mais do que o previsto, acrescentou a vereadora.\n\n\
         O segundo troço da ciclovia liga o centro ao hospital.\n",
    );
    // The apposition between the subject and its cue is skipped.
    assert_speaker(&qs, "a cidade terá", Some("Rui Teixeira"));
    assert_speaker(&qs, "Temos o financiamento", Some("Rui Teixeira"));
    assert_speaker(&qs, "o projeto não tem", Some("Marta Lopes"));
    // "acrescentou a vereadora": the office stands for the person last speaking.
    assert_speaker(&qs, "As obras vão custar", Some("Marta Lopes"));
    // "O segundo troço" is an ordinal, not "according to".
    assert!(qs.iter().all(|q| !q.0.contains("troço")), "{qs:#?}");
}

/// A Russian quote with quotation marks nested in guillemets and a full stop after
/// the closing one, attributed by "Об этом он сказал" (the sentence before) and "по
/// его словам" (the pronoun inside the phrase); a body named in the locative.
#[test]
fn russian_nested_quotes_and_pronoun_phrases() {
    let qs = quotes_in(
        "ru2.txt",
        "Заголовок статьи о переговорах\n\n\
         Глава МИД России Сергей Лавров заявил, что Москва готова к диалогу.\n\
         «Мы не отказываемся от переговоров, но „мирный план“ Киева — это ультиматум». \
         Об этом он сказал журналистам в Минске.\n\
         По его словам, Запад не хочет мира.\n\
         В министерстве обороны заявили, что учения пройдут по плану.\n",
    );
    assert_speaker(&qs, "Москва готова", Some("Сергей Лавров"));
    // One quote to the closing guillemet, the nested „…“ inside it.
    let q = qs
        .iter()
        .find(|q| q.0.starts_with("Мы не отказываемся"))
        .unwrap_or_else(|| panic!("{qs:#?}"));
    assert!(q.0.ends_with("это ультиматум"), "{qs:#?}");
    assert_eq!(q.2.as_deref(), Some("Сергей Лавров"));
    assert_speaker(&qs, "Запад не хочет", Some("Сергей Лавров"));
    // "В министерстве … заявили": the body, in the nominative.
    assert_speaker(&qs, "учения пройдут", Some("министерство обороны"));
}

/// Hindi has no capitals: the subject is the words before "ने" (or "की" before a
/// noun of saying), without titles; "X के अनुसार" puts the source before the phrase;
/// "उन्होंने" is the last speaker.
#[test]
fn hindi_quotes_have_their_speakers() {
    let qs = quotes_in(
        "hi.txt",
        "मेयर ने नई बसों का वादा किया\n\n\
         दिल्ली के मेयर राजेश कुमार ने कहा कि शहर को साल के अंत तक बीस नई बिजली बसें \
         मिलेंगी। उन्होंने बताया कि पुरानी बसें अगले महीने नीलाम की जाएंगी। पार्षद सुनीता \
         वर्मा के अनुसार, ठेके में कम से कम तीन महीने की देरी हो सकती है। वर्मा ने कहा, \
         \"किसी ने भी अनुबंध नहीं देखा है।\" डॉक्टर मीना राव की राय है कि बिजली बसें \
         सस्ती पड़ेंगी.परिवहन विभाग ने पुष्टि की कि टेंडर खुला है।\n",
    );
    assert_speaker(&qs, "शहर को साल", Some("राजेश कुमार"));
    assert_speaker(&qs, "पुरानी बसें", Some("राजेश कुमार"));
    assert_speaker(&qs, "ठेके में", Some("सुनीता वर्मा"));
    assert_speaker(&qs, "किसी ने भी", Some("सुनीता वर्मा"));
    // "X की राय है कि", "X ने पुष्टि की कि": light-verb cues; sentences run together
    // after "." with no space.
    assert_speaker(&qs, "बिजली बसें सस्ती", Some("मीना राव"));
    assert_speaker(&qs, "टेंडर खुला है", Some("परिवहन विभाग"));
}

/// Wire copies wrapped whole in straight quotes; "Как писал X, …"; a pronoun after
/// "Според" with no comma; a subject pronoun after an adverbial; the name before an
/// apposition that describes it; a document speaking for its author; a clause before
/// an inverted cue whose speaker phrase holds a quote; a quote opening the sentence
/// before "prometeu X, sublinhando que …"; "X afirma, segundo Y, que …".
#[test]
fn wrapped_wires_as_said_openers_and_appositions() {
    let ru = quotes_in(
        "ru3.txt",
        "Заголовок новости\n\n\
         \"Глава ведомства провел совещание в Москве. В ФСБ России сообщили, что теракт \
         планировали организовать спецслужбы. Как писал портал 2x2.su, мужчина передавал \
         сведения о военных объектах.\n\
         Эксперт Роман Шкурлатов в беседе с журналистами объяснил, что крейсер выбрали \
         из-за пиар-ценности.\"\n",
    );
    assert_speaker(&ru, "теракт планировали", Some("ФСБ России"));
    assert_speaker(&ru, "мужчина передавал", Some("портал 2x2.su"));
    assert_speaker(&ru, "крейсер выбрали", Some("Роман Шкурлатов"));
    let bg = quotes_in(
        "bg2.txt",
        "Заглавие на статията\n\n\
         Външният министър Иван Петров отбеляза, че товарите ще станат законна цел. \
         Според него съюзниците участват пряко в конфликта. В същото време той не \
         изключи, че обсегът на атаките ще се увеличи.\n\
         Дейвид Кийт, професор по физика в Харвардския университет, признава, че има \
         реални опасения.\n\
         Доклад на Световната банка предполага, че температурите ще се повишат.\n",
    );
    assert_speaker(&bg, "съюзниците участват", Some("Иван Петров"));
    assert_speaker(&bg, "обсегът на атаките", Some("Иван Петров"));
    assert_speaker(&bg, "има реални опасения", Some("Дейвид Кийт"));
    assert_speaker(&bg, "температурите ще", Some("Световната банка"));
    // A straight quote closing before the full stop ends there: the next sentence
    // is read on its own.
    let bg = quotes_in(
        "bg3.txt",
        "Заглавие

         Живакът ще се покачи, съобщи агенцията - \"най-горещите температури в Европа\".
         Министърът Иван Петров заяви, че ще вали дъжд.
",
    );
    assert_speaker(&bg, "ще вали дъжд", Some("Иван Петров"));
    let pt = quotes_in(
        "pt2.txt",
        "Título do artigo\n\n\
         “O inimigo receberá certamente uma resposta digna”, prometeu Putin, sublinhando \
         que a guerra vai continuar.\n\
         Alexander Lukashenko afirma, segundo a agência noticiosa estatal do país, que \
         Kiev enviou mais soldados para a fronteira.\n\
         O acesso a 14 aldeias vai estar fechado aos civis, disse o governador Vyacheslav \
         Gladkov, citando a situação \"extremamente difícil\" na região.\n",
    );
    assert_speaker(&pt, "O inimigo receberá", Some("Putin"));
    assert_speaker(&pt, "a guerra vai", Some("Putin"));
    assert_speaker(&pt, "Kiev enviou", Some("Alexander Lukashenko"));
    assert_speaker(&pt, "O acesso a 14", Some("Vyacheslav Gladkov"));
}

/// Hindi: "उन्होंने" is the subject before "ने" of an earlier sentence even when its verb
/// is not one of saying; a statement after "कहा," with no marks and no "कि"; "सवाल
/// किया कि" and "जोर दिया कि"; an office standing for the person last speaking in
/// Portuguese ("disse o político").
#[test]
fn hindi_subjects_and_unmarked_statements() {
    let hi = quotes_in(
        "hi2.txt",
        "मंत्री ने चिंता जताई\n\n\
         प्रवक्ता सुनीता वर्मा ने कहा कि बैठक अगले सप्ताह होगी। इस दौरान मंत्री राजेश कुमार \
         ने किसानों की समस्या पर अपनी चिंता व्यक्त की। उन्होंने कहा, कोई भी सरकार किसानों \
         की अनदेखी नहीं कर सकती। उन्होंने सवाल किया कि क्या बजट में पर्याप्त धन है। कुमार \
         ने जोर दिया कि सिंचाई पर खर्च बढ़ेगा।\n",
    );
    assert_speaker(&hi, "बैठक अगले सप्ताह", Some("सुनीता वर्मा"));
    assert_speaker(&hi, "कोई भी सरकार", Some("राजेश कुमार"));
    assert_speaker(&hi, "क्या बजट में", Some("राजेश कुमार"));
    assert_speaker(&hi, "सिंचाई पर खर्च", Some("राजेश कुमार"));
    let pt = quotes_in(
        "pt3.txt",
        "Título\n\nO deputado Rui Teixeira afirmou que a lei vai mudar. O problema, disse o \
         político, é que ninguém leu o texto.\n",
    );
    assert_speaker(&pt, "a lei vai mudar", Some("Rui Teixeira"));
    assert_speaker(&pt, "ninguém leu", Some("Rui Teixeira"));
}

/// A title used alone ("O presidente ucraniano afirmou", "Президентът на Франция
/// заяви") names the person the article gave that title to, not the last speaker; a
/// trailing "segundo a agência X" after the sentence's own cue is the channel.
#[test]
fn titles_name_their_holder_and_trailing_agencies_are_channels() {
    let pt = quotes_in(
        "pt4.txt",
        "Título\n\nO presidente ucraniano, Volodymyr Zelensky, visitou Kiev na segunda-feira. \
         O ministro Sergei Lavrov disse que a visita foi inútil. O presidente ucraniano \
         afirmou que a guerra vai acabar. Peskov referiu, em particular, o \"envolvimento \
         direto dos países da NATO\", segundo a agência espanhola EFE.\n",
    );
    assert_speaker(&pt, "a visita foi", Some("Sergei Lavrov"));
    assert_speaker(&pt, "a guerra vai acabar", Some("Volodymyr Zelensky"));
    assert_speaker(&pt, "envolvimento direto", Some("Peskov"));
    let bg = quotes_in(
        "bg5.txt",
        "Заглавие\n\nПрезидентът на Франция Еманюел Макрон посети Берлин. Министърът Иван \
         Петров каза, че срещата е полезна. Президентът на Франция заяви, че войната ще \
         свърши.\n",
    );
    assert_speaker(&bg, "войната ще свърши", Some("Еманюел Макрон"));
}

/// Russian: a subject ends before the medium's phrase ("… в эфире Первого канала
/// заявил"); "— цитирует его РИА Новости" quotes the person, not the agency; an office
/// alone ("Представитель ведомства") is the person last speaking.
#[test]
fn russian_media_phrases_and_object_pronouns() {
    let ru = quotes_in(
        "ru4.txt",
        "Заголовок\n\n\
         Советник главы республики Игорь Кимаковский в эфире Первого канала заявил, что \
         фронт остается стабильным на всех направлениях. «Удар под Харьковом очень помог нашей группировке», — цитирует его \
         РИА Новости. Ранее официальный представитель МИД Мао Нин призвала НАТО к диалогу. \
         Представитель ведомства также обвинила альянс во вмешательстве во внутренние дела.\n",
    );
    assert_speaker(&ru, "фронт остается", Some("Игорь Кимаковский"));
    assert_speaker(&ru, "Удар под Харьковом", Some("Игорь Кимаковский"));
    assert_speaker(&ru, "альянс во вмешательстве", Some("Мао Нин"));
}

/// A parenthetical cue inside the statement ("Освен това, отбеляза
/// министър-председателят, някои …"); "Segundo o próprio"; a party in brackets between
/// subject and cue, and a capitalised office before the name kept out of it.
#[test]
fn parenthetical_cues_brackets_and_reflexive_sources() {
    let bg = quotes_in(
        "bg6.txt",
        "Заглавие\n\n\
         Министър-председателят Виктор Орбан каза, че изборите са важни. Освен това, \
         отбеляза министър-председателят, някои търговци вече печелят от конфликта.\n",
    );
    assert_speaker(&bg, "някои търговци", Some("Виктор Орбан"));
    let pt = quotes_in(
        "pt6.txt",
        "Título\n\n\
         O ministro Fernando Haddad apresentou o plano. Segundo o próprio, os estudos mostram \
         um grande potencial de emprego. O Presidente Luiz Inácio Lula da Silva (PT) disse que \
         o acordo não vai avançar este ano.\n",
    );
    assert_speaker(&pt, "os estudos mostram", Some("Fernando Haddad"));
    assert_speaker(&pt, "o acordo não vai", Some("Luiz Inácio Lula da Silva"));
}

/// Speaker phrases the rules used to misread: an adverb or "according to" opening the
/// sentence glued to the name, a wife "of" a named man, the noun of an "according to"
/// phrase, a Bulgarian auxiliary before its participle, a role noun standing for the
/// person the sentence before named, and an office "of" a ministry.
#[test]
fn speaker_phrases_in_rule_languages() {
    let ru = quotes_in(
        "ru2.txt",
        "Ведущий анонсировал интервью с мэром\n\n\
         Телеведущий Андрей Смирнов анонсировал интервью с мэром Самары Игорем Волковым. \
         Телеведущий написал в своём канале, что зрители смогут задать вопросы заранее.\n\
         Мэр Самары Игорь Волков сообщил, что ремонт мостов закончится до зимы.\n\
         Также Волков сообщил, что в городе откроют три новые школы.\n\
         «Переговоры о поставках автобусов идут», — заявил посол России в Бразилии Иван \
         Петров.\n",
    );
    assert_speaker(&ru, "зрители смогут", Some("Андрей Смирнов"));
    assert_speaker(&ru, "в городе откроют", Some("Игорь Волков"));
    // The office's modifiers ("России в Бразилии") up to the name that ends the phrase.
    assert_speaker(&ru, "Переговоры о поставках", Some("Иван Петров"));

    let bg = quotes_in(
        "bg2.txt",
        "Съпругата на кмета дари средства за болницата\n\n\
         Кметът на Русе Петър Стоянов заяви, че градът ще получи нови линейки.\n\
         Съпругата на Петър Стоянов заяви, че семейството ще дари средства за болницата.\n\
         „Работата по ремонта продължава всеки ден“, е коментирал Стоянов пред журналисти.\n\
         Според Световната здравна организация болниците в региона имат нужда от още лекари.\n\
         Индустрията се опитва да забави реформите, като твърди, че разходите ще бъдат \
         твърде големи.\n\
         Според думите на Стоянов ремонтът на болницата ще приключи през май.\n",
    );
    assert_speaker(
        &bg,
        "семейството ще дари",
        Some("Съпругата на Петър Стоянов"),
    );
    assert_speaker(&bg, "Работата по ремонта", Some("Петър Стоянов"));
    // A body's name with lowercase words after its capitalised adjective.
    assert_speaker(
        &bg,
        "болниците в региона",
        Some("Световната здравна организация"),
    );
    assert_speaker(&bg, "ремонтът на болницата", Some("Петър Стоянов"));
    // A conjunction is no speaker ("…, като твърди, че").
    assert_ne!(
        speaker_of(&bg, "разходите ще бъдат"),
        Some("като"),
        "{bg:#?}"
    );

    let pt = quotes_in(
        "pt2.txt",
        "Ministro defende acordo comercial com o Brasil\n\n\
         O ministro dos Negócios Estrangeiros, Paulo Rangel, afirmou na segunda-feira que \
         o acordo comercial com o Brasil será assinado este ano.\n\n\
         Segundo Rangel, as negociações estão na fase final e falta apenas a revisão jurídica \
         do texto.\n\n\
         O ministro dos Negócios Estrangeiros afirmou ainda que o governo vai apoiar as \
         empresas exportadoras.\n\n\
         Estas tarifas são um alerta de que o comércio mundial mudou muito.\n",
    );
    assert_speaker(&pt, "as negociações estão", Some("Paulo Rangel"));
    assert_speaker(&pt, "o governo vai apoiar", Some("Paulo Rangel"));
    // "um alerta" is a noun: nobody speaks.
    assert!(
        pt.iter().all(|q| !q.0.contains("comércio mundial")),
        "{pt:#?}"
    );

    // A Hindi subject starts after the participle or verb before it ("… करते हुए
    // मोहन ने", "… कहा है क्योंकि भारत ने").
    let hi = quotes_in(
        "hi2.txt",
        "शहर में नई बसें चलेंगी\n\n\
         नगर निगम की बैठक को संबोधित करते हुए मोहन ने कहा कि शहर में अगले महीने से नई बसें \
         चलेंगी। उन्होंने यह भी बताया कि किराया नहीं बढ़ेगा। यह फैसला अहम है क्योंकि भारत \
         ने पहले भी ऐसी मदद की थी। भारत ने कहा कि सार्वजनिक परिवहन सबसे जरूरी है। इस बीच \
         रूस ने कहा कि वह भी बसें भेजेगा। व्हाइट हाउस की तरफ से कहा गया है कि अमेरिका भी \
         मदद करेगा। वायु सेना के बयान के अनुसार सभी बसें सुरक्षित हैं।\n",
    );
    assert_speaker(&hi, "शहर में अगले महीने", Some("मोहन"));
    assert_speaker(&hi, "सार्वजनिक परिवहन", Some("भारत"));
    // "इस बीच रूस ने": the name is the entity, not the adverb before it.
    assert_speaker(&hi, "वह भी बसें", Some("रूस"));
    // "X की तरफ से कहा गया है": the passive cue's source.
    assert_speaker(&hi, "अमेरिका भी", Some("व्हाइट हाउस"));
    // "X के बयान के अनुसार": the statement speaks for its owner.
    assert_speaker(&hi, "सभी बसें सुरक्षित", Some("वायु सेना"));
}

/// Speakers that the phrase before the cue does not name itself: the subject of a
/// clause a subordinator opens, a referring noun for an outlet or a report, "o mesmo",
/// and bodies' names in Hindi.
#[test]
fn speakers_named_elsewhere_in_rule_languages() {
    let bg = quotes_in(
        "bg3.txt",
        "Министърът обеща нови пътища\n\n\
         На въпрос за ремонтите министър Иван Колев подкрепи плана, като каза, че \
         пътищата в региона ще бъдат готови до есента.\n\n\
         „Ще започнем през март“, каза той.\n\n\
         Градът ще получи нови автобуси, пише Financial Times.\n\n\
         „Сделката е на стойност 40 милиона евро и ще бъде подписана до края на месеца“, \
         пише изданието.\n\n\
         Отново се отличи кметът Петър Стоянов, който неочаквано заяви, че ремонтът на \
         моста ще спре.\n",
    );
    // "… Иван Колев подкрепи плана, като каза, че …": the sentence's subject.
    assert_speaker(&bg, "пътищата в региона", Some("Иван Колев"));
    assert_speaker(&bg, "Ще започнем", Some("Иван Колев"));
    // "пише изданието": the outlet named with a reporting verb before.
    assert_speaker(&bg, "Сделката е на стойност", Some("Financial Times"));
    // "X, който неочаквано заяви": the relative pronoun's antecedent.
    assert_speaker(&bg, "ремонтът на моста", Some("Петър Стоянов"));

    let ru = quotes_in(
        "ru3.txt",
        "Премьер ответил критикам\n\n\
         Виктор Орбан отбивался от критики в соцсетях, где написал, что Европа ошибается \
         в вопросах энергетики.\n\
         Депутат от блока «Победа» Василий Боля заявил, что войска группировки «Запад» \
         развили успех на купянском направлении.\n",
    );
    assert_speaker(&ru, "Европа ошибается", Some("Виктор Орбан"));
    // Names in quotation marks ("«Победа»", "«Запад»") are no quotes; the clause
    // around them is still reported speech.
    assert!(
        ru.iter().all(|q| q.0 != "Победа" && q.0 != "Запад"),
        "{ru:#?}"
    );
    assert_speaker(&ru, "войска группировки", Some("Василий Боля"));

    let pt = quotes_in(
        "pt3.txt",
        "Governo anuncia investimento\n\n\
         Na segunda-feira, quando reforçou o apoio às escolas de Braga, Paulo Rangel \
         anunciou que o governo vai investir mais nas escolas.\n\n\
         Segundo o mesmo, as obras começam em maio e terminam no fim do ano.\n\n\
         Neste contexto, acrescentou Rangel, o governo vai reforçar o apoio às famílias.\n\n\
         O cantor Rui Veloso, ao comentar o concerto afirmou que o público de Braga foi \
         fantástico.\n",
    );
    // The cue with its own complementiser ("anunciou que"), not "reforçou".
    assert_speaker(&pt, "o governo vai investir", Some("Paulo Rangel"));
    assert_speaker(&pt, "as obras começam", Some("Paulo Rangel"));
    // The cue and its speaker inside the statement, after a short adverbial.
    assert_speaker(&pt, "o governo vai reforçar", Some("Paulo Rangel"));
    // "X, ao comentar o concerto afirmou que": "ao" and an infinitive are no subject.
    assert_speaker(&pt, "o público de Braga", Some("Rui Veloso"));

    let hi = quotes_in(
        "hi3.txt",
        "रूस का दावा\n\n\
         रूसी रक्षा मंत्रालय ने कहा कि सेना आगे बढ़ रही है। भारतीय विदेश मंत्रालय ने कहा कि \
         सभी भारतीय नागरिक सुरक्षित हैं। रॉयटर्स की एक रिपोर्ट में कहा गया है कि तेल की कीमतें \
         बढ़ेंगी। रिपोर्ट के मुताबिक गैस की कीमतें भी बढ़ेंगी।\n",
    );
    // A body's name keeps its modifiers ("रूसी रक्षा मंत्रालय", not "मंत्रालय"), and two
    // ministries stay apart.
    assert_speaker(&hi, "सेना आगे बढ़", Some("रूसी रक्षा मंत्रालय"));
    assert_speaker(&hi, "सभी भारतीय नागरिक", Some("भारतीय विदेश मंत्रालय"));
    // A report speaks for its owner, and "the report" later for the same one.
    assert_speaker(&hi, "तेल की कीमतें", Some("रॉयटर्स"));
    assert_speaker(&hi, "गैस की कीमतें", Some("रॉयटर्स"));
}

/// A function word the rules took for a subject ("Не съм заявявал", "за да се
/// счита", "apelou ao …") names nobody, and the speaker before stays the one "той"
/// refers to.
#[test]
fn function_words_are_no_speakers() {
    let bg = quotes_in(
        "bg5.txt",
        "Петров за фонда\n\n\
         Това сподели в изявление за предаването „Денят“ бившият заместник-министър Иван \
         Петров. „Най-лесно се краде от непочистени реки“, счита той.\n\n\
         Не съм заявявал никога, че армията ще замине, каза пред журналисти президентът.\n\n\
         „Трябва да се влага в защита“, добави още той.\n\n\
         Всички трябва да работят заедно, за да се счита, че планът е успешен.\n",
    );
    assert_speaker(&bg, "Най-лесно се краде", Some("Иван Петров"));
    assert_speaker(&bg, "армията ще замине", None);
    assert_speaker(&bg, "Трябва да се влага", Some("Иван Петров"));
    assert_speaker(&bg, "планът е успешен", None);

    let pt = quotes_in(
        "pt5.txt",
        "Guterres pede acordo\n\n\
         \"Temos pouco tempo para agir\", avançou o secretário-geral António Guterres.\n\n\
         Para evitar o fracasso, apelou ao \"sentido de responsabilidade\" dos governos.\n",
    );
    assert_speaker(&pt, "Temos pouco tempo", Some("António Guterres"));
    assert_speaker(&pt, "sentido de responsabilidade", None);
}

/// The listener or the medium after a cue ("disse à EFE", "казва пред Bloomberg",
/// "escreveu no Telegram") is not the speaker; a subject after it is ("disse à EFE um
/// habitante", "каза пред АФП Александър Тудор", "disse à Sputnik, Mark Sleboda").
#[test]
fn listeners_and_media_after_a_cue_are_no_speakers() {
    let pt = quotes_in(
        "pt6.txt",
        "Zakharova critica cerimónia\n\n\
         A porta-voz Maria Zakharova comentou a cerimónia. “Foi uma vergonha”, escreveu \
         no Telegram.\n\n\
         “A cidade está debaixo de água”, disse à EFE um habitante local.\n\n\
         “Os EUA estão em risco”, disse à Sputnik, Mark Sleboda, analista \
         norte-americano.\n",
    );
    assert_speaker(&pt, "Foi uma vergonha", None);
    assert_speaker(&pt, "A cidade está", Some("habitante local"));
    assert_speaker(&pt, "Os EUA estão", Some("Mark Sleboda"));

    let bg = quotes_in(
        "bg6.txt",
        "Учен за климата\n\n\
         Професор Иван Петров говори за доклада. „Казваме, че е твърде късно“, казва пред \
         Bloomberg професорът.\n\n\
         „Времето изтича“, каза пред АФП Александър Тудор, млад мъж от Букурещ.\n",
    );
    assert_speaker(&bg, "Казваме, че", None);
    assert_speaker(&bg, "Времето изтича", Some("Александър Тудор"));
}

/// A profession ("a investigadora", "ученият") speaks for the person the article
/// wrote it with ("A investigadora Ana Costa", "български учен Владимир Симеонов").
#[test]
fn professions_name_the_person_written_with_them() {
    let pt = quotes_in(
        "pt7.txt",
        "Riscos na costa\n\n\
         A investigadora Ana Costa estudou o caso. “É um risco enorme”, disse a \
         investigadora.\n",
    );
    assert_speaker(&pt, "É um risco", Some("Ana Costa"));

    let bg = quotes_in(
        "bg7.txt",
        "Учен за климата\n\n\
         Известният български учен Владимир Симеонов говори пред радиото.\n\n\
         „Зимата ще бъде топла“, каза ученият.\n",
    );
    assert_speaker(&bg, "Зимата ще бъде", Some("Владимир Симеонов"));
}

/// An office before a surname is a title: "Президентът Путин" is the Владимир Путин the
/// article named.
#[test]
fn an_office_before_a_surname_is_a_title() {
    let bg = quotes_in(
        "bg8.txt",
        "Путин в Пекин\n\n\
         Владимир Путин пристигна в Пекин в сряда.\n\n\
         Президентът Путин каза, че Москва е готова за диалог.\n",
    );
    assert_speaker(&bg, "Москва е готова", Some("Владимир Путин"));
}
