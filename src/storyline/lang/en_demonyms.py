"""English names for the people of each US state ("the Texan", "the Vermonter"): a description US political news
uses for a politician of that state, which analyze/antecedents.py resolves to the person the story introduced
with the state ("Sen. Ted Cruz (R-Tex.)", "Sen. Ted Cruz of Texas", "Texas Sen. Ted Cruz")."""

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
