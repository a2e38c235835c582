"""Word lists the drafting rules read: countries and their adjectives, cities, titles, ranks.

The lists are small and general (defence and foreign-affairs reporting anywhere), not
tuned to one pair of countries.  A city's country is a fact of geography, so a place
read from "in Tel Aviv" is proposed with its country and an ``inferred`` reason.

>>> COUNTRY_WORDS["Israeli"], COUNTRY_WORDS["India's"], COUNTRY_WORDS["UK"]
('IL', 'IN', 'GB')
>>> CITIES["Tel Aviv"]
'IL'
>>> "Defence Secretary" in TITLES
True
"""

from __future__ import annotations

__all__ = [
    "AGREEMENT_WORDS",
    "CITIES",
    "COUNTRY_NAMES",
    "COUNTRY_WORDS",
    "MONTHS",
    "ORDINAL_WORDS",
    "RANKS",
    "TITLES",
]

#: English country names (and the short forms reports use) by ISO 3166-1 alpha-2 code.
COUNTRY_NAMES: dict[str, str] = {
    "AE": "United Arab Emirates",
    "AU": "Australia",
    "BD": "Bangladesh",
    "BR": "Brazil",
    "CA": "Canada",
    "CN": "China",
    "DE": "Germany",
    "EG": "Egypt",
    "ES": "Spain",
    "FR": "France",
    "GB": "United Kingdom",
    "GR": "Greece",
    "ID": "Indonesia",
    "IL": "Israel",
    "IN": "India",
    "IR": "Iran",
    "IT": "Italy",
    "JP": "Japan",
    "KR": "South Korea",
    "LK": "Sri Lanka",
    "MY": "Malaysia",
    "NG": "Nigeria",
    "NL": "Netherlands",
    "NO": "Norway",
    "NP": "Nepal",
    "NZ": "New Zealand",
    "PH": "Philippines",
    "PK": "Pakistan",
    "PL": "Poland",
    "PT": "Portugal",
    "RU": "Russia",
    "SA": "Saudi Arabia",
    "SE": "Sweden",
    "SG": "Singapore",
    "TH": "Thailand",
    "TR": "Turkey",
    "UA": "Ukraine",
    "US": "United States",
    "VN": "Vietnam",
    "ZA": "South Africa",
}

_ADJECTIVES: dict[str, str] = {
    "AE": "Emirati",
    "AU": "Australian",
    "BD": "Bangladeshi",
    "BR": "Brazilian",
    "CA": "Canadian",
    "CN": "Chinese",
    "DE": "German",
    "EG": "Egyptian",
    "ES": "Spanish",
    "FR": "French",
    "GB": "British",
    "GR": "Greek",
    "ID": "Indonesian",
    "IL": "Israeli",
    "IN": "Indian",
    "IR": "Iranian",
    "IT": "Italian",
    "JP": "Japanese",
    "KR": "South Korean",
    "LK": "Sri Lankan",
    "MY": "Malaysian",
    "NG": "Nigerian",
    "NL": "Dutch",
    "NO": "Norwegian",
    "NP": "Nepali",
    "NZ": "New Zealand",
    "PH": "Philippine",
    "PK": "Pakistani",
    "PL": "Polish",
    "PT": "Portuguese",
    "RU": "Russian",
    "SA": "Saudi",
    "SE": "Swedish",
    "SG": "Singaporean",
    "TH": "Thai",
    "TR": "Turkish",
    "UA": "Ukrainian",
    "US": "American",
    "VN": "Vietnamese",
    "ZA": "South African",
}

_SHORT: dict[str, str] = {
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "US": "US",
    "U.S.": "US",
    "USA": "US",
    "UAE": "AE",
    "Pak": "PK",
    "Korea": "KR",
}


def _country_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for code, name in COUNTRY_NAMES.items():
        words[name] = code
        words[f"{name}'s"] = code
        words[f"{name}’s"] = code
    for code, adjective in _ADJECTIVES.items():
        words[adjective] = code
    for short, code in _SHORT.items():
        words[short] = code
        words[f"{short}'s"] = code
    return words


#: Every word that names a country in running text: names, possessives, adjectives.
COUNTRY_WORDS: dict[str, str] = _country_words()

