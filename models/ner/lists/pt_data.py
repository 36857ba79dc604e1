import sys

from tsv import variants, write

E = []


def add(t, *names):
    variants(E, t, *names)

# ================================================================ LOC
add('LOC', '''Rússia|Federação Russa|Federação da Rússia|Ucrânia|Ucrania|Estados Unidos|Estados Unidos da América|EUA|EEUU|E.U.A.|América|
Europa|Ocidente|Europa Ocidental|Europa Oriental|Europa de Leste|Leste Europeu|Europa Central|Europa do Leste|Reino Unido|Grã-Bretanha|
Inglaterra|Escócia|País de Gales|Irlanda do Norte|Irlanda|Alemanha|França|Itália|Espanha|Portugal|Polónia|Polônia|Hungria|Roménia|
Romênia|Bulgária|Grécia|Turquia|Sérvia|Croácia|Eslovénia|Eslovênia|Eslováquia|República Checa|República Tcheca|Chéquia|Tchéquia|
Áustria|Suíça|Bélgica|Países Baixos|Holanda|Luxemburgo|Dinamarca|Suécia|Noruega|Finlândia|Islândia|Estónia|Estônia|Letónia|Letônia|
Lituânia|Bálticos|Países Bálticos|Moldávia|Moldova|Transnístria|Bielorrússia|Belarus|Geórgia|Arménia|Armênia|Azerbaijão|Cazaquistão|
Uzbequistão|Quirguistão|Tajiquistão|Turquemenistão|Macedónia do Norte|Macedônia do Norte|Albânia|Kosovo|Bósnia|Bósnia e Herzegovina|
Chipre|Vaticano|Estado do Vaticano|Mónaco|Mônaco|China|República Popular da China|Japão|Índia|Paquistão|Afeganistão|Irão|Irã|
Iraque|Síria|Líbano|Israel|Palestina|Faixa de Gaza|Cisjordânia|Jordânia|Egito|Egipto|Líbia|Arábia Saudita|Emirados Árabes Unidos|
Emirados|Catar|Qatar|Iémen|Iêmen|Coreia do Norte|Coreia do Sul|República da Coreia|Coreia|Taiwan|Vietname|Vietnã|Indonésia|Filipinas|
Malásia|Singapura|Tailândia|Myanmar|Birmânia|Laos|Camboja|Nepal|Bangladesh|Sri Lanka|Mongólia|Austrália|Nova Zelândia|Canadá|México|
Brasil|Argentina|Chile|Colômbia|Venezuela|Cuba|Nicarágua|Bolívia|Equador|Uruguai|Paraguai|Guiana|Haiti|África do Sul|Nigéria|
Etiópia|Quénia|Quênia|Sudão|Mali|Níger|Burkina Faso|Argélia|Marrocos|Tunísia|Somália|Congo|República Democrática do Congo|
Angola|Moçambique|Guiné-Bissau|Cabo Verde|São Tomé e Príncipe|Timor-Leste|Guiné Equatorial|Senegal|Ruanda|Zimbabué|Zimbábue|
Fiji|Samoa|Tonga|Palau|Ilhas Salomão|Seychelles|Maldivas|Gronelândia|Groenlândia|Alasca|Havai|Havaí|Sibéria|Cáucaso|Balcãs|
Escandinávia|Ártico|Antártida|Antártica|Antártico|África|Ásia|Eurásia|Oceânia|América Latina|América do Norte|América do Sul|
América Central|Médio Oriente|Oriente Médio|Próximo Oriente|Extremo Oriente|Sudeste Asiático|Ásia Central|Sul da Ásia|Ásia-Pacífico|
Indo-Pacífico|África Ocidental|África Oriental|Norte de África|Norte da África|Sahel|Saara|Deserto do Saara|Sul Global|
Mar Negro|Mar Báltico|Mar Mediterrâneo|Mediterrâneo|Mar Vermelho|Mar de Azov|Mar Cáspio|Mar do Norte|Mar do Sul da China|Mar Egeu|
Egeu|Oceano Atlântico|Atlântico|Atlântico Norte|Oceano Pacífico|Pacífico|Oceano Índico|Índico|Oceano Ártico|Golfo Pérsico|
Golfo do México|Caraíbas|Caribe|Bósforo|Dardanelos|Estreito de Ormuz|Canal do Panamá|Canal de Suez|Dniepre|Dnipro|Rio Dnipro|
Rio Dniepre|Danúbio|Volga|Amazonas|Rio Amazonas|Rio Madeira|Rio Negro|Rio Tejo|Tejo|Douro|Rio Douro|Alpes|Himalaias|Andes|
Crimeia|Península da Crimeia|Donbass|Donbas|Donbasse''')
# capitals and world cities
add('LOC', '''Moscovo|Moscou|Kiev|Kyiv|Kiiv|Quieve|Washington|Londres|Paris|Berlim|Bruxelas|Roma|Madrid|Madri|Lisboa|Varsóvia|Budapeste|
Viena|Bratislava|Bucareste|Belgrado|Zagreb|Liubliana|Sófia|Atenas|Ancara|Istambul|Nicósia|Vilnius|Riga|Tallinn|Helsínquia|Helsinque|
Estocolmo|Oslo|Copenhaga|Copenhague|Berna|Genebra|Davos|Amesterdão|Amsterdã|Amsterdam|Haia|Estrasburgo|Minsk|Chisinau|Quixinau|
Tbilisi|Tbilíssi|Erevan|Ierevan|Baku|Bacu|Astana|Tashkent|Pequim|Xangai|Hong Kong|Tóquio|Seul|Pyongyang|Pionguiang|Nova Deli|
Nova Délhi|Deli|Mumbai|Teerão|Teerã|Bagdade|Bagdá|Damasco|Beirute|Jerusalém|Telavive|Tel Aviv|Cairo|Riade|Doha|Dubai|Abu Dhabi|
Cabul|Islamabad|Hanói|Banguecoque|Bangkok|Jacarta|Camberra|Sydney|Otava|Ottawa|Toronto|Cidade do México|Brasília|Buenos Aires|
Caracas|Havana|Bogotá|Montevideu|Assunção|Quito|La Paz|Luanda|Maputo|Bissau|Díli|Pretória|Joanesburgo|Cidade do Cabo|Nairobi|
Adis Abeba|Argel|Rabat|Túnis|Nova Iorque|Nova York|Los Angeles|São Francisco|Chicago|Miami|Boston|Houston|Texas|Califórnia|Flórida|
Florida|Pensilvânia|Ohio|Michigan|Arizona|Nevada|Carolina do Norte|Missouri|Arkansas|Iowa|Milwaukee|Havai|Maui|
Frankfurt|Munique|Hamburgo|Milão|Nápoles|Veneza|Florença|Barcelona|Valência|Sevilha|Bilbau|Marselha|Lyon|Glasgow|Manchester|
Edimburgo|Potsdam|Ramstein|Bürgenstock|Sharm el-Sheikh|Sharm el Sheikh|Belém do Pará|Tenerife|Canárias|Ilhas Canárias|Creta|
Rodes|Sicília|Sardenha|Córsega''')
# war places (Ukraine, Russia)
add('LOC', '''Donetsk|Donetske|Lugansk|Luhansk|Lugansque|Carcóvia|Kharkiv|Kharkov|Kherson|Quérson|Zaporizhzhia|Zaporíjia|Zaporijia|
Zaporizhia|Zaporozhie|Zaporozhye|Zaporíjia|Bakhmut|Artemovsk|Soledar|Avdiivka|Avdeevka|Avdiyivka|Avdievka|Mariupol|Mariupól|
Odessa|Odesa|Kursk|Belgorod|Bryansk|Briansk|Pokrovsk|Toretsk|Chasiv Yar|Chasov Yar|Vovchansk|Volchansk|Kupiansk|Kupyansk|Vuhledar|
Ugledar|Kramatorsk|Sloviansk|Slaviansk|Lysychansk|Lisichansk|Severodonetsk|Sievierodonetsk|Melitopol|Berdiansk|Berdyansk|Enerhodar|
Energodar|Mykolaiv|Nikolaev|Dnipropetrovsk|Kryvyi Rih|Krivói Rog|Krivoi Rog|Sumy|Chernihiv|Tchernihiv|Lviv|Lvov|Leópolis|
Zhytomyr|Vinnytsia|Poltava|Uzhhorod|Bucha|Irpin|Izium|Izyum|Kremenchuk|Kurakhove|Kurakhovo|Selydove|Myrnohrad|Kostiantynivka|
Horlivka|Gorlovka|Makiivka|Volnovakha|Tokmak|Robotyne|Nova Kakhovka|Kakhovka|Chernobyl|Tchernobil|Chornobyl|Sebastopol|Sevastopol|
Simferopol|Kerch|Querche|Ialta|Yalta|Feodosia|Sudzha|Sudja|Krasnodar|Rostov|Rostov do Don|Voronezh|Smolensk|Novorossiysk|Tuapse|
São Petersburgo|Leninegrado|Estalinegrado|Stalingrado|Volgogrado|Kaliningrado|Murmansk|Vladivostok|Novosibirsk|Ecaterimburgo|
Iekaterinburgo|Kazan|Chechénia|Tchetchénia|Chechênia|Daguestão|Abecásia|Ossétia do Sul|Nagorno-Karabakh|Kamchatka|Transcarpácia|
Leste da Ucrânia|Sul da Ucrânia|Oeste da Ucrânia|Kyiv Oblast''')
# Portugal
add('LOC', '''Porto|Coimbra|Braga|Faro|Aveiro|Setúbal|Évora|Leiria|Viseu|Guimarães|Funchal|Ponta Delgada|Angra do Heroísmo|Açores|
Arquipélago da Madeira|Ilha da Madeira|Algarve|Alentejo|Trás-os-Montes|Beira Interior|Minho|Sines|Cascais|Sintra|Almada|Amadora|
Loures|Odivelas|Oeiras|Beja|Bragança|Castelo Branco|Portalegre|Santarém|Viana do Castelo|Vila Real|Pedrógão Grande|Vila Nova de Gaia|
Matosinhos|Barreiro|Seixal|Torres Vedras|Figueira da Foz|Foz do Arelho|Médio Tejo|Vale do Tejo|Península de Setúbal|Grande Lisboa|
Área Metropolitana de Lisboa|Serra da Estrela|Monchique|Odemira|Alqueva''')
# Brazil
add('LOC', '''Rio Grande do Sul|São Paulo|Rio de Janeiro|Minas Gerais|Bahia|Paraná|Santa Catarina|Pernambuco|Ceará|Pará|Amazonas|
Rondônia|Rondónia|Roraima|Amapá|Tocantins|Maranhão|Piauí|Rio Grande do Norte|Paraíba|Alagoas|Sergipe|Goiás|Mato Grosso|
Mato Grosso do Sul|Porto Alegre|Manaus|Belém|Recife|Curitiba|Belo Horizonte|Maceió|Cuiabá|Corumbá|Florianópolis|Goiânia|
Petrópolis|São Sebastião|Santarém|Amazônia|Amazónia|Amazônia Legal|Floresta Amazônica|Floresta Amazónica|Pantanal|Cerrado|
Caatinga|Mata Atlântica|Nordeste brasileiro|Sul do Brasil|Terra Indígena Yanomami''')

