import gzip
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronika.errors import Problem
from kronika.readers import iter_records, read_bytes
from kronika.records import Record


def records(items):
    return [x for x in items if isinstance(x, Record)]


def problems(items):
    return [x for x in items if isinstance(x, Problem)]


def test_plain_text_file_is_one_record_with_stable_id(tmp_path, pl_article):
    p = tmp_path / "art.txt"
    p.write_text(pl_article, encoding="utf-8")
    first = records(iter_records([str(p)]))
    assert len(first) == 1 and first[0].text == pl_article
    assert first[0].id == records(iter_records([str(p)]))[0].id == str(tmp_path / "art")


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Drugi tekst.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Pierwszy tekst.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Ukryty.", encoding="utf-8")
    got = records(iter_records([str(tmp_path)]))
    assert [r.text for r in got] == ["Pierwszy tekst.", "Drugi tekst."]


def test_jsonl_bad_lines_are_reported_with_line_numbers_and_good_ones_kept(tmp_path):
    lines = [json.dumps({"id": "a", "text": "Pierwszy."}), '{"id": "b", "text": "urwany',
             json.dumps({"id": "c"}), json.dumps({"id": "d", "text": "   "}), json.dumps([1, 2]),
             json.dumps({"id": "e", "text": "Ostatni.", "title": "T", "url": "http://x/1", "published": "2024-01-02"})]
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_records([str(p)]))
    assert [r.id for r in records(items)] == ["a", "e"]
    msgs = [str(x) for x in problems(items)]
    assert len(msgs) == 4
    assert f"{p}:2" in msgs[0] and "invalid JSON" in msgs[0]
    assert "no \"text\"" in msgs[1] and "id c" in msgs[1]
    assert "empty" in msgs[2]
    assert "JSON object" in msgs[3]
    last = records(items)[-1]
    assert (last.title, last.url, last.published) == ("T", "http://x/1", "2024-01-02")


def test_gzip_and_corrupt_gzip(tmp_path):
    good = tmp_path / "a.jsonl.gz"
    good.write_bytes(gzip.compress(json.dumps({"id": "z", "text": "Tekst w gzipie."}).encode()))
    assert records(iter_records([str(good)]))[0].id == "z"
    bad = tmp_path / "b.txt.gz"
    bad.write_bytes(gzip.compress("Jakiś tekst ".encode() * 100)[:40])
    (msg,) = problems(iter_records([str(bad)]))
    assert "gzip" in msg.message


def test_cp1250_text_is_decoded(tmp_path):
    text = "Żółć gęślą jaźń. Rząd w Warszawie zapowiedział zmiany w przepisach dotyczących mediów publicznych."
    p = tmp_path / "stary.txt"
    p.write_bytes(text.encode("cp1250"))
    assert records(iter_records([str(p)]))[0].text == text


@pytest.mark.parametrize("data,needle", [(b"", "empty"), (b"   \n", "empty"), (b"\x00\x01\x02binary\x00" * 50, "binary")])
def test_empty_and_binary_inputs(data, needle):
    (msg,) = problems(read_bytes(data, "x.txt"))
    assert needle in msg.message


def test_missing_path_is_reported():
    (msg,) = problems(iter_records(["/no/such/file.txt"]))
    assert "no such file" in msg.message


def test_html_page_gives_text_title_author_and_date():
    body = "".join(f"<p>Akapit {i}: rząd ogłosił nowe przepisy dotyczące bezpieczeństwa granic państwa.</p>"
                   for i in range(8))
    html = ("<html><head><title>Nowe przepisy graniczne</title><meta name='author' content='Ewa Zielińska'>"
            "<meta property='article:published_time' content='2024-05-06T08:30:00+02:00'></head>"
            f"<body><article><h1>Nowe przepisy graniczne</h1>{body}</article></body></html>")
    (rec,) = records(read_bytes(html.encode(), "page.html"))
    assert rec.title == "Nowe przepisy graniczne"
    assert rec.authors == ["Ewa Zielińska"]
    assert rec.published.startswith("2024-05-06T08:30")
    assert rec.text.startswith("Nowe przepisy graniczne") and "Akapit 7" in rec.text


def test_html_without_article_text_is_a_problem():
    (msg,) = problems(read_bytes(b"<html><body><nav>menu</nav></body></html>", "empty.html"))
    assert "no article text" in msg.message


def test_feed_entries_become_records():
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Kanal</title>
    <item><guid>e1</guid><title>Pierwszy</title><link>http://x/1</link>
    <description>Premier spotkal sie z prezydentem Francji w Paryzu.</description>
    <pubDate>Mon, 06 May 2024 10:00:00 +0200</pubDate></item>
    <item><guid>e2</guid><title>Pusty</title><link>http://x/2</link></item></channel></rss>"""
    items = list(read_bytes(rss, "news.rss"))
    (rec,) = records(items)
    assert rec.id == "e1" and rec.url == "http://x/1" and rec.published == "2024-05-06T08:00:00+00:00"
    assert rec.text.startswith("Pierwszy\n\nPremier")
    assert "no text" in problems(items)[0].message


def test_warc_html_responses_become_records():
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    paras = "".join(f"<p>Zdanie {i} o tym, jak parlament przyjal ustawe o obronie cywilnej.</p>" for i in range(8))
    page = f"<html><head><title>Ustawa</title></head><body><article>{paras}</article></body></html>".encode()
    for uri, ctype, payload in [("http://x/a", "text/html; charset=utf-8", page), ("http://x/i.png", "image/png", b"\x89PNG")]:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers))
    (rec,) = records(read_bytes(buf.getvalue(), "crawl.warc.gz"))
    assert rec.url == "http://x/a" and "parlament" in rec.text


def test_oversized_record_is_reported(monkeypatch):
    import kronika.readers.validate as v

    monkeypatch.setattr(v, "MAX_RECORD_CHARS", 10)
    (msg,) = problems(read_bytes(json.dumps({"id": "big", "text": "x" * 11}).encode(), "b.jsonl"))
    assert "over the limit" in msg.message


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_records_or_problems_never_exceptions(data):
    for item in read_bytes(data, "fuzz.jsonl"):
        assert isinstance(item, (Record, Problem))
