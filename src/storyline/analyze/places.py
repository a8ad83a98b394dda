"""Country names and their common short forms: a small gazetteer the small NER model needs.

The packaged model misses or mislabels countries that run into names ("the President of the USA
Donald Trump"), and outlets write one country several ways (US, U.S., USA, America, United States).
Only countries are listed: they are few, stable, and the ones news writes in titles."""

from __future__ import annotations

# Canonical name -> other forms the news uses for it.
COUNTRY_VARIANTS: dict[str, tuple[str, ...]] = {
    "United States": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the States"),
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain"),
    "Turkey": ("Türkiye", "Turkiye"),
    "Russia": ("Russian Federation",),
    "United Arab Emirates": ("UAE", "U.A.E.", "Emirates"),
    "Czech Republic": ("Czechia",),
    "Netherlands": ("Holland", "The Netherlands"),
    "Ivory Coast": ("Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire"),
    "Myanmar": ("Burma",),
    "North Korea": ("DPRK",),
    "South Korea": ("Republic of Korea", "Korea"),
    "China": ("People's Republic of China", "PRC"),
    "Democratic Republic of Congo": ("DRC", "DR Congo", "Democratic Republic of the Congo"),
    "Eswatini": ("Swaziland",),
    "North Macedonia": ("Macedonia",),
    "Cape Verde": ("Cabo Verde",),
    "European Union": ("EU", "E.U."),
    "United Nations": ("UN", "U.N."),
}

COUNTRIES: frozenset[str] = frozenset("""
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain
Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria Burundi
Cambodia Cameroon Canada Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus Denmark Djibouti Dominica
Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece
Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy
Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya
Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico
Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal Netherlands Nicaragua
Niger Nigeria Norway Oman Pakistan Palau Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania
Russia Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden
Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine
Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe Türkiye Czechia Burma Britain America
""".split()) | frozenset({
    "Burkina Faso", "Costa Rica", "Czech Republic", "Dominican Republic", "East Timor", "El Salvador",
    "Equatorial Guinea", "Ivory Coast", "New Zealand", "North Korea", "South Korea", "North Macedonia",
    "Papua New Guinea", "Saudi Arabia", "Sierra Leone", "South Africa", "South Sudan", "Sri Lanka",
    "United Arab Emirates", "United Kingdom", "United States", "Vatican City", "Cape Verde", "San Marino",
    "Solomon Islands", "Marshall Islands", "Trinidad and Tobago", "Bosnia and Herzegovina", "Guinea-Bissau",
    "Central African Republic", "Democratic Republic of Congo", "US", "U.S.", "USA", "UK", "U.K.", "UAE",
})


def _fold(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


_CANONICAL = {_fold(variant): canonical for canonical, variants in COUNTRY_VARIANTS.items() for variant in variants}
_CANONICAL.update({_fold(name): name for name in COUNTRY_VARIANTS})


def canonical_place(name: str) -> str | None:
    """The canonical name of a country written another way ('USA' -> 'United States'), else None."""
    return _CANONICAL.get(_fold(name))


def is_country(name: str) -> bool:
    return name in COUNTRIES or name.removeprefix("the ") in COUNTRIES
