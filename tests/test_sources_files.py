"""Reading articles from files: every format, the outlet rule, and one clear line per bad record."""

import json
from datetime import datetime, timezone

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from storyline.model import Record, Rejection
from storyline.settings import Settings
from storyline.sources import read_inputs
from storyline.sources.dates import parse_published
from storyline.sources.files import read_bytes

SETTINGS = Settings()


def read(tmp_path, name, content, **kwargs):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return list(read_inputs([str(path)], SETTINGS, **kwargs))


def test_plain_text_gives_date_headline_and_body(tmp_path):
    [record] = read(tmp_path, "a.txt", "date 2025-02-14\nRubio speaks on the radio\n\nFirst paragraph.\n\nSecond.\n")
    assert record.published == datetime(2025, 2, 14, tzinfo=timezone.utc)
    assert record.title == "Rubio speaks on the radio"
    assert record.text == "First paragraph.\n\nSecond."
    assert record.source == "a"


def test_plain_text_header_lines_are_read(tmp_path):
    [record] = read(tmp_path, "b.txt", "date: 2025-02-14T09:30:00+01:00\ntitle: Given title\nurl: https://x.org/1\n\nBody.\n")
    assert record.title == "Given title" and record.url == "https://x.org/1"
    assert record.published.utcoffset().total_seconds() == 3600


def test_plain_text_without_headline_keeps_the_whole_body(tmp_path):
    [record] = read(tmp_path, "c.txt", "date 2025-02-14\nA single paragraph that is the whole story, ending with a stop.\n")
    assert record.title is None
    assert record.text.startswith("A single paragraph")


def test_bad_date_line_is_rejected_with_file_and_line(tmp_path):
    [rejection] = read(tmp_path, "bad.txt", "date 2025-02-30\nHeadline\n\nBody.\n")
    assert isinstance(rejection, Rejection)
    assert str(rejection).startswith(f"{tmp_path / 'bad.txt'}:1: ")
    assert "2025-02-30" in rejection.message


def test_jsonl_bad_lines_are_rejected_and_the_rest_read(tmp_path):
    lines = [json.dumps({"text": "One.", "date": "2025-02-01", "source": "wire", "id": 7}),
             "{broken", json.dumps({"title": "no text"}), json.dumps({"body": "Two.", "published": "Tue, 04 Feb 2025 10:00:00 GMT"})]
    items = read(tmp_path, "x.jsonl", "\n".join(lines))
    assert [type(i).__name__ for i in items] == ["Record", "Rejection", "Rejection", "Record"]
    assert items[0].source == "wire" and items[0].external_id == "7"
    assert items[1].origin.endswith("x.jsonl:2") and items[2].origin.endswith("x.jsonl:3")
    assert items[3].published == datetime(2025, 2, 4, 10, tzinfo=timezone.utc)


def test_json_array_and_csv(tmp_path):
    items = read(tmp_path, "y.json", json.dumps([{"text": "A.", "title": "T"}, {"text": "B."}]))
    assert [i.text for i in items] == ["A.", "B."]
    items = read(tmp_path, "z.csv", 'title,date,text\nT,2025-02-03,"Body, with a comma."\n')
    assert items[0].text == "Body, with a comma." and items[0].title == "T"


def test_csv_field_over_the_limit_is_rejected(tmp_path):
    small = Settings(max_article_chars=100)
    path = tmp_path / "big.csv"
    path.write_text("title,text\nok,short text\nbig," + "x" * 500 + "\n")
    items = list(read_inputs([str(path)], small))
    assert isinstance(items[0], Record)
    assert isinstance(items[1], Rejection) and "limit" in items[1].message


def test_deeply_nested_json_is_rejected(tmp_path):
    [rejection] = read(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)
    assert isinstance(rejection, Rejection) and "nested" in rejection.message


