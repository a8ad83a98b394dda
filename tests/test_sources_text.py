"""Plain-text reports as they really arrive: the body starts on the `date` line, no title, page
furniture and section headings inside (tests/fixtures/dateline, our own reports of one invented
ferry strike, with gold.json beside them)."""

import json
import shutil
from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from conftest import FIXTURES, Cli, check_contract
from storyline.furniture import is_furniture, is_page_stamp, reads_as_heading
from storyline.headline import MAX_CHARS, headline_from_lead
from storyline.model import Record, Rejection
from storyline.pipeline import make_article
from storyline.settings import Settings
from storyline.sources.files import read_bytes
from storyline.text import split_sentences

DATELINE = FIXTURES / "dateline" / "articles"
GOLD = json.loads((FIXTURES / "dateline" / "gold.json").read_text(encoding="utf-8"))
SETTINGS = Settings()


def read_text(content: str, name: str = "report.txt") -> Record | Rejection:
    [item] = read_bytes(content.encode("utf-8"), name, ".txt", "outlet", None, SETTINGS)
    return item


@pytest.fixture(scope="module")
def dateline_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("dateline") / "dateline.db"
    result = Cli(db)("ingest", str(DATELINE))
    assert "rejected 0" in result.stdout
    return db


def shown(db, story_id):
    return Cli(db).json("show", story_id, "--json")


def every_line_a_reader_sees(brief):
    for claim in brief["claims"]:
        yield claim["text"]
        yield from (e["text"] for e in claim.get("evidence", []) if "text" in e)
    for quote in brief["quotes"]:
        yield quote["text"]
        yield from (v["text"] for v in quote["variants"])
    yield from (entry["text"] for entry in brief["timeline"])
    yield from (line["text"] for line in brief["summary"])


# --- the text format --------------------------------------------------------------------------


def test_body_on_the_date_line_is_read_with_its_date():
    record = read_text(" date 2025-06-02 Ferry crews walked out on Monday, the operator said.\n\nA steward said more.\n")
    assert isinstance(record, Record)
    assert record.published == datetime(2025, 6, 2, tzinfo=timezone.utc)
    assert record.text == "Ferry crews walked out on Monday, the operator said.\n\nA steward said more."
    assert record.title is None


@pytest.mark.parametrize("prefix", [" ", "\t", "\ufeff", "\ufeff  ", "\n\n  "])
def test_leading_space_tab_or_bom_before_date(prefix):
    record = read_text(prefix + "date 2025-06-02 Crews walked out.\n")
    assert isinstance(record, Record) and record.text == "Crews walked out."
    assert record.published == datetime(2025, 6, 2, tzinfo=timezone.utc)


def test_an_iso_date_time_runs_into_the_body_too():
    record = read_text("date 2025-06-02T14:30:00+02:00 Crews walked out.\n")
    assert record.published == datetime(2025, 6, 2, 12, 30, tzinfo=timezone.utc)
    assert record.text == "Crews walked out."


@pytest.mark.parametrize("line, published", [
    ("date June 2, 2025 Crews walked out.", datetime(2025, 6, 2, tzinfo=timezone.utc)),
    ("date 2 June 2025 Crews walked out.", datetime(2025, 6, 2, tzinfo=timezone.utc)),
    ("Date: Monday, June 2, 2025 \u2014 Crews walked out.", datetime(2025, 6, 2, tzinfo=timezone.utc)),
    ("date 2025-06-02, Crews walked out.", datetime(2025, 6, 2, tzinfo=timezone.utc)),
    ("date:2025-06-02 Crews walked out.", datetime(2025, 6, 2, tzinfo=timezone.utc)),
    ("date 2025/06/02 | Crews walked out.", datetime(2025, 6, 2, tzinfo=timezone.utc)),
    ("date 2025-06-02 09:30 UTC Crews walked out.", datetime(2025, 6, 2, 9, 30, tzinfo=timezone.utc)),
    ("date June 2, 2025 3:04 PM EDT Crews walked out.", datetime(2025, 6, 2, 19, 4, tzinfo=timezone.utc)),
    # RFC 2822's own reader takes the whole line for a date and drops the body after it
    ("date Mon, 02 Jun 2025 09:30:00 +0000 Crews walked out.", datetime(2025, 6, 2, 9, 30, tzinfo=timezone.utc)),
])
def test_a_written_date_runs_into_the_body_too(line, published):
    record = read_text(line + "\n\nA steward said more.\n")
    assert isinstance(record, Record), record
    assert record.published == published
    assert record.text == "Crews walked out.\n\nA steward said more."