# ================================================================ ORG
add('ORG', '''NATO|OTAN|Organização do Tratado do Atlântico Norte|Aliança Atlântica|ONU|Nações Unidas|Organização das Nações Unidas|
Conselho de Segurança da ONU|Conselho de Segurança das Nações Unidas|Assembleia Geral da ONU|Assembleia Geral das Nações Unidas|
UE|União Europeia|Comissão Europeia|Parlamento Europeu|Conselho Europeu|Conselho da UE|Conselho da União Europeia|
Banco Central Europeu|BCE|OSCE|Organização para a Segurança e Cooperação na Europa|AIEA|Agência Internacional de Energia Atómica|
Agência Internacional de Energia Atômica|OMS|Organização Mundial da Saúde|Organização Mundial de Saúde|OMM|
Organização Meteorológica Mundial|IPCC|Painel Intergovernamental sobre Alterações Climáticas|
Painel Intergovernamental sobre Mudanças Climáticas|Painel Intergovernamental para as Alterações Climáticas|UNFCCC|
Convenção-Quadro das Nações Unidas sobre Alterações Climáticas|PNUMA|G7|G20|G-7|G-20|BRICS|OCX|Organização de Cooperação de Xangai|
OTSC|ASEAN|Asean|OPEP|OPEP+|FMI|Fundo Monetário Internacional|Banco Mundial|OMC|Organização Mundial do Comércio|UNESCO|UNICEF|
ACNUR|OIM|FAO|PAM|Cruz Vermelha|Comité Internacional da Cruz Vermelha|Comitê Internacional da Cruz Vermelha|CICV|TPI|
Tribunal Penal Internacional|Tribunal Internacional de Justiça|TIJ|Tribunal de Justiça da União Europeia|Tribunal Europeu dos Direitos Humanos|
Conselho da Europa|COI|Comité Olímpico Internacional|Comitê Olímpico Internacional|FIFA|UEFA|CPLP|Mercosul|Mercosur|União Africana|
OEA|COP26|COP27|COP28|COP29|COP30|COP-28|COP-29|COP-30|Agência Internacional de Energia|AIE|IRENA|OPAQ|Greenpeace|Greenpeace Brasil|
WWF|Amnistia Internacional|Anistia Internacional|Human Rights Watch|Extinction Rebellion|Climáximo|Just Stop Oil|Última Geração|
Greve Climática Estudantil|Fridays for Future|Engajamundo|Fórum Económico Mundial|Fórum Econômico Mundial|Clube de Roma|
Médicos Sem Fronteiras|MapBiomas|Observatório do Clima|World Weather Attribution|Copernicus|Serviço Copernicus|
Serviço de Alterações Climáticas Copernicus|NOAA|NASA|Agência Espacial Europeia|ESA|AEA|Agência Europeia do Ambiente|ISW|
Instituto para o Estudo da Guerra|Christian Aid|Sierra Club''')
add('ORG', '''Kremlin|Krémlin|Pentágono|Casa Branca|Departamento de Estado|Departamento de Estado dos EUA|Departamento de Estado norte-americano|
Departamento de Defesa|Departamento de Defesa dos EUA|Departamento de Energia|Congresso dos EUA|Congresso norte-americano|
Congresso americano|Senado dos EUA|Senado norte-americano|Câmara dos Representantes|CIA|FBI|NSA|Partido Democrata|Partido Republicano|
Ministério da Defesa russo|Ministério da Defesa da Rússia|Ministério da Defesa Russo|Ministério russo da Defesa|
Ministério da Defesa da Ucrânia|Ministério da Defesa ucraniano|Ministério dos Negócios Estrangeiros russo|
Ministério dos Negócios Estrangeiros da Rússia|Ministério dos Negócios Estrangeiros da Ucrânia|Ministério das Relações Exteriores da Rússia|
Ministério das Relações Exteriores russo|Ministério das Relações Exteriores da Ucrânia|Ministério de Situações de Emergência|
MNE|FSB|SVR|GRU|Serviço Federal de Segurança|Serviço de Informações Externas|Serviço de Inteligência Externa|Guarda Nacional Russa|
Rosgvardia|Estado-Maior russo|Estado-Maior General|Estado-Maior da Ucrânia|Estado-Maior ucraniano|Forças Armadas da Ucrânia|
Forças Armadas Ucranianas|Forças Armadas ucranianas|Forças Armadas da Rússia|Forças Armadas Russas|Forças Armadas russas|
Forças Armadas da Federação Russa|Exército russo|Exército Russo|Exército ucraniano|Exército Ucraniano|Exército da Ucrânia|
Exército da Rússia|Exército Vermelho|Frota do Mar Negro|Marinha russa|Força Aérea ucraniana|Guarda Nacional Ucraniana|
Guarda Nacional da Ucrânia|SBU|Serviço de Segurança da Ucrânia|GUR|HUR|Direção Principal de Inteligência|Verkhovna Rada|Rada|
Rada Suprema|Gabinete do Presidente da Ucrânia|Gabinete Presidencial ucraniano|Procuradoria-Geral da Ucrânia|Naftogaz|Energoatom|
Ukrenergo|Duma|Duma Estatal|Duma do Estado|Conselho da Federação|Conselho de Segurança da Rússia|Conselho de Segurança russo|
Comissão de Investigação da Rússia|Comité de Investigação|Gazprom|Rosneft|Rosatom|Lukoil|Novatek|Rostec|Roscosmos|Sberbank|
Aeroflot|Grupo Wagner|Wagner Group|PMC Wagner|Batalhão Azov|Regimento Azov|Brigada Azov|Corpo de Voluntários Russos|
Legião Liberdade da Rússia|Igreja Ortodoxa Russa|Patriarcado de Moscovo|Patriarcado de Moscou|Igreja Ortodoxa Ucraniana|
Rússia Unida|Partido Comunista da Federação Russa|Servo do Povo|Bundestag|Bundeswehr|CDU|CSU|SPD|AfD|Alternativa para a Alemanha|
Fidesz|Rassemblement National|Reagrupamento Nacional|União Nacional|Partido Conservador|Partido Trabalhista|Reform UK|
Irmãos de Itália|Fratelli d'Italia|Vox|Hamas|Hezbollah|Hezbolá|Estado Islâmico|Daesh|ISIS|Talibã|Talibãs|Taliban|
Talibãs|Al-Qaeda|Houthis|Huthis|Mossad|Tsahal|Forças de Defesa de Israel''')
# Portugal / Brazil institutions, parties, companies, media
add('ORG', '''Assembleia da República|Presidência da República|Palácio de Belém|Conselho de Ministros|Ministério Público|PGR|
Procuradoria-Geral da República|Tribunal Constitucional|Supremo Tribunal de Justiça|Banco de Portugal|Proteção Civil|Protecção Civil|
ANEPC|Autoridade Nacional de Emergência e Proteção Civil|GNR|Guarda Nacional Republicana|PSP|Polícia de Segurança Pública|PJ|
Polícia Judiciária|SEF|AIMA|INEM|SNS|Serviço Nacional de Saúde|DGS|Direção-Geral da Saúde|IPMA|Instituto Português do Mar e da Atmosfera|
APA|Agência Portuguesa do Ambiente|ICNF|ERSE|Câmara Municipal de Lisboa|Câmara de Lisboa|Câmara Municipal do Porto|INE|
Universidade de Lisboa|Universidade de Coimbra|Universidade do Porto|Universidade Nova de Lisboa|PS|Partido Socialista|PSD|
Partido Social Democrata|CDS|CDS-PP|IL|Iniciativa Liberal|BE|Bloco de Esquerda|PCP|Partido Comunista Português|PAN|
Pessoas-Animais-Natureza|AD|Aliança Democrática|CDU|PEV|Os Verdes|JPP|MRPP|Juventude Socialista|Juventude Popular|
Juventude Chega|CGTP|UGT|Galp|EDP|REN|TAP|TAP Air Portugal|Navigator|The Navigator Company|CGD|Caixa Geral de Depósitos|
Millennium BCP|Novo Banco|Sonae|Jerónimo Martins|Altri|Lusa|Agência Lusa|RTP|SIC|TVI|CNN Portugal|SIC Notícias|RTP Notícias|
Diário de Notícias|Jornal de Notícias|Correio da Manhã|Jornal de Negócios|Diário de Notícias|Rádio Renascença|TSF|
Supremo Tribunal Federal|STF|Superior Tribunal de Justiça|STJ|Tribunal Superior Eleitoral|TSE|Congresso Nacional|Senado Federal|
Câmara dos Deputados|Palácio do Planalto|Itamaraty|Ministério das Relações Exteriores|Ministério do Meio Ambiente|
Ministério do Meio Ambiente e Mudança do Clima|Polícia Federal|Polícia Rodoviária Federal|PRF|Defesa Civil|Forças Armadas Brasileiras|
Exército Brasileiro|Ibama|IBAMA|ICMBio|Instituto Chico Mendes de Conservação da Biodiversidade|INPE|Instituto Nacional de Pesquisas Espaciais|
Inmet|INMET|Instituto Nacional de Meteorologia|Funai|FUNAI|Embrapa|Fiocruz|IBGE|BNDES|Banco do Brasil|Petrobras|Vale S.A.|
Eletrobras|JBS|Partido dos Trabalhadores|Partido Liberal|PSOL|MDB|PSDB|União Brasil|PSB|PDT|PCdoB|Rede Sustentabilidade|
MST|Universidade de São Paulo|USP|UFMG|UFRJ|Unicamp|Agência Brasil|Folha de S.Paulo|Folha de São Paulo|
O Globo|TV Globo|Rede Globo|GloboNews|G1|Estadão|O Estado de S. Paulo|UOL|CNN Brasil|SBT|Carta Capital|
Brasil de Fato|Poder360''')
add('ORG', '''TASS|Tass|RIA Novosti|RIA|Interfax|Sputnik|Sputnik Brasil|RT|Russia Today|Izvestia|Kommersant|Meduza|Moscow Times|
The Moscow Times|Ukrinform|Ukrainska Pravda|Kyiv Independent|Kyiv Post|UNIAN|Reuters|AFP|France-Presse|France Presse|Agence France-Presse|
Associated Press|EFE|Agência EFE|ANSA|DPA|Europa Press|Xinhua|Anadolu|Bloomberg|CNN|BBC|Sky News|Fox News|NBC|CBS|ABC News|
The Guardian|Guardian|Financial Times|The Economist|The New York Times|New York Times|The Washington Post|Washington Post|
The Wall Street Journal|Wall Street Journal|Politico|Axios|Newsweek|Forbes|The Independent|The Telegraph|Daily Mail|The Times|
Le Monde|Le Figaro|Libération|Der Spiegel|Spiegel|Bild|Die Welt|Frankfurter Allgemeine|El País|El Mundo|La Repubblica|
Corriere della Sera|Euronews|Al Jazeera|Nature|Nature Climate Change|PNAS|Telegram|YouTube|Google|Facebook|
Instagram|Twitter|TikTok|Apple|Microsoft|Amazon|SpaceX|Starlink|Tesla|Boeing|Airbus|Lockheed Martin|Raytheon|Rheinmetall|
Lufthansa|BlackRock|Shell|BP|ExxonMobil|Chevron|TotalEnergies|Equinor|Eni|Repsol|Saudi Aramco|ADNOC|Aramco|Pfizer|Moderna|
Malaysia Airlines|Volkswagen|Siemens|Euroclear|Bayer''')

