"""English names for a person of a US state or of a country.

STATE_DEMONYMS: the people of each US state ("the Texan", "the Vermonter"): a description US political news
uses for a politician of that state, which analyze/antecedents.py resolves to the person the story introduced
with the state ("Sen. Ted Cruz (R-Tex.)", "Sen. Ted Cruz of Texas", "Texas Sen. Ted Cruz").

COUNTRY_DEMONYMS: the noun for a person of a country ("the Spaniard", "the Frenchman", "the Kenyan"), with the
country and its adjective, by which a story introduces the person ("Spain's Carla Ruiz", "Spanish forward Mateo
Ruiz", "Pablo Ruiz of Spain"); sports and foreign news name a person so once introduced. Only nouns that name one
person: "the French", "the Swiss", "the Japanese" and "the Lebanese" name a people, and stay out."""

from __future__ import annotations

STATE_DEMONYMS = {
    "alabamian": "Alabama", "alaskan": "Alaska", "arizonan": "Arizona", "arkansan": "Arkansas",
    "californian": "California", "coloradan": "Colorado", "connecticuter": "Connecticut", "delawarean": "Delaware",
    "floridian": "Florida", "georgian": "Georgia", "hawaiian": "Hawaii", "idahoan": "Idaho", "illinoisan": "Illinois",
    "hoosier": "Indiana", "iowan": "Iowa", "kansan": "Kansas", "kentuckian": "Kentucky", "louisianan": "Louisiana",
    "mainer": "Maine", "marylander": "Maryland", "minnesotan": "Minnesota", "michigander": "Michigan",
    "mississippian": "Mississippi", "missourian": "Missouri", "montanan": "Montana", "nebraskan": "Nebraska",
    "nevadan": "Nevada", "oklahoman": "Oklahoma", "ohioan": "Ohio", "oregonian": "Oregon", "pennsylvanian": "Pennsylvania",
    "tennessean": "Tennessee", "texan": "Texas", "utahn": "Utah", "vermonter": "Vermont", "virginian": "Virginia",
    "washingtonian": "Washington", "wisconsinite": "Wisconsin", "wyomingite": "Wyoming",
}

COUNTRY_DEMONYMS = {
    "afghan": ("Afghanistan", "Afghan"), "albanian": ("Albania", "Albanian"), "algerian": ("Algeria", "Algerian"),
    "american": ("United States", "American", "U.S.", "US"), "argentine": ("Argentina", "Argentine", "Argentinian"),
    "argentinian": ("Argentina", "Argentine", "Argentinian"), "armenian": ("Armenia", "Armenian"),
    "australian": ("Australia", "Australian"), "aussie": ("Australia", "Australian"), "austrian": ("Austria", "Austrian"),
    "belarusian": ("Belarus", "Belarusian"), "belgian": ("Belgium", "Belgian"), "bolivian": ("Bolivia", "Bolivian"),
    "bosnian": ("Bosnia", "Bosnian"), "brazilian": ("Brazil", "Brazilian"), "briton": ("Britain", "British", "UK"),
    "brit": ("Britain", "British", "UK"), "bulgarian": ("Bulgaria", "Bulgarian"), "cameroonian": ("Cameroon", "Cameroonian"),
    "canadian": ("Canada", "Canadian"), "chilean": ("Chile", "Chilean"), "colombian": ("Colombia", "Colombian"),
    "croat": ("Croatia", "Croatian"), "croatian": ("Croatia", "Croatian"), "cuban": ("Cuba", "Cuban"),
    "cypriot": ("Cyprus", "Cypriot"), "czech": ("Czech Republic", "Czechia", "Czech"), "dane": ("Denmark", "Danish"),
    "dutchman": ("Netherlands", "Dutch"), "dutchwoman": ("Netherlands", "Dutch"), "ecuadorian": ("Ecuador", "Ecuadorian"),
    "egyptian": ("Egypt", "Egyptian"), "englishman": ("England", "English"), "englishwoman": ("England", "English"),
    "estonian": ("Estonia", "Estonian"), "ethiopian": ("Ethiopia", "Ethiopian"), "filipino": ("Philippines", "Filipino"),
    "filipina": ("Philippines", "Filipina"), "finn": ("Finland", "Finnish"), "frenchman": ("France", "French"),
    "frenchwoman": ("France", "French"), "german": ("Germany", "German"), "ghanaian": ("Ghana", "Ghanaian"),
    "greek": ("Greece", "Greek"), "hungarian": ("Hungary", "Hungarian"), "icelander": ("Iceland", "Icelandic"),
    "indian": ("India", "Indian"), "indonesian": ("Indonesia", "Indonesian"), "iranian": ("Iran", "Iranian"),
    "iraqi": ("Iraq", "Iraqi"), "irishman": ("Ireland", "Irish"), "irishwoman": ("Ireland", "Irish"),
    "israeli": ("Israel", "Israeli"), "italian": ("Italy", "Italian"), "ivorian": ("Ivory Coast", "Ivorian"),
    "jamaican": ("Jamaica", "Jamaican"), "jordanian": ("Jordan", "Jordanian"), "kazakh": ("Kazakhstan", "Kazakh"),
    "kenyan": ("Kenya", "Kenyan"), "kiwi": ("New Zealand",), "latvian": ("Latvia", "Latvian"),
    "libyan": ("Libya", "Libyan"), "lithuanian": ("Lithuania", "Lithuanian"),
    "malaysian": ("Malaysia", "Malaysian"), "mexican": ("Mexico", "Mexican"), "moroccan": ("Morocco", "Moroccan"),
    "zealander": ("New Zealand",), "nigerian": ("Nigeria", "Nigerian"), "norwegian": ("Norway", "Norwegian"),
    "pakistani": ("Pakistan", "Pakistani"), "palestinian": ("Palestine", "Palestinian"),
    "paraguayan": ("Paraguay", "Paraguayan"), "peruvian": ("Peru", "Peruvian"), "pole": ("Poland", "Polish"),
    "romanian": ("Romania", "Romanian"), "russian": ("Russia", "Russian"), "rwandan": ("Rwanda", "Rwandan"),
    "saudi": ("Saudi Arabia", "Saudi"), "scot": ("Scotland", "Scottish"), "scotsman": ("Scotland", "Scottish"),
    "scotswoman": ("Scotland", "Scottish"), "serb": ("Serbia", "Serbian"),
    "serbian": ("Serbia", "Serbian"), "slovak": ("Slovakia", "Slovak"), "slovenian": ("Slovenia", "Slovenian"),
    "spaniard": ("Spain", "Spanish"), "swede": ("Sweden", "Swedish"), "syrian": ("Syria", "Syrian"), "tanzanian": ("Tanzania", "Tanzanian"),
    "thai": ("Thailand", "Thai"), "tunisian": ("Tunisia", "Tunisian"), "turk": ("Turkey", "Türkiye", "Turkish"),
    "ugandan": ("Uganda", "Ugandan"), "ukrainian": ("Ukraine", "Ukrainian"), "uruguayan": ("Uruguay", "Uruguayan"),
    "venezuelan": ("Venezuela", "Venezuelan"), "welshman": ("Wales", "Welsh"),
    "welshwoman": ("Wales", "Welsh"), "yemeni": ("Yemen", "Yemeni"), "zambian": ("Zambia", "Zambian"),
    "zimbabwean": ("Zimbabwe", "Zimbabwean"),
}