@pytest.mark.parametrize("line, published, body", [
    ("date 2025-06-02 12 crews walked out.", datetime(2025, 6, 2, tzinfo=timezone.utc), "12 crews walked out."),
    ("date June 2, 2025 12 crews walked out.", datetime(2025, 6, 2, tzinfo=timezone.utc), "12 crews walked out."),
    ("date June 2, 2025 1.25 million people fled.", datetime(2025, 6, 2, tzinfo=timezone.utc), "1.25 million people fled."),
    ("date 2025-06-02 1.25 million people fled.", datetime(2025, 6, 2, tzinfo=timezone.utc), "1.25 million people fled."),
    # a word of the body that a zone's table holds is no zone: zones are written in capitals
    ("date 2025-06-02 14:00 West Midlands police said.", datetime(2025, 6, 2, 14, tzinfo=timezone.utc),
     "West Midlands police said."),
    ("date June 2, 2025 9:30 am Mt Etna erupted.", datetime(2025, 6, 2, 9, 30, tzinfo=timezone.utc), "Mt Etna erupted."),
    ("date June 2, 2025\u2014Crews walked out.", datetime(2025, 6, 2, tzinfo=timezone.utc), "Crews walked out."),
])
def test_the_body_keeps_its_first_words(line, published, body):
    record = read_text(line + "\n")
    assert isinstance(record, Record), record
    assert (record.published, record.text) == (published, body)


def test_a_date_either_way_round_before_the_body_is_refused_with_its_reason():
    rejection = read_text("date 04/05/2025 Crews walked out.\n", name="reports/either.txt")
    assert isinstance(rejection, Rejection)
    assert str(rejection).startswith("reports/either.txt:1: ") and "day first or month first" in str(rejection)


@pytest.mark.parametrize("line", ["date  - 14TFri,Fri,.2025", "date - 2025-06-02 Crews walked out.", "date ,"])
def test_a_date_line_opening_with_a_separator_is_refused_in_one_line(line):
    rejection = read_text(line + "\n", name="reports/dash.txt")
    assert isinstance(rejection, Rejection), rejection
    assert str(rejection).startswith("reports/dash.txt:1: ") and "\n" not in str(rejection)


def test_the_older_shape_reads_exactly_as_before():
    record = read_text("date 2025-02-14\nRubio speaks on the radio\n\nFirst paragraph.\n\nSecond.\n")
    assert record.title == "Rubio speaks on the radio"
    assert record.text == "First paragraph.\n\nSecond."
    headers = read_text("date: Fri, 14 Feb 2025 10:00:00 GMT\ntitle: Given\nurl: https://x.example/1\n\nBody.\n")
    assert headers.title == "Given" and headers.url == "https://x.example/1" and headers.text == "Body."
    assert headers.published == datetime(2025, 2, 14, 10, tzinfo=timezone.utc)