# ================================================================ PER
add('PER', '''Vladimir Putin|Vladímir Putin|Putin|Presidente Putin|Volodymyr Zelensky|Volodymyr Zelenskyy|Volodymyr Zelenskiy|
Volodymyr Zelenski|Volodimir Zelensky|Volodimir Zelenski|Vladimir Zelensky|Zelensky|Zelenskyy|Zelenskiy|Zelenski|Zelenskii|
Olena Zelenska|Joe Biden|Biden|Hunter Biden|Donald Trump|Trump|Kamala Harris|J.D. Vance|JD Vance|Vance|Marco Rubio|Rubio|
Pete Hegseth|Hegseth|Steve Witkoff|Witkoff|Keith Kellogg|Antony Blinken|Anthony Blinken|Blinken|Lloyd Austin|Jake Sullivan|
John Kirby|Kirby|Matthew Miller|Victoria Nuland|Nuland|William Burns|Nancy Pelosi|Pelosi|Mike Johnson|Lindsey Graham|Chuck Schumer|
Schumer|Barack Obama|Obama|Hillary Clinton|Bill Clinton|Clinton|George W. Bush|George Bush|Bush|Ronald Reagan|Reagan|
Henry Kissinger|Kissinger|John Kerry|Kerry|Al Gore|Rick Perry|Tucker Carlson|Carlson|Elon Musk|Musk|Bill Gates|Gates|
Jeff Bezos|Bezos|Mark Zuckerberg|Zuckerberg|George Soros|Soros|Klaus Schwab|Schwab|Julian Assange|Assange|Edward Snowden|Snowden|
Sergei Lavrov|Sergey Lavrov|Serguei Lavrov|Lavrov|Dmitry Peskov|Dmitri Peskov|Dmitriy Peskov|Peskov|Sergei Shoigu|Serguei Shoigu|
Sergey Shoigu|Shoigu|Choigu|Andrei Belousov|Andrey Belousov|Belousov|Valery Gerasimov|Valeri Gerasimov|Valéri Guerassimov|
Gerasimov|Maria Zakharova|Maria Zajarova|Zakharova|Zajarova|Dmitry Medvedev|Dmitri Medvedev|Medvedev|Mikhail Mishustin|Mishustin|
Vyacheslav Volodin|Volodin|Valentina Matviyenko|Nikolai Patrushev|Patrushev|Sergei Naryshkin|Naryshkin|Alexander Bortnikov|
Yuri Ushakov|Iuri Ushakov|Ushakov|Sergei Ryabkov|Serguei Riabkov|Sergei Riabkov|Ryabkov|Riabkov|Vassily Nebenzia|Vasily Nebenzya|
Nebenzia|Dmitry Polyansky|Alexei Likhachev|Likhachev|Ramzan Kadyrov|Kadyrov|Yevgeny Prigozhin|Ievgueni Prigojin|Evgeny Prigozhin|
Prigozhin|Prigojin|Alexei Navalny|Alexey Navalny|Navalny|Navalni|Yulia Navalnaya|Navalnaya|Alexander Dugin|Aleksandr Dugin|
Alexandre Dugin|Dugin|Daria Dugina|Dugina|Margarita Simonyan|Simonyan|Vyacheslav Gladkov|Viacheslav Gladkov|Gladkov|Alexander Bogomaz|
Alexei Smirnov|Denis Pushilin|Pushilin|Leonid Pasechnik|Vladimir Saldo|Yevgeny Balitsky|Vladimir Rogov|Rogov|Igor Girkin|Igor Guirkin|
Girkin|Igor Strelkov|Sergei Surovikin|Surovikin|Igor Kirillov|Kirillov|Rodion Miroshnik|Miroshnik|Mikhail Gorbachev|Gorbachev|
Mikhail Gorbachov|Gorbachov|Boris Ieltsin|Boris Yeltsin|Ieltsin|Yeltsin|Estaline|Stalin|Josef Estaline|Lenine|Lenin|Adolf Hitler|Hitler|
Patriarca Cirilo|Patriarca Kirill|Dmytro Kuleba|Dmitro Kuleba|Dmitry Kuleba|Kuleba|Andrii Sybiha|Andriy Sybiha|Sybiha|Andriy Yermak|
Andrii Yermak|Yermak|Oleksandr Syrskyi|Oleksandr Syrsky|Aleksandr Syrsky|Syrskyi|Syrsky|Valerii Zaluzhnyi|Valery Zaluzhny|
Valeriy Zaluzhnyi|Zaluzhnyi|Zaluzhny|Kyrylo Budanov|Kirill Budanov|Budanov|Oleksii Reznikov|Reznikov|Rustem Umerov|Umerov|
Denys Shmyhal|Shmyhal|Mykhailo Podolyak|Mykhailo Podoliak|Podolyak|Podoliak|Oleksiy Danilov|Oleksiy Arestovych|Arestovych|
Dmytro Lubinets|Lubinets|Vitali Klitschko|Vitaly Klitschko|Klitschko|Petro Poroshenko|Poroshenko|Yulia Tymoshenko|Tymoshenko|
Viktor Yanukovych|Yanukovych|Viktor Medvedchuk|Medvedchuk|Vasyl Maliuk|Vasily Malyuk|Maliuk|Malyuk|Ruslan Stefanchuk|Stefanchuk|
Olga Stefanishyna|Iryna Vereshchuk|Herman Halushchenko|Andriy Kostin|Stepan Bandera|Bandera|Irina Farion|Farion|
Jens Stoltenberg|Stoltenberg|Mark Rutte|Rutte|Ursula von der Leyen|von der Leyen|Josep Borrell|Borrell|Kaja Kallas|Kallas|
Charles Michel|Roberta Metsola|Metsola|Emmanuel Macron|Macron|Olaf Scholz|Scholz|Friedrich Merz|Merz|Annalena Baerbock|Baerbock|
Angela Merkel|Merkel|Boris Pistorius|Pistorius|Rishi Sunak|Sunak|Keir Starmer|Starmer|Boris Johnson|Johnson|Liz Truss|Truss|
David Cameron|Cameron|Viktor Orbán|Viktor Orban|Orbán|Orban|Péter Szijjártó|Peter Szijjarto|Szijjártó|Szijjarto|Zoltan Kovacs|
Recep Tayyip Erdoğan|Recep Tayyip Erdogan|Erdoğan|Erdogan|Hakan Fidan|Robert Fico|Giorgia Meloni|Meloni|Matteo Salvini|Salvini|
Mario Draghi|Draghi|Marine Le Pen|Le Pen|Jordan Bardella|Bardella|Gabriel Attal|Attal|Nicolas Sarkozy|Sarkozy|Pedro Sánchez|
Andrzej Duda|Duda|Donald Tusk|Tusk|Alexander Stubb|Stubb|Sauli Niinistö|Niinistö|Mette Frederiksen|Frederiksen|Gitanas Nauseda|
Gitanas Nausėda|Nauseda|Maia Sandu|Sandu|Mikheil Saakashvili|Saakashvili|Nikol Pashinyan|Pashinyan|Ilham Aliyev|Aliyev|
Alexander Lukashenko|Aleksandr Lukashenko|Alexandre Lukashenko|Lukashenko|Lukachenko|Aleksandar Vucic|Aleksandar Vučić|Vucic|Vučić|
Aleksandar Vulin|Vulin|Kyriakos Mitsotakis|Mitsotakis|Rumen Radev|Radev|Xi Jinping|Wang Yi|Li Qiang|Mao Ning|Narendra Modi|Modi|
Kim Jong-un|Kim Jong Un|Kim Yo-jong|Benjamin Netanyahu|Netanyahu|Yoav Gallant|Gallant|Mahmoud Abbas|Bashar al-Assad|Bashar al Assad|
Assad|Ali Khamenei|Khamenei|Masoud Pezeshkian|Pezeshkian|Ebrahim Raisi|Raisi|Mohammed bin Salman|Kassym-Jomart Tokayev|Tokayev|
Justin Trudeau|Trudeau|Anthony Albanese|Albanese|Javier Milei|Milei|Nicolás Maduro|Maduro|Gustavo Petro|Gabriel Boric|Boric|
Daniel Ortega|Ortega|Andrés Manuel López Obrador|López Obrador|Claudia Sheinbaum|Sheinbaum|Filipe Nyusi|Nyusi|Daniel Chapo|
João Lourenço|Umaro Sissoco Embaló|Embaló|António Guterres|Antônio Guterres|Guterres|Rafael Grossi|Grossi|Tedros Adhanom Ghebreyesus|
Ban Ki-moon|Celeste Saulo|Petteri Taalas|Fatih Birol|Simon Stiell|Stiell|Sultan Ahmed al-Jaber|Sultan Ahmed al Jaber|Sultan al-Jaber|
Ahmed al Jaber|Al Jaber|Alok Sharma|Papa Francisco|Pietro Parolin|Parolin|Greta Thunberg|Thunberg|David Attenborough|Attenborough|
Paul Watson|Vanessa Nakate|Napoleão Bonaparte|Winston Churchill|Churchill|Rei Carlos III|Carlos III''')
# Portugal
add('PER', '''Marcelo Rebelo de Sousa|Rebelo de Sousa|Presidente Marcelo|António Costa|Antônio Costa|Luís Montenegro|Luis Montenegro|
Pedro Nuno Santos|André Ventura|Ventura|Rui Rocha|Mariana Mortágua|Mortágua|Paulo Raimundo|Rui Tavares|Inês de Sousa Real|Nuno Melo|
Paulo Rangel|Rangel|Joaquim Miranda Sarmento|Miranda Sarmento|Maria da Graça Carvalho|Graça Carvalho|Duarte Cordeiro|
Fernando Medina|João Gomes Cravinho|Gomes Cravinho|Augusto Santos Silva|Santos Silva|José Pedro Aguiar-Branco|Aguiar-Branco|
Carlos Moedas|Pedro Passos Coelho|Passos Coelho|Aníbal Cavaco Silva|Cavaco Silva|Ana Catarina Mendes|Helena Carreiras|
Marta Temido|Ana Paula Martins|Margarida Blasco|Miguel Pinto Luz|Pinto Luz|Catarina Martins|Jerónimo de Sousa|
Rui Rio|Francisco Assis|Mário Soares|Durão Barroso|José Manuel Durão Barroso|António Vitorino|Vitorino|José Sócrates|Sócrates|
Miguel Sousa Tavares|José Manuel Fernandes|Mário Machado|Carlos Cortes|Miguel Miranda|Jorge Moreira da Silva|Henrique Gouveia e Melo|
Gouveia e Melo|Manuel Pires da Rocha''')
# Brazil
add('PER', '''Luiz Inácio Lula da Silva|Lula da Silva|Lula|Presidente Lula|Jair Bolsonaro|Bolsonaro|Eduardo Bolsonaro|Flávio Bolsonaro|
Michelle Bolsonaro|Geraldo Alckmin|Alckmin|Fernando Haddad|Haddad|Marina Silva|Celso Amorim|Mauro Vieira|Flávio Dino|Alexandre de Moraes|
Moraes|Arthur Lira|Rodrigo Pacheco|Hugo Motta|Davi Alcolumbre|Hamilton Mourão|Mourão|Sergio Moro|Sérgio Moro|Tarcísio de Freitas|
Eduardo Leite|Sônia Guajajara|Sonia Guajajara|Gleisi Hoffmann|Simone Tebet|Tebet|Dilma Rousseff|Rousseff|
Fernando Henrique Cardoso|Michel Temer|Temer|Ciro Gomes|Raoni Metuktire|Raoni|Txai Suruí|Ana Toni|André Corrêa do Lago|
Corrêa do Lago|Alan Rick|Carlos Nobre|Chico Mendes|Dom Phillips|Bruno Pereira''')