def test_html_page_text_is_extracted(tmp_path):
    html = ("<html><head><title>Port strike spreads</title></head><body><nav>Home | World</nav><article>"
            "<h1>Port strike spreads</h1><p>Dock workers in Santos extended their strike on Tuesday, "
            "halting container traffic for a third day as talks with the port authority stalled.</p>"
            "<p>The union said the walkout would continue until wages are raised by nine percent, and "
            "shipping lines began diverting vessels to other ports along the coast.</p></article></body></html>")
    [record] = read(tmp_path, "page.html", html)
    assert "Dock workers in Santos" in record.text
    assert "Home | World" not in record.text


def test_outlet_is_source_flag_then_record_then_folder_then_file(tmp_path):
    folder = tmp_path / "harbor-post"
    folder.mkdir()
    (folder / "a.txt").write_text("date 2025-02-01\nH\n\nBody a.\n")
    (folder / "b.jsonl").write_text(json.dumps({"text": "Body b.", "source": "wire"}) + "\n")
    items = list(read_inputs([str(tmp_path)], SETTINGS))
    assert sorted(i.source for i in items) == ["harbor-post", "wire"]
    items = list(read_inputs([str(tmp_path)], SETTINGS, source="given"))
    assert {i.source for i in items} == {"given"}
    assert [i.source for i in read_inputs([str(folder / "a.txt")], SETTINGS)] == ["a"]


def test_oversized_file_is_rejected_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    [rejection] = list(read_inputs([str(path)], SETTINGS))
    assert "200.0 MB" in rejection.message and "limit" in rejection.message


@pytest.mark.parametrize(("written", "utc"), [
    ("September 12, 2016", "2016-09-12T00:00:00+00:00"),
    ("Sept. 12, 2016", "2016-09-12T00:00:00+00:00"),
    ("12 Sep 2016", "2016-09-12T00:00:00+00:00"),
    ("Monday, September 12, 2016 3:04 PM EDT", "2016-09-12T19:04:00+00:00"),
    ("Sep 12, 2016 at 15:04", "2016-09-12T15:04:00+00:00"),
    ("12 September 2016 10:00 +01:00", "2016-09-12T09:00:00+00:00"),
    ("Jun 2, 2025, 9:30 a.m. ET", "2025-06-02T13:30:00+00:00"),
    ("Jan 2, 2025 9:30 a.m. ET", "2025-01-02T14:30:00+00:00"),
    ("2016/09/12", "2016-09-12T00:00:00+00:00"),
    ("13/09/2016", "2016-09-13T00:00:00+00:00"),
    ("Mon, 12 Sep 2016 15:04:05 GMT", "2016-09-12T15:04:05+00:00"),
    ("Sep 12, 2016 3:04 PM BST", "2016-09-12T14:04:00+00:00"),
    ("Sep 12, 2016 3:04 PM (EDT).", "2016-09-12T19:04:00+00:00"),
    ("Sep 12, 2016, at 3:04 p.m. ET", "2016-09-12T19:04:00+00:00"),
    ("Sep 12, 2016 3:04 PM GMT+1", "2016-09-12T14:04:00+00:00"),
    ("9/13/2016 3:04 PM", "2016-09-13T15:04:00+00:00"),
    ("12.09.2016", "2016-09-12T00:00:00+00:00"),
    ("2016-09-12 3:04 PM", "2016-09-12T15:04:00+00:00"),
    ("March 5, 2016 3 PM", "2016-03-05T15:00:00+00:00"),
    ("12-Sep-2016", "2016-09-12T00:00:00+00:00"),
])
def test_dates_as_pages_and_spreadsheets_write_them_are_read(written, utc):
    assert parse_published(written).astimezone(timezone.utc).isoformat() == utc


@pytest.mark.parametrize("bad", ["04/05/2016", "04/05/2016 3:04 PM", "Smarch 3, 2016", "February 30, 2016", "in 2 days",
                                 "Sep 12, 2016 25:00", "Sep 12, 2016 3:04 PM XYZ", "Sep 12, 2016 3:04 PM EDT | Updated 4:10 PM"])
def test_a_date_no_reader_could_be_sure_of_is_refused(bad):
    # a 12-hour time the reader cannot place is refused, not read by RFC 2822's reader as the morning's
    with pytest.raises(ValueError, match="date|either"):
        parse_published(bad)