@pytest.mark.parametrize("content", [
    "Port strike halts container traffic\ndate 2025-06-03\nDockworkers walked off the job on Tuesday.\n\nShips waited.\n",
    "Port strike halts container traffic\n\ndate June 3, 2025\n\nDockworkers walked off the job on Tuesday.\n\nShips waited.\n",
    "Port strike halts container traffic\ndate 2025-06-03 Dockworkers walked off the job on Tuesday.\n\nShips waited.\n",
])
def test_a_headline_above_the_date_line_is_the_headline_and_the_date_is_read(content):
    """As a page shows a report: its headline, its date, then the report. The date line is not read into
    the headline, and the report's day is known."""
    record = read_text(content)
    assert isinstance(record, Record), record
    assert record.title == "Port strike halts container traffic"
    assert record.published == datetime(2025, 6, 3, tzinfo=timezone.utc)
    assert record.text == "Dockworkers walked off the job on Tuesday.\n\nShips waited."


@pytest.mark.parametrize("line", ["date: 03/06/2025", "date 2025-13-45"])
def test_a_bad_date_under_a_headline_is_refused_with_its_line(line):
    rejection = read_text(f"Strike hits port\n{line}\nDockworkers walked out.\n", name="reports/strike.txt")
    assert isinstance(rejection, Rejection) and str(rejection).startswith("reports/strike.txt:2: ")


@pytest.mark.parametrize("sentence", ["Date night is back in the plaza this summer.",
                                      "Date may slip again, the ferry operator warned.",
                                      "Date Sunday brunch returns to the harbour cafe."])
def test_a_sentence_that_starts_with_date_under_a_headline_stays_body(sentence):
    # a month or a weekday word opens a date line only before a figure ("may slip" is no May 3)
    record = read_text(f"Plaza events return\n{sentence}\n\nMore followed.\n")
    assert isinstance(record, Record) and record.published is None
    assert record.text.startswith(f"Plaza events return\n{sentence}")


@pytest.mark.parametrize("line", ["date May 45, 2025", "date Thur, 45 Jun 2025"])
def test_a_date_line_with_a_month_or_weekday_written_wrong_is_refused(line):
    rejection = read_text(f"Strike hits port\n{line}\nDockworkers walked out.\n", name="reports/strike.txt")
    assert isinstance(rejection, Rejection) and str(rejection).startswith("reports/strike.txt:2: ")


def test_a_first_sentence_closed_by_a_quotation_mark_is_not_a_headline():
    record = read_text('date 2025-06-02\n\nThe steward said: "We are tired."\n\nMore followed.\n')
    assert record.title is None and record.text.startswith("The steward said")


@pytest.mark.parametrize("line", ["date tomorrow crews walked out.", " date 2025-02-30 Crews walked out.", "date"])
def test_a_date_line_without_a_date_is_one_error_naming_file_and_line(line):
    rejection = read_text("\n" + line + "\n\nBody.\n", name="reports/bad.txt")
    assert isinstance(rejection, Rejection)
    assert str(rejection).startswith("reports/bad.txt:2: ") and "\n" not in str(rejection)


BODY_START = st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{1,9}){2,8}[.]", fullmatch=True)
BODY_MORE = st.lists(st.from_regex(r"[A-Z][a-z]{1,9}( [a-zA-Z0-9,]{1,9}){1,12}[.!?]", fullmatch=True), max_size=4)
HEADING = st.one_of(st.just(""), st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{2,9}){0,3}", fullmatch=True))


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=BODY_START, rest=BODY_MORE, heading=HEADING, day=st.dates(min_value=datetime(1990, 1, 1).date(),
                                                                       max_value=datetime(2100, 1, 1).date()))
def test_date_line_body_and_date_line_alone_give_the_same_article(first, rest, heading, day):
    paragraphs = [p for p in (heading, first, *rest) if p]
    body = "\n\n".join(paragraphs)
    inline = read_text(f" date {day.isoformat()} {body}\n")
    alone = read_text(f"date {day.isoformat()}\n\n{body}\n")
    assert isinstance(inline, Record) and isinstance(alone, Record)
    assert (inline.text, inline.published, inline.title) == (alone.text, alone.published, alone.title)
    a, b = make_article(inline), make_article(alone)
    assert (a.id, a.text, a.title, a.title_generated, a.language) == (b.id, b.text, b.title, b.title_generated, b.language)
    assert split_sentences(a.text) == split_sentences(b.text)