add('LOC', '''União Soviética|URSS|República Popular de Donetsk|República Popular de Lugansk|República Popular de Luhansk|Centro-Oeste|Nordeste|
Baghlan|Bengala Ocidental|Bihar|Mizoram|Kuala Lumpur|Valparaíso|Córdoba|Derna|Chios|Kos|Leros|Naxos|Sifnos|Cíclades|Dodecaneso|Cefalônia|
Cefalónia|Costa do Golfo|Glaciar Perito Moreno|Monte Parnitha|Vila Sahy|Lago Tefé|Mamirauá|Stepnogorsk|Lozuvatske|Ashkhabad|Asgabate|
Canoas|Sudeste Asiático|Kamenskoe|Krasnoarmeisk|Nelepovka|Smolensk|Vientiane''')
add('ORG', '''Ministério da Defesa|Ministério dos Negócios Estrangeiros|Forças Armadas|Exército|Congresso|Senado|Parlamento|Conselho de Segurança|
Igreja Ortodoxa|Igreja Católica|CasaPound|Casa Pound|Falange Espanhola|Falange|Força Nova|Força Nova Italiana|Frente Nacional|Terceira Via|
Terceira Via Alemã|Partido Nacional Democrático da Alemanha|Portugal Hammerskins|Irmandade Ariana|Irmandade Ariana Portuguesa|
Nova Ordem Social|Resistência Nacional|Legião da Boa Vontade|LBV|Pessoas pelo Clima|Forward Observations Group|Academi|Dean Corporation|
Hyperion Services|Sons of Liberty International|Centros de Controlo e Prevenção de Doenças|Centros de Controle e Prevenção de Doenças|CDC|
Polícia Civil|Guarda Municipal|Brigada Militar|Guarda Civil|Comissão de Investigação|Serviço de Informações Externas russo|
Sociedade Zoológica de Londres|Academia Europeia de Segurança|Batalhão Aidar|Aidar|Tropas de Defesa Radiológica, Química e Biológica|
Agência Russa da Energia Atómica|Assembleia Federal|ECDC|USDA|GAO|Santé Publique France|Universidade de Bristol|Tongaat Hulett|Cubic|
Universidade das Nações Unidas|Universidade Federal de Viçosa|UFSCar|Painel Intergovernamental|Conferência das Partes|Fundo Clima|
Ministério do Ambiente|Ministério da Saúde|Ministério Público|Agência Brasil''')
add('PER', '''Presidente Vladimir Putin|Presidente Zelensky|Presidente Volodymyr Zelensky|Presidente Luiz Inácio Lula da Silva|Patrick Pouyanné|
Pouyanné|Penny Wong|Robert Kalinak|Vladlen Tatarsky|Vyacheslav Zinchenko|Leonid Kharchenko|Leonid Khartchenko|Mikhail Sheremet|
Sergei Dubinski|Serguei Dubinski|Agnès Callamard|Callamard|Luigi Brugnaro|Ilan Kelman|Hannah Cloke|Harjeet Singh|Howey Ou|Hugo Clément|
Ivar Giaever|John F. Clauser|Thomas Matthew Crooks|Sergei Dorenko|Dorenko|Viktor Litovkin|Litovkin|Rick Perry|Perry|Vladimir Konstantinov|
Konstantinov|Evgeny Serebriakov|Serebriakov|Vladimir Pipko|Andrei Nastasin|Jeremy Clarkson|Clarkson|Nostradamus|Baba Vanga|
Carlos da Câmara|Vicente Fernandes|Bogdan Bezpalko|Bezpalko|Mark Sleboda|Sleboda|Dan Lazare|Aleksandr Dudchak|Dudchak|
Igor Korotchenko|Korotchenko|Mykola Azarov|Nikolai Azarov|Azarov|Ari Uru-Eu-Wau-Wau|Jaciara Borari|Marcelo Laterman|Nando Reis|
Luca Bergamaschi|Anja Windl|Carolina Marçal|António Tânger|António Assunção|Edina Ifticene|Ekaterina Altabayeva|Emil Ishkulov|
Fikru Regasa|Jefferson Gonzalez|Noah Zino|Shaylyn Hynes|Thais Yutori|Tom Southerden|Caesar Tokhosashvili|Amorim|Smirnov|
Alexei Smirnov|Alexander Bogomaz|Aleksandar Vulin|Wang Yi|Zoltan Kovacs|Kovacs|Péter Szijjártó|Robert Fico|Leyen''')

# ================================================================ write
write(E, sys.argv[1])
