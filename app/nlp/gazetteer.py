"""General word lists the actor engine votes with: person titles, organisation cues, non-actor words.

Why: a small NER model labels one mention at a time; these lexicons give every merged actor a
second opinion ("Sen." before a name means a person, "Committee" at the end means an
organisation) and let the engine peel titles off names. Broad English news vocabulary only.
"""

from __future__ import annotations


def words(block: str) -> frozenset[str]:
    """Case-folded word set from a whitespace-separated block (keeps the tables readable)."""
    return frozenset(w.casefold() for w in block.split())


def with_dotless(titles: frozenset[str]) -> frozenset[str]:
    """Abbreviated titles also without their dot, as text folding may drop it ("sen" for "sen.")."""
    return titles | frozenset(title.rstrip(".") for title in titles)


# Titles and honorifics that precede a person's name ("President Nicolas Maduro", "Sen. Bob Menendez").
PERSON_TITLES: frozenset[str] = with_dotless(
    words(
        """
    President Vice-President Premier Chancellor Minister Secretary Senator Sen. Sens. Representative
    Rep. Reps.
    Congressman Congresswoman Governor Gov. Mayor Ambassador Envoy Judge Justice Prosecutor Attorney
    King Queen Prince Princess Emperor Empress Sultan Emir Sheikh Shaikh Crown Duke Duchess Lord
    Lady Sir Dame
    Pope Cardinal Archbishop Bishop Rabbi Imam Ayatollah Reverend Rev. Father Sister Brother
    Patriarch Cleric
    Mr. Mr Mrs. Mrs Ms. Ms Miss Dr. Dr Doctor Prof. Professor Mister Madam Madame Monsieur Herr Frau Signor
    General Gen. Lt. Lieutenant Col. Colonel Maj. Major Capt. Captain Cmdr. Commander Adm. Admiral
    Sgt. Sergeant
    Marshal Brig. Brigadier Corporal Cpl. Pvt. Private Officer Inspector Detective
    Superintendent Chief
    Chairman Chairwoman Chairperson Chair Director CEO Executive Spokesman Spokeswoman Spokesperson
    Leader Speaker Deputy Acting Former Ex-President Commissioner Counsel Coach Manager Striker Midfielder
    Defender Goalkeeper Captain Skipper Batsman Bowler Rider Driver Champion Coach Trainer Analyst Economist
    Candidate Nominee Dictator Tsar Czar Shah Mullah Mufti Lawmaker Legislator Delegate Councillor
    Councilman
    Commissar Comrade Auditor Treasurer Dean Rector Provost Chancellor Principal Superintendent
    Warden Sheriff
    Magistrate Consul Attache Negotiator Mediator Adviser Advisor Aide Assistant Officer Official Head
    """
    )
)

# Titles used only before a name ("Dr. Lena Berg") that say nothing of gender; the gendered
# courtesy titles ("Mrs.", "Sir") live in gender_lexicon.
ACADEMIC_TITLES: frozenset[str] = words("Dr. Dr Prof. Prof Professor")

# Words that turn a title into a longer office ("Secretary of State", "Minister of Defence").
TITLE_JOINERS: frozenset[str] = frozenset({"of", "for", "general", "de", "the"})

# Words that can follow a joiner inside a title: their NER fragments ("State") are not actors.
OFFICE_WORDS: frozenset[str] = words(
    """
    State Defence Defense Finance Justice Interior Treasury Commerce Trade Labor Labour Agriculture Energy
    Health Education Transportation Transport Foreign Affairs Home Economy Industry Culture Environment
    Housing Veterans Homeland Security Information Communications Tourism Sport Sports Science Technology
    Development Planning Budget Fisheries Forestry Mines Mining Oil Petroleum Water Works Immigration
    Police War Navy Army Air Force Staff Exchequer Commons Lords Court Council Cabinet Parliament Senate
    Congress House Assembly Department Ministry Office Bureau
    """
)

# Last words that mark an organisation name ("Lima Group", "Senate Foreign Relations Committee").
ORG_SUFFIXES: frozenset[str] = words(
    """
    Group Committee Commission Council Ministry Department Agency Bureau Office Service Services Inc
    Inc. Corp
    Corp. Corporation Co Co. Company Companies Ltd Ltd. Limited Plc PLC LLC LLP AG SA S.A. NV N.V.
    GmbH SpA BV
    Holdings Holding Partners Associates Bank Bancorp Fund Trust Insurance Airlines Airways Motors Motor
    Industries Industrial Enterprises Systems Technologies Electronics Communications Telecom
    Petroleum Oil Gas
    Energy Mining Steel Chemicals Pharmaceuticals Foods Brewery Breweries Stores Markets Media Press News
    Times Post Journal Herald Tribune Gazette Telegraph Network Broadcasting Television Radio
    Records Studios
    Party Union Unions Federation Confederation Association Alliance League Coalition Front Movement
    Organisation
    Organization Institute Institution Foundation Society Club FC F.C. United Rovers Wanderers Athletic
    Albion Academy University College School Hospital Church Assembly Parliament Congress Senate
    Court Tribunal
    Army Navy Force Forces Police Guard Guards Brigade Brigades Militia Corps Exchange Board
    Authority Reserve
    Cabinet Government Administration Secretariat Directorate Commissariat Command Team Squad
    Ensemble Orchestra
    Band Council Chamber Consortium Cooperative Syndicate Cartel Network Mission Programme Program Institute
    Laboratories Labs Motors Racing Cycling Olympic Olympics Committee Commission Board Panel
    """
)

