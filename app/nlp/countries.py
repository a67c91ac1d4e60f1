"""Country gazetteer: names, short forms, demonyms and capitals keyed by ISO 3166-1 alpha-2 code.

Why: the NER model types "Russian" as a group and "Washington" as a place on its own; tying
adjectives and capitals back to one country (with its ISO code from pycountry) is what lets the
actor layer merge "U.S.", "the United States", "American" and "Washington" into one actor.
The table is a broad, general lexicon of the world's countries, not tuned to any article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

# CODE|common short name|other names;...|demonyms and adjectives;...|capitals;...
# The short name is empty when pycountry's own name is already the common one.
_TABLE = """
AF||Afghan Republic|Afghan;Afghans;Afghani|Kabul
AL|||Albanian;Albanians|Tirana
DZ|||Algerian;Algerians|Algiers
AD|||Andorran|Andorra la Vella
AO|||Angolan;Angolans|Luanda
AG|||Antiguan|St. John's
AR||the Argentine|Argentine;Argentinian;Argentinean;Argentines;Argentinians|Buenos Aires
AM|||Armenian;Armenians|Yerevan
AU|||Australian;Australians|Canberra
AT|||Austrian;Austrians|Vienna
AZ|||Azerbaijani;Azeri;Azerbaijanis;Azeris|Baku
BS|||Bahamian|Nassau
BH|||Bahraini;Bahrainis|Manama
BD|||Bangladeshi;Bangladeshis|Dhaka
BB|||Barbadian|Bridgetown
BY||Byelorussia|Belarusian;Belarussian;Byelorussian;Belarusians|Minsk
BE|||Belgian;Belgians|Brussels
BZ|||Belizean|Belmopan
BJ|||Beninese|Porto-Novo
BT|||Bhutanese|Thimphu
BO|Bolivia||Bolivian;Bolivians|La Paz;Sucre
BA|Bosnia|Bosnia-Herzegovina;Bosnia Herzegovina|Bosnian;Bosnians|Sarajevo
BW|||Botswanan;Motswana|Gaborone
BR|||Brazilian;Brazilians|Brasilia;Brasília
BN|Brunei||Bruneian|Bandar Seri Begawan
BG|||Bulgarian;Bulgarians|Sofia
BF|||Burkinabe|Ouagadougou
BI|||Burundian;Burundians|Gitega;Bujumbura
CV|Cape Verde|Cabo Verde|Cape Verdean|Praia
KH||Kampuchea|Cambodian;Cambodians|Phnom Penh
CM|||Cameroonian;Cameroonians|Yaounde;Yaoundé
CA|||Canadian;Canadians|Ottawa
CF|||Central African|Bangui
TD|||Chadian;Chadians|N'Djamena
CL|||Chilean;Chileans|Santiago
CN||PRC;People's Republic of China;Mainland China|Chinese|Beijing;Peking
CO|||Colombian;Colombians|Bogota;Bogotá
KM|||Comorian|Moroni
CG|Congo|Congo-Brazzaville;Republic of Congo|Congolese|Brazzaville
CD|Democratic Republic of Congo|DR Congo;DRC;Congo-Kinshasa;Zaire|Zairean|Kinshasa
CR|||Costa Rican;Costa Ricans|San Jose;San José
CI|Ivory Coast|Cote d'Ivoire;Côte d'Ivoire|Ivorian;Ivorians|Yamoussoukro
HR|||Croatian;Croat;Croats;Croatians|Zagreb
CU|||Cuban;Cubans|Havana
CY|||Cypriot;Cypriots|Nicosia
CZ|Czech Republic|Czechia|Czech;Czechs|Prague
DK|||Danish;Dane;Danes|Copenhagen
DJ|||Djiboutian|Djibouti
DM|||Dominican|Roseau
DO|||Dominicans|Santo Domingo
EC|||Ecuadorean;Ecuadorian;Ecuadoreans;Ecuadorians|Quito
EG|||Egyptian;Egyptians|Cairo
SV|||Salvadoran;Salvadorean;Salvadorans|San Salvador
GQ|||Equatorial Guinean|Malabo
ER|||Eritrean;Eritreans|Asmara
EE|||Estonian;Estonians|Tallinn
SZ|Eswatini|Swaziland|Swazi;Swazis|Mbabane
ET|||Ethiopian;Ethiopians|Addis Ababa
FJ|||Fijian;Fijians|Suva
FI|||Finnish;Finn;Finns|Helsinki
FR|||French;Frenchman;Frenchmen|Paris
GA|||Gabonese|Libreville
GM|Gambia|The Gambia|Gambian;Gambians|Banjul
GE|||Georgian;Georgians|Tbilisi
DE||West Germany;East Germany|German;Germans|Berlin;Bonn
GH|||Ghanaian;Ghanaians|Accra
GR|||Greek;Greeks|Athens
GD|||Grenadian|St. George's
GT|||Guatemalan;Guatemalans|Guatemala City
GN|||Guinean;Guineans|Conakry
GW|||Bissau-Guinean|Bissau
GY|||Guyanese|Georgetown
HT|||Haitian;Haitians|Port-au-Prince
HN|||Honduran;Hondurans|Tegucigalpa
HU|||Hungarian;Hungarians|Budapest
IS|||Icelandic;Icelander;Icelanders|Reykjavik
IN|||Indian;Indians|New Delhi
ID|||Indonesian;Indonesians|Jakarta
IR|Iran|Persia|Iranian;Iranians;Persian|Tehran
IQ|||Iraqi;Iraqis|Baghdad
IE|||Irish|Dublin
IL|||Israeli;Israelis|Jerusalem
IT|||Italian;Italians|Rome
JM|||Jamaican;Jamaicans|Kingston
JP|||Japanese|Tokyo
JO|||Jordanian;Jordanians|Amman
KZ|||Kazakh;Kazakhstani;Kazakhs|Astana;Almaty;Alma-Ata
KE|||Kenyan;Kenyans|Nairobi
KI|||I-Kiribati|Tarawa
KP|North Korea|DPRK;Democratic People's Republic of Korea|North Korean;North Koreans|Pyongyang
KR|South Korea|Republic of Korea;ROK|South Korean;South Koreans|Seoul
XK|Kosovo||Kosovar;Kosovan;Kosovars|Pristina
KW|||Kuwaiti;Kuwaitis|Kuwait City
KG|||Kyrgyz;Kirghiz;Kyrgyzstani|Bishkek
LA|Laos||Lao;Laotian;Laotians|Vientiane
LV|||Latvian;Latvians|Riga
LB|||Lebanese|Beirut
LS|||Basotho;Mosotho|Maseru
LR|||Liberian;Liberians|Monrovia
LY|||Libyan;Libyans|Tripoli
LI|||Liechtensteiner|Vaduz
LT|||Lithuanian;Lithuanians|Vilnius
LU|||Luxembourgish;Luxembourger|Luxembourg
MG|||Malagasy|Antananarivo
MW|||Malawian;Malawians|Lilongwe
MY|||Malaysian;Malaysians|Kuala Lumpur
MV|||Maldivian|Male
ML|||Malian;Malians|Bamako
MT|||Maltese|Valletta
MH|||Marshallese|Majuro
MR|||Mauritanian;Mauritanians|Nouakchott
MU|||Mauritian;Mauritians|Port Louis
MX|||Mexican;Mexicans|Mexico City
FM|Micronesia||Micronesian|Palikir
MD|Moldova||Moldovan;Moldovans|Chisinau;Kishinev
MC|||Monegasque|Monaco
MN|||Mongolian;Mongolians|Ulan Bator;Ulaanbaatar
ME|||Montenegrin;Montenegrins|Podgorica
MA|||Moroccan;Moroccans|Rabat
MZ|||Mozambican;Mozambicans|Maputo
MM|Myanmar|Burma|Burmese;Myanmarese|Naypyidaw;Rangoon;Yangon
NA|||Namibian;Namibians|Windhoek
NR|||Nauruan|Yaren
NP|||Nepali;Nepalese|Kathmandu
NL||Holland;The Netherlands|Dutch;Dutchman|Amsterdam;The Hague
NZ|||New Zealander;New Zealanders|Wellington
NI|||Nicaraguan;Nicaraguans|Managua
NE|||Nigerien;Nigeriens|Niamey
NG|||Nigerian;Nigerians|Abuja;Lagos
MK|North Macedonia|Macedonia;FYROM|Macedonian;Macedonians|Skopje
NO|||Norwegian;Norwegians|Oslo
OM|||Omani;Omanis|Muscat
PK|||Pakistani;Pakistanis|Islamabad
PW|||Palauan|Ngerulmud
PS|Palestine|Palestinian Territories;Palestinian territories|Palestinian;Palestinians|Ramallah
PA|||Panamanian;Panamanians|Panama City
PG|||Papua New Guinean|Port Moresby
PY|||Paraguayan;Paraguayans|Asuncion;Asunción
PE|||Peruvian;Peruvians|Lima
PH|||Filipino;Philippine;Filipinos|Manila
PL|||Polish;Pole;Poles|Warsaw
PT|||Portuguese|Lisbon
QA|||Qatari;Qataris|Doha
RO|||Romanian;Romanians|Bucharest
RU|Russia|Soviet Union;USSR;U.S.S.R.|Russian;Russians;Soviet|Moscow
RW|||Rwandan;Rwandans;Rwandese|Kigali
KN|||Kittitian|Basseterre
LC|||Saint Lucian|Castries
VC|||Vincentian|Kingstown
WS|||Samoan;Samoans|Apia
SM|||Sammarinese|San Marino
ST|||Santomean|Sao Tome
SA|||Saudi;Saudis;Saudi Arabian|Riyadh
SN|||Senegalese|Dakar
RS|||Serbian;Serb;Serbs;Serbians|Belgrade
SC|||Seychellois|Victoria
SL|||Sierra Leonean|Freetown
SG|||Singaporean;Singaporeans|Singapore
SK|||Slovak;Slovaks;Slovakian|Bratislava
SI|||Slovenian;Slovene;Slovenes;Slovenians|Ljubljana
SB|||Solomon Islander|Honiara
SO|||Somali;Somalis;Somalian|Mogadishu
ZA|||South African;South Africans|Pretoria;Cape Town
SS|||South Sudanese|Juba
ES|||Spanish;Spaniard;Spaniards|Madrid
LK||Ceylon|Sri Lankan;Sri Lankans|Colombo;Sri Jayawardenepura Kotte
SD|Sudan|the Sudan|Sudanese|Khartoum
SR|||Surinamese|Paramaribo
SE|||Swedish;Swede;Swedes|Stockholm
CH||Swiss Confederation|Swiss|Bern;Berne
SY|Syria||Syrian;Syrians|Damascus
TW|Taiwan|Republic of China;ROC|Taiwanese|Taipei
TJ|||Tajik;Tajiks;Tajikistani|Dushanbe
TZ|Tanzania||Tanzanian;Tanzanians|Dodoma;Dar es Salaam
TH||Siam|Thai;Thais|Bangkok
TL|East Timor|Timor-Leste|East Timorese;Timorese|Dili
TG|||Togolese|Lome;Lomé
TO|||Tongan|Nuku'alofa
TT|||Trinidadian;Tobagonian|Port of Spain
TN|||Tunisian;Tunisians|Tunis
TR|Turkey|Türkiye;Turkiye|Turkish;Turk;Turks|Ankara
TM|||Turkmen;Turkmens|Ashgabat
TV|||Tuvaluan|Funafuti
UG|||Ugandan;Ugandans|Kampala
UA|||Ukrainian;Ukrainians|Kyiv;Kiev
AE|United Arab Emirates|UAE;U.A.E.;Emirates|Emirati;Emiratis|Abu Dhabi
GB|Britain|United Kingdom;UK;U.K.;Great Britain;GB|British;Briton;Britons|London
US|United States|U.S.;US;USA;U.S.A.;America;United States of America|American;Americans|Washington
UY|||Uruguayan;Uruguayans|Montevideo
UZ|||Uzbek;Uzbeks;Uzbekistani|Tashkent
VU|||Ni-Vanuatu|Port Vila
VA|Vatican|Holy See;Vatican City|Vatican|
VE|Venezuela||Venezuelan;Venezuelans|Caracas
VN|Vietnam|Viet Nam|Vietnamese|Hanoi
YE|||Yemeni;Yemenis|Sanaa;Sana'a
ZM|||Zambian;Zambians|Lusaka
ZW|||Zimbabwean;Zimbabweans|Harare
HK|Hong Kong||Hong Konger|
PR|Puerto Rico||Puerto Rican;Puerto Ricans|San Juan
GL|||Greenlandic;Greenlander|Nuuk
"""


@dataclass(frozen=True, slots=True)
class Country:
    """One country: its ISO code, the short name used as actor name, and every surface form."""

    code: str
    name: str
    names: tuple[str, ...] = field(default=())
    demonyms: tuple[str, ...] = field(default=())
    capitals: tuple[str, ...] = field(default=())


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """All countries of the table, with pycountry's official and common names folded in."""
    result: list[Country] = []
    for line in _TABLE.strip().splitlines():
        code, short, others, demonyms, capitals = [*line.split("|"), "", "", "", ""][:5]
        record = pycountry.countries.get(alpha_2=code)
        names: list[str] = list(_split(others))
        if record is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(record, attr, None)
                if value and "," not in value:
                    names.append(value)
        default = (getattr(record, "common_name", None) or record.name) if record is not None else code
        name = short or default
        names.insert(0, name)
        result.append(Country(code, name, tuple(dict.fromkeys(names)), _split(demonyms), _split(capitals)))
    return tuple(result)