# --- headlines made from the lead -------------------------------------------------------------


@pytest.mark.parametrize("lead, expected", [
    ("Ferry crews in Norrvik walked out on Monday over rosters, the operator said.",
     "Ferry crews in Norrvik walked out on Monday over rosters"),
    ("According to Mayor Ruiz, the plan to rebuild the harbour wall will be two years late.",
     "The plan to rebuild the harbour wall will be two years late"),
    ("Officials in the province confirmed on Thursday that the long-delayed bridge linking the two river towns "
     "would open to traffic next spring after years of disputes.",
     "The long-delayed bridge linking the two river towns would open to traffic next spring"),
    ("A magnitude 6.1 earthquake struck southern Peru early on Monday, killing at least 14 people and destroying "
     "hundreds of homes in the Arequipa region, officials said.",
     "A magnitude 6.1 earthquake struck southern Peru early on Monday"),
    ("The Polish president said that he and the German chancellor discussed rail links.",
     "The Polish president said that he and the German chancellor discussed rail links"),
])
def test_headline_is_the_leads_main_clause(lead, expected):
    assert headline_from_lead(lead) == expected


@hsettings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=600))
def test_headline_is_short_whole_words_and_from_the_text(text):
    headline = headline_from_lead(text)
    assert len(headline) <= MAX_CHARS
    assert "…" not in headline or "…" in text
    words = " ".join(text.split())
    for word in headline.split()[1:]:
        assert word in words


# --- page furniture ---------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "For more news from the coast, follow us on Facebook and X", "Follow us on X", "Sign up for our newsletter",
    "Read more: Island schools close", "Share this article", "Photo: Eva Strand", "Reporting by Maja Berg",
    "Suivez-nous sur X", "À lire aussi : la grève", "Folgen Sie uns auf X", "Lesen Sie auch: Streik",
    "Síguenos en X", "Lee también: la huelga", "Читайте також: страйк", "Подписывайтесь на наш канал",
])
def test_furniture_patterns_in_every_language(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "Ferry crews walked out on Monday, the operator said.", "Follow-up talks are planned for Wednesday.",
    "Photographers gathered at the quay.", "Read the statement in full, the union urged members.",
    "Subscribers to the ferry pass will be refunded.",
])
def test_news_sentences_are_not_furniture(line):
    assert not is_furniture(line)


@pytest.mark.parametrize("line", [
    "By Jane Doe", "By JANE DOE and Tom Lee, Staff Writers", "Story by Ana Ruiz | Norrvik Post",
    "By Ana Ruiz, Associated Press", "Published 10:04 AM EDT, Mon June 2, 2025", "Updated: 2 June 2025",
    "Last updated on June 2, 2025 at 9:30 a.m.", "Posted: 06/02/2025 10:04", "Published 2 June 2025 | Updated 3 June 2025",
    "By Élodie Martin, AFP", "By Zoë Ørsted", "By the Associated Press", "Updated: 2 hours ago", "Posted 3 hours ago",
])
def test_bylines_and_time_stamps_are_page_stamps(line):
    assert is_page_stamp(line)


@pytest.mark.parametrize("line", [
    "By Monday, crews had left.", "By Friday", "By the time police arrived, the crowd had gone.",
    "Published in 1998, the book sold millions.", "Updated figures show 12 dead.", "Posted guards stood at every gate.",
    "By Tuesday night, 40 people had been arrested, police said.", "Posted on 2 June, the video was seen by 40,000 people.",
    "By Ana Ruiz, who led the talks, the deal was called fair.", "Ferry crews strike in Norrvik",
    "Published in 1998, the book sold it", "Updated on the day", "By The Numbers", "By Land And Sea", "By Design",
    "By George",
])
def test_news_lines_are_no_page_stamps(line):
    assert not is_page_stamp(line)