# First words that mark an organisation name ("Bank of England", "Ministry of Defence").
ORG_PREFIXES: frozenset[str] = words(
    """
    Bank Ministry Department University College Institute Committee Council Commission Federation Union
    Association Party Church Court Office Agency Board House Senate Congress Parliament Government Army Navy
    """
)

# Names that read as a proper noun but are parties, groups or generic words, never one actor.
NON_ACTOR_WORDS: frozenset[str] = words(
    """
    Democrat Democrats Republican Republicans Democratic Conservative Conservatives Liberal Liberals Labour
    Socialist Socialists Communist Communists Tory Tories Western Westerner Westerners Eastern
    Northern Southern
    Islamist Islamists Muslim Muslims Christian Christians Jewish Jew Jews Catholic Catholics
    Protestant Sunni
    Shi'ite Shiite Shia Hindu Buddhist Arab Arabs European Europeans African Africans Asian Asians Latin
    Hispanic Kurd Kurds Kurdish Sikh State Government Parliament Minister President God
    """
)

# Words that turn a following demonym into a wider region's: "Latin American" is not "American".
REGION_QUALIFIERS: frozenset[str] = words("Latin Central North South East West Pan Anglo Afro Native")

# Lower-case nouns that head a role apposition ("X, the group's spokesman, ...").
ROLE_HEADS: frozenset[str] = words(
    """
    president minister secretary senator representative congressman congresswoman governor mayor ambassador
    envoy judge prosecutor attorney king queen prince princess leader chief head chairman chairwoman
    director
    spokesman spokeswoman spokesperson adviser advisor aide official officer commander general colonel
    captain coach manager striker midfielder defender goalkeeper player champion founder owner executive
    analyst economist strategist negotiator candidate nominee lawmaker legislator member deputy counterpart
    chancellor premier president-elect speaker whip democrat republican editor correspondent reporter
    researcher professor scientist expert lawyer counsel partner investor banker trader dealer president
    """
)

# Words that open a family name after the given name ("Marco de la Vega", "Nora Ní Riain"):
# the surname a story uses on second reference starts there.
SURNAME_PARTICLES: frozenset[str] = words(
    """
    de del della der den di da do dos du la le van von vom ter ten al el bin ibn ben zu
    ní nic ó ua mac mc
    """
)

# Prepositions of place: a lone name right after one is somewhere ("lives in Lincoln"), so it
# is not read as the surname of a person of the story.
LOCATIVE_PREPOSITIONS: frozenset[str] = words("in near outside inside across throughout around into")

# Last words that mark a place name ("Harbour Road", "Ostby Park", "Skarn Valley").
PLACE_SUFFIXES: frozenset[str] = words(
    """
    Road Street St. Avenue Ave. Lane Boulevard Drive Way Bridge Park Square Plaza Stadium Arena Airport
    Harbour Harbor Port Bay Beach Coast Hill Hills Heights Valley River Lake Island Islands Point Cape
    Mountain Mountains Forest Hole Gardens Green Quay Pier Station Terminal Canal Creek Falls Springs
    """
)

# Lower-case nouns that head an apposition naming an organisation ("the builder, Brenner Kvist,",
# "Fennick, a small brewery ..."): the name beside them is no person.
ORG_NOUNS: frozenset[str] = words(
    """
    company firm group band orchestra choir operator builder maker manufacturer producer developer
    retailer supermarket chain carrier airline railway bank lender insurer broker fund investor
    publisher broadcaster newspaper charity foundation club team union association agency regulator
    authority council ministry department party coalition organisation organization network startup
    start-up brand label studio brewery distillery conglomerate subsidiary consortium cooperative
    """
)

# Capitalised words that open a place name the model may tag without them ("Little Marsby",
# "Upper Tarnwick", "Port Averly").
PLACE_PREFIXES: frozenset[str] = words(
    """
    Little Great Old New Upper Lower Greater Port Mount Fort Lake Cape Saint St. North South East West
    """
)

# Online platforms: organisations when they act, channels (not actors) in "said on Twitter".
PLATFORMS: frozenset[str] = words(
    """
    Twitter Facebook Instagram YouTube WhatsApp Telegram TikTok WeChat Weibo LinkedIn Snapchat Reddit
    Threads Bluesky Mastodon VKontakte Signal Viber
    """
)

# Compass words that open region names ("West Bank", "South Ossetia"): a place cue.
COMPASS_WORDS: frozenset[str] = words(
    "North South East West Northern Southern Eastern Western Central Upper Lower Greater"
)