def _key(text: str) -> str:
    """Lookup key: case-folded, curly apostrophes straightened, a leading "the" dropped."""
    key = " ".join(text.replace("\u2019", "'").split()).casefold()
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, Country], dict[str, Country], dict[str, Country]]:
    by_name: dict[str, Country] = {}
    by_demonym: dict[str, Country] = {}
    by_capital: dict[str, Country] = {}
    for country in countries():
        for name in country.names:
            by_name.setdefault(_key(name), country)
        for demonym in country.demonyms:
            by_demonym.setdefault(_key(demonym), country)
        for capital in country.capitals:
            by_capital.setdefault(_key(capital), country)
    # A capital that is also a country name (Singapore, Luxembourg ...) is the country.
    for key in list(by_capital):
        if key in by_name:
            del by_capital[key]
    return by_name, by_demonym, by_capital


def country_by_name(text: str) -> Country | None:
    """The country this text names ("U.S.", "the United States", "Russia"), if any."""
    return _indexes()[0].get(_key(text))


def country_by_demonym(text: str) -> Country | None:
    """The country of a demonym or adjective ("Russian", "Cubans"), if any."""
    return _indexes()[1].get(_key(text))


def country_by_capital(text: str) -> Country | None:
    """The country whose capital this is ("Washington", "Moscow"), if any."""
    return _indexes()[2].get(_key(text))