@pytest.mark.parametrize("stamp", ["By Jane Doe, Staff Writer", "Updated 10:04 AM EDT, June 2, 2025", "By Bob Smith Jr.",
                                   "Last updated on June 2, 2025 at 9:30 a.m."])
def test_a_byline_or_time_stamp_above_a_report_is_no_headline_and_no_sentence(stamp):
    record = read_text(f"date 2025-06-02\n{stamp}\n\nFerry crews walked out on Monday, the operator said."
                       "\n\nTalks resume on Friday.\n")
    assert record.title is None
    assert [record.text[a:b] for a, b in split_sentences(record.text)] == [
        "Ferry crews walked out on Monday, the operator said.", "Talks resume on Friday."]


def test_a_heading_is_short_and_unclosed():
    assert reads_as_heading("What preceded") and reads_as_heading("Background")
    assert not reads_as_heading("Talks broke down last week.")
    assert not reads_as_heading('"We are tired," he said')
    assert not reads_as_heading("the rest of a wrapped line")


def test_headings_and_furniture_are_no_sentence_and_keep_every_span():
    text = ("Crews walked out on Monday.\n\nWhat preceded\nTalks broke down last week.\n\n"
            "Follow us on X\n\nThe operator said it\nregretted the disruption.")
    found = [text[a:b] for a, b in split_sentences(text)]
    assert found == ["Crews walked out on Monday.", "Talks broke down last week.",
                     "The operator said it\nregretted the disruption."]


def test_a_closing_short_line_is_still_read():
    assert split_sentences("Crews walked out") == [(0, 16)]
    text = "Crews walked out on Monday.\n\nMore later"
    assert [text[a:b] for a, b in split_sentences(text)][-1] == "More later"


# --- the fixture reports, through the CLI -----------------------------------------------------


def exported_articles(db):
    rows = [json.loads(line) for line in Cli(db)("export", "--format", "jsonl").stdout.splitlines()]
    return [row for row in rows if row["type"] == "article"]


def briefs(db):
    return [shown(db, story["id"]) for story in Cli(db).json("stories", "--json")]


def test_a_folder_of_reports_is_read_with_outlets_by_folder_and_dates(dateline_db):
    articles = exported_articles(dateline_db)
    assert sorted(a["source"] for a in articles) == sorted(GOLD["story"])
    assert {a["source"]: a["published"] for a in articles} == GOLD["published"]
    for article in articles:
        assert article["text"].startswith(GOLD["first_words"][article["source"]])


def test_untitled_reports_get_headlines_made_from_their_leads(dateline_db):
    for brief in briefs(dateline_db):
        for article in brief["articles"]:
            title = article["title"]
            assert article["title_generated"] is True
            assert title.startswith(GOLD["first_words"][article["source"]])
            assert len(title) <= MAX_CHARS and not title.lower().startswith("date") and "…" not in title
        assert brief["title_generated"] is True
        assert brief["title"] in {a["title"] for a in brief["articles"]}
        markdown = Cli(dateline_db)("show", brief["id"], "--markdown").stdout
        assert "headline made from the lead" in markdown


def test_furniture_is_never_a_claim_quote_timeline_entry_or_summary_line(dateline_db):
    lines = [line for brief in briefs(dateline_db) for line in every_line_a_reader_sees(brief)]
    assert lines, "the briefs show nothing"
    for line in lines:
        for furniture in GOLD["furniture"]:
            assert furniture not in line, (furniture, line)
    texts = " ".join(lines)
    for sentence in GOLD["after_heading"]:
        assert sentence in texts, sentence


def test_furniture_stays_in_the_article_text(dateline_db):
    text = " ".join(a["text"] for a in exported_articles(dateline_db))
    for furniture in GOLD["furniture"]:
        assert furniture in text