def test_a_record_with_a_written_date_is_ingested_with_it(tmp_path):
    lines = [json.dumps({"text": "Crews walked out.", "date": "June 2, 2025"}),
             json.dumps({"text": "Crews walked out again.", "date": "06/07/2025"})]
    kept, refused = read(tmp_path, "dates.jsonl", "\n".join(lines) + "\n")
    assert kept.published == datetime(2025, 6, 2, tzinfo=timezone.utc)
    assert isinstance(refused, Rejection) and refused.origin.endswith("dates.jsonl:2") and "day first" in refused.message


def test_invalid_utf8_names_the_line(tmp_path):
    [rejection] = read(tmp_path, "latin.txt", b"date 2025-02-01\nTitle\n\ncaf\xe9 au lait\n")
    assert rejection.origin.endswith("latin.txt:4") and "UTF-8" in rejection.message


def test_parse_published_forms():
    assert parse_published("2025-02-14").date().isoformat() == "2025-02-14"
    assert parse_published("2025-02-14T23:30:00-05:00").date().isoformat() == "2025-02-14"
    assert parse_published("2025-02-14 10:00 UTC").hour == 10
    assert parse_published("") is None
    for bad in ("yesterday", "2025-02-30", "14/02/2025x", 20250214):
        try:
            parse_published(bad)
        except ValueError as exc:
            assert str(exc)
        else:
            raise AssertionError(f"{bad!r} parsed")


@hsettings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([".txt", ".jsonl", ".json", ".csv", None]))
def test_any_bytes_give_records_or_rejections_never_exceptions(data, suffix):
    for item in read_bytes(data, "fuzz", suffix, "fuzz", None, SETTINGS):
        assert isinstance(item, (Record, Rejection))
        if isinstance(item, Rejection):
            assert item.origin.startswith("fuzz") and "\n" not in item.message
        else:
            assert item.text.strip()


@hsettings(max_examples=200, deadline=None)
@given(st.dates(), st.text(min_size=1, max_size=80).filter(lambda t: t.strip() and "\n" not in t),
       st.text(min_size=1, max_size=300).filter(str.strip))
def test_dated_text_round_trips(day, headline, body):
    data = f"date {day.isoformat()}\n{headline}\n\n{body}\n".encode("utf-8")
    [item] = read_bytes(data, "f.txt", ".txt", "f", None, SETTINGS)
    if isinstance(item, Record):
        assert item.published.date() == day


def test_a_records_html_body_is_read_as_paragraphs_and_never_run(tmp_path):
    # a CMS's export: the body as HTML, the title with a character reference
    record = {"id": "h1", "title": "Fenn&#8217;s doubts", "date": "2025-06-02",
              "text": "<p>The council met on Monday.</p><p>&ldquo;We have heard this before,&rdquo; Fenn said."
                      "</p><script>document.title='x'</script><div>The vote is in March.</div>"}
    [read_back] = read(tmp_path, "cms.jsonl", json.dumps(record) + "\n")
    assert read_back.title == "Fenn’s doubts"
    assert read_back.text == "The council met on Monday.\n\n“We have heard this before,” Fenn said.\n\nThe vote is in March."


def test_markup_escaped_once_more_and_a_titles_tags_are_read_too(tmp_path):
    record = {"title": "<em>Fenn</em> &amp; the harbour", "url": "https://example.org/a?x=1&amp;y=2",
              "text": "&lt;p&gt;The council met.&lt;/p&gt;&lt;p&gt;Fenn left.&lt;/p&gt;"}
    [read_back] = read(tmp_path, "escaped.jsonl", json.dumps(record) + "\n")
    assert (read_back.title, read_back.url) == ("Fenn & the harbour", "https://example.org/a?x=1&y=2")
    assert read_back.text == "The council met.\n\nFenn left."


def test_text_that_only_mentions_markup_or_ampersands_is_kept_as_written(tmp_path):
    body = "AT&T and R&D teams met; the <tweet> tag and a 5 < 6 sum stay as they are."
    [read_back] = read(tmp_path, "plain.jsonl", json.dumps({"text": body}) + "\n")
    assert read_back.text == body