#: Cities that reports name as meeting places or datelines, with their countries.
CITIES: dict[str, str] = {
    "Abu Dhabi": "AE",
    "Ankara": "TR",
    "Athens": "GR",
    "Bangalore": "IN",
    "Bengaluru": "IN",
    "Beijing": "CN",
    "Berlin": "DE",
    "Brasilia": "BR",
    "Brussels": "BE",
    "Cairo": "EG",
    "Canberra": "AU",
    "Chennai": "IN",
    "Colombo": "LK",
    "Dhaka": "BD",
    "Dubai": "AE",
    "Haifa": "IL",
    "Hanoi": "VN",
    "Islamabad": "PK",
    "Jakarta": "ID",
    "Jerusalem": "IL",
    "Kathmandu": "NP",
    "Kuala Lumpur": "MY",
    "Kyiv": "UA",
    "Lisbon": "PT",
    "London": "GB",
    "Madrid": "ES",
    "Manila": "PH",
    "Melbourne": "AU",
    "Moscow": "RU",
    "Mumbai": "IN",
    "New Delhi": "IN",
    "Delhi": "IN",
    "New York": "US",
    "Oslo": "NO",
    "Ottawa": "CA",
    "Paris": "FR",
    "Pahalgam": "IN",
    "Riyadh": "SA",
    "Rome": "IT",
    "Seoul": "KR",
    "Singapore": "SG",
    "Stockholm": "SE",
    "Sydney": "AU",
    "Tehran": "IR",
    "Tel Aviv": "IL",
    "The Hague": "NL",
    "Tokyo": "JP",
    "Toulouse": "FR",
    "Warsaw": "PL",
    "Washington": "US",
    "Wellington": "NZ",
}

#: Official titles, longest first so that "Deputy Defence Minister" wins over "Defence Minister".
TITLES: tuple[str, ...] = tuple(
    sorted(
        {
            "Defence Secretary",
            "Defense Secretary",
            "Defence Minister",
            "Defense Minister",
            "Deputy Defence Minister",
            "Vice Minister",
            "Vice Minister of Defense",
            "State Minister",
            "Minister of Defence",
            "Minister of State for Defence",
            "Secretary of Defense",
            "Secretary of State for Defence",
            "Foreign Minister",
            "Foreign Secretary",
            "External Affairs Minister",
            "Minister of External Affairs",
            "Minister for Foreign Affairs",
            "Secretary of State",
            "Prime Minister",
            "President",
            "Vice President",
            "National Security Advisor",
            "National Security Adviser",
            "Deputy National Security Advisor",
            "Director General",
            "Chief of Defence Staff",
            "Chief of the Defence Staff",
            "Chief of Army Staff",
            "Chief of Naval Staff",
            "Chief of Air Staff",
            "Chief of Staff",
            "Army Chief",
            "Navy Chief",
            "Air Force Chief",
            "Ambassador",
            "High Commissioner",
            "Spokesperson",
            "Joint Secretary",
            "Additional Secretary",
            "Secretary",
            "Minister",
        },
        key=lambda title: (-len(title), title),
    )
)

#: Military ranks, longest first; the reserve marker "(Res.)" may follow.
RANKS: tuple[str, ...] = tuple(
    sorted(
        {
            "Major General",
            "Maj Gen",
            "Maj. Gen.",
            "Lieutenant General",
            "Lt Gen",
            "Lt. Gen.",
            "Brigadier General",
            "Brig Gen",
            "General",
            "Admiral",
            "Vice Admiral",
            "Rear Admiral",
            "Air Chief Marshal",
            "Air Marshal",
            "Air Vice Marshal",
            "Colonel",
            "Brigadier",
        },
        key=lambda rank: (-len(rank), rank),
    )
)

#: Words naming an agreement, with the agreement kind each one means.
AGREEMENT_WORDS: dict[str, str] = {
    "Memorandum of Understanding": "mou",
    "MoU": "mou",
    "MOU": "mou",
    "Letter of Intent": "letter-of-intent",
    "letter of intent": "letter-of-intent",
    "treaty": "treaty",
    "Treaty": "treaty",
    "protocol": "protocol",
    "Protocol": "protocol",
    "agreement": "agreement",
    "Agreement": "agreement",
    "pact": "agreement",
}

#: Month names and their common short forms.
MONTHS: dict[str, int] = {
    **{
        name: number
        for number, name in enumerate(
            (
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ),
            start=1,
        )
    },
    **{
        name: number
        for number, name in enumerate(
            ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
            start=1,
        )
    },
    "Sept": 9,
}

#: Ordinals written as words.
ORDINAL_WORDS: dict[str, int] = {
    word: number
    for number, word in enumerate(
        (
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ),
        start=1,
    )
}