def test_reingesting_adds_nothing_and_check_stays_clean(dateline_db):
    cli = Cli(dateline_db)
    result = cli("ingest", str(DATELINE))
    assert "ingested 0" in result.stdout and "duplicates 4" in result.stdout
    assert "0 problems" in cli("check").stdout
    check_contract(dateline_db)


def test_reports_ingested_one_by_one_are_named_by_their_files(tmp_path):
    cli = Cli(tmp_path / "one.db")
    for path in sorted(DATELINE.glob("*/*.txt")):
        assert "rejected 0" in cli("ingest", str(path)).stdout
    outlets = {a["source"] for s in cli.json("stories", "--json") for a in s["articles"]}
    assert outlets == {p.stem for p in DATELINE.glob("*/*.txt")}


def test_a_bad_date_line_costs_its_file_only(tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(DATELINE / "harbour-gazette", folder)
    (folder / "broken.txt").write_text(" date soon Crews walked out.\n", encoding="utf-8")
    result = Cli(tmp_path / "bad.db")("ingest", str(folder), expect=None)
    assert "ingested 1" in result.stdout and "rejected 1" in result.stdout
    assert f"{folder / 'broken.txt'}:1: the date line does not parse" in result.stdout + result.stderr


def test_files_in_the_current_folder_are_named_by_that_folder(tmp_path, monkeypatch):
    folder = tmp_path / "lakeside-post"
    shutil.copytree(DATELINE / "harbour-gazette", folder)
    monkeypatch.chdir(folder)
    cli = Cli(tmp_path / "here.db")
    cli("ingest", ".")
    [story] = cli.json("stories", "--json")
    assert [a["source"] for a in story["articles"]] == ["lakeside-post"]


# --- a paragraph a line -----------------------------------------------------------------------

HALL = [
    "Residents of Norrvik packed the town hall on Monday to hear the harbour plan.",
    "Harbour engineer Petra Sand, who drew up the plan, defended its cost on Sunday, saying the old quay was "
    '"a danger to everyone who uses it." But she has since agreed to a review of the budget.',
    '"I will go through every line of the figures with the council next week," Sand said in a statement.',
    "Council member Raul Fenn did not seem convinced by the engineer's promise on Monday, telling residents, "
    '"We have heard this before."',
    "The council will vote on the plan in March.",
]


def test_a_record_written_a_paragraph_a_line_gives_each_quotation_its_own_paragraphs_speaker(tmp_path):
    # JSON Lines from another scraper: paragraphs parted by one newline. Read as one paragraph, the last
    # quotation went to Sand, the person its "paragraph" had quoted last.
    feed = tmp_path / "hall.jsonl"
    record = {"id": "hall-1", "source": "Norrvik Post", "date": "2025-06-02", "title": "Harbour plan meets doubts",
              "text": "\n".join(HALL)}
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "hall.db"
    assert "rejected 0" in Cli(db)("ingest", str(feed)).stdout
    [story] = Cli(db).json("stories", "--json")
    speakers = {quote["text"]: quote["speaker"] for quote in shown(db, story["id"])["quotes"]}
    assert speakers["We have heard this before"] == "Raul Fenn"
    assert speakers["I will go through every line of the figures with the council next week"] == "Petra Sand"
    check_contract(db)


@pytest.mark.parametrize("headline", ["Harbour plan meets doubts in Norrvik",
                                      "Harbour plan meets doubts in Norrvik as residents pack the town hall to hear the engineer"])
def test_a_plain_text_report_written_a_paragraph_a_line_has_its_first_line_as_headline(headline):
    record = read_text(f"date 2025-06-02\n{headline}\n" + "\n".join(HALL) + "\n")
    assert isinstance(record, Record)
    assert record.title == headline
    assert record.text == "\n".join(HALL)


def test_the_first_line_of_a_hard_wrapped_report_is_no_headline():
    body = ("Residents of Norrvik packed the town hall on Monday to hear\nthe harbour plan, which its engineer "
            "defended at\nlength. Council member Raul Fenn was not convinced.")
    record = read_text("date 2025-06-02\n" + body + "\n")
    assert record.title is None and record.text == body


@pytest.mark.parametrize("content, title, published", [
    ("Port strike halts container traffic\nBy Jane Doe, Staff Writer\nPublished June 3, 2025 at 9:14 a.m. ET\n\n"
     "ROTTERDAM — Dockworkers walked off the job on Tuesday.\n\nShips waited.\n",
     "Port strike halts container traffic", datetime(2025, 6, 3, 13, 14, tzinfo=timezone.utc)),
    ("Port strike halts container traffic\n\nJune 3, 2025\n\nDockworkers walked off the job on Tuesday.\n\nShips waited.\n",
     "Port strike halts container traffic", datetime(2025, 6, 3, tzinfo=timezone.utc)),
    ("Port strike halts container traffic\nTuesday 3 June 2025 09:14 BST\n\nDockworkers walked off the job on Tuesday.\n",
     "Port strike halts container traffic", datetime(2025, 6, 3, 8, 14, tzinfo=timezone.utc)),
    ("Port strike halts container traffic\nUpdated: 04 Jun 2025 14:02 BST\nPublished: 3 June 2025\n\n"
     "Dockworkers walked off the job on Tuesday.\n",
     "Port strike halts container traffic", datetime(2025, 6, 3, tzinfo=timezone.utc)),
    ("By Jane Doe | June 3, 2025\n\nDockworkers walked off the job on Tuesday.\n\nShips waited.\n",
     None, datetime(2025, 6, 3, tzinfo=timezone.utc)),
    ("Port strike halts container traffic\nPublished: 10:04 AM EDT, June 3, 2025\n\n"
     "Dockworkers walked off the job on Tuesday.\n", "Port strike halts container traffic",
     datetime(2025, 6, 3, tzinfo=timezone.utc)),  # the time before the date: its day
    ("LONDON, June 3, 2025 — Dockworkers walked off the job on Tuesday.\n\nShips waited.\n",
     None, datetime(2025, 6, 3, tzinfo=timezone.utc)),
    ("VARNHOLM, June 3, 2025 (Reuters) - Dockworkers walked off the job on Tuesday.\n\nShips waited.\n",
     None, datetime(2025, 6, 3, tzinfo=timezone.utc)),
    ("Port strike halts container traffic\nBy Jane Doe, June 3, 2025\n\nDockworkers walked off the job on Tuesday.\n",
     "Port strike halts container traffic", datetime(2025, 6, 3, tzinfo=timezone.utc)),
    ("Port strike halts container traffic\nPosted by Jane Doe on June 3, 2025\n\nShips waited.\n",
     "Port strike halts container traffic", datetime(2025, 6, 3, tzinfo=timezone.utc)),
    ("Port strike halts container traffic\nUpdated June 4, 2025 | Published June 3, 2025\n\nShips waited.\n",
     "Port strike halts container traffic", datetime(2025, 6, 3, tzinfo=timezone.utc)),
    ("Port strike\r\nBy Jane Doe\r\nJune 3, 2025\r\n\r\nDockworkers walked off the job on Tuesday.\r\n",
     "Port strike", datetime(2025, 6, 3, tzinfo=timezone.utc)),  # Windows' line ends
])
def test_a_page_s_own_stamp_dates_a_report_without_a_date_line(content, title, published):
    """As pages print them above a report: a byline, "Published …", a date alone, a dateline; the publication's
    date before an update's. The stamp stays in the text, where the analysis reads it as no paragraph."""
    record = read_text(content)
    assert isinstance(record, Record), record
    assert record.title == title and record.published == published
    assert record.text.rstrip().endswith(("Ships waited.", "on Tuesday."))


def test_a_report_whose_head_gives_no_date_stays_undated():
    record = read_text("Port strike halts container traffic\n\nDockworkers walked off the job on June 3, 2025.\n\n"
                       "Published in 1998, the port's history sold well.\n")
    assert isinstance(record, Record) and record.published is None
    assert record.title == "Port strike halts container traffic"


def test_header_lines_may_come_in_any_order():
    record = read_text("Title: Port strike halts container traffic\nSource: Harbour Post\nDate: 2025-06-03\n\n"
                       "Dockworkers walked off the job on Tuesday.\n")
    assert isinstance(record, Record)
    assert (record.title, record.source, record.published) == (
        "Port strike halts container traffic", "Harbour Post", datetime(2025, 6, 3, tzinfo=timezone.utc))
    assert record.text == "Dockworkers walked off the job on Tuesday."
    # a `date:` line that does not parse is refused with its line, as at the top; a page's "Published:" is kept
    rejection = read_text("Title: Port strike\nDate: next week maybe\n\nDockworkers walked out.\n",
                          name="reports/strike.txt")
    assert isinstance(rejection, Rejection) and str(rejection).startswith("reports/strike.txt:2: ")
    kept = read_text("Title: Port strike\nPublished: next week maybe\n\nDockworkers walked out.\n")
    assert isinstance(kept, Record) and kept.published is None and "Dockworkers walked out." in kept.text
    # a title may ask; a stamp no one can date among the headers is read past
    asked = read_text("title: Who runs the port?\nupdated: 2 hours ago\ndate: 2025-06-05\n\nDockworkers walked out.\n")
    assert isinstance(asked, Record)
    assert (asked.title, asked.published) == ("Who runs the port?", datetime(2025, 6, 5, tzinfo=timezone.utc))
    assert asked.text == "Dockworkers walked out."


@pytest.mark.parametrize("head", ["Updated: 2 hours ago", "Published: 10:04 AM EDT",
                                  "Updated: This story has been updated with comment from the ministry.",
                                  "Title: Port strike ends\nUpdated: 2 hours ago",
                                  "Posted: 3 soldiers to the border, the ministry confirmed."])
def test_a_stamp_or_sentence_that_reads_as_no_date_loses_nothing(head):
    # a page's stamp the reader cannot date, or a sentence opening with "Posted:", is kept and the report ingested
    record = read_text(f"{head}\nDockworkers returned to work on Wednesday, the union said.\n")
    assert isinstance(record, Record), record
    assert "Dockworkers returned to work" in record.text


@pytest.mark.parametrize("content", [
    "Source: officials at the ministry, who asked not to be named, said the deal was done.\n\nIt will be signed Monday.\n",
    "June 3, 2025 — a date fans will remember — saw the club win its first title.\n\nThe captain lifted the trophy.\n",
    "Timeline of the dispute\n\nMarch 4, 2019\nThe union first threatened a strike.\n\nJune 3, 2025\nDockworkers walked out.\n",
    "Flood anniversary | March 4, 2019\n\nSurvivors gathered on Friday to remember the dead, officials said.\n",
    "Timeline of the port dispute\n\nMarch 4, 2019 — The union first threatened a strike.\n\nJune 10, 2021 — Talks "
    "collapsed.\n",
    "March 4, 2019 — The Day the River Rose\n\nThe water came at night, survivors said.\n",
])
def test_words_that_only_look_like_a_page_s_head_stay_the_report_s(content):
    """A sentence opening "Source:", a date that is a sentence's subject, a timeline's first day, a headline's
    anniversary: none dates the report, and nothing of the text is lost."""
    record = read_text(content)
    assert isinstance(record, Record) and record.published is None
    assert content.split("\n\n")[-1].strip() in record.text
    assert record.source != "officials at the ministry, who asked not to be named, said the deal was done."
    if content.startswith("March 4, 2019 — The Day"):
        assert record.title == "March 4, 2019 — The Day the River Rose"  # a headline with its day, kept
