"""The static HTML report: one page per story, article text and titles rendered inert."""

import json

from conftest import FIXTURES, write_article


def test_report_has_an_index_and_a_page_per_story(cli, tmp_path):
    cli("ingest", str(FIXTURES / "interview"), str(FIXTURES / "earthquakes"))
    out = tmp_path / "report"
    cli("report", "--out", str(out))
    stories = cli.json("stories", "--json")
    index = (out / "index.html").read_text()
    for story in stories:
        page = out / "stories" / f"{story['id']}.html"
        assert page.exists()
        assert f'stories/{story["id"]}.html' in index
        assert all(a["source"] in page.read_text() for a in story["articles"])
    assert (out / "static" / "style.css").exists()


def test_markup_in_titles_is_escaped(cli, tmp_path):
    write_article(tmp_path / "in", "x.txt", "2025-02-10", '<script>alert(1)</script><img src=x onerror="alert(2)">',
                  "Body of an article whose headline carries markup.")
    (tmp_path / "in" / "y.jsonl").write_text(json.dumps({"text": "Another article body about the same markup.",
                                                         "title": "Link", "url": "javascript:alert(3)"}))
    refused = cli("ingest", str(tmp_path / "in"), expect=1)
    assert "y.jsonl:1: the url 'javascript:alert(3)' is not an http:// or https:// address" in refused.stderr
    cli("report", "--out", str(tmp_path / "report"))
    html = "".join(p.read_text() for p in (tmp_path / "report").rglob("*.html"))
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "javascript:alert" not in html
    assert "&lt;script&gt;" in html
