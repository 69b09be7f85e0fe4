"""The workbench's main paths in headless Chromium: list → article with annotations, the relations chart with a
point leading to its evidence, an actor page, and paste-and-analyse (the real pipeline)."""
from __future__ import annotations

import re

try:
    from playwright.sync_api import expect
except ImportError:          # the `browser` fixture skips (fails in CI) and says why
    expect = None


def test_list_search_and_article_with_annotations(page):
    page.goto("/")
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(4)
    expect(page.locator("h1")).to_have_text("Articles")
    page.get_by_label("Text").fill("Charków")
    page.get_by_role("button", name="Search").click()
    expect(rows).to_have_count(1)
    page.get_by_role("link", name="Rosja ostrzelała Charków. Kijów oskarża Moskwę").click()
    expect(page).to_have_url(re.compile(r"#/article/pl-001$"))
    doc = page.locator(".doc")
    expect(doc).to_contain_text("Rosyjskie wojska ostrzelały w nocy Charków")
    expect(doc.locator('mark.a-actor[data-actor="RUS"]').first).to_be_visible()
    assert doc.locator('mark.a-actor[data-actor="RUS"]').count() >= 4
    assert doc.locator('mark.a-actor[data-actor="UKR"]').count() >= 4
    text = page.request.get("/api/articles/pl-001").json()["text"]
    assert page.evaluate("() => document.querySelector('.doc').textContent") == text   # labels are CSS only
    expect(doc.locator("q.a-quote")).to_have_attribute("data-speaker", "Wołodymyr Zełenski:")
    expect(doc.locator('.a-event[data-label="E1 ASSAULT"]')).to_contain_text("Charków")
    expect(doc.locator(".a-source", has_text="Reuters")).to_be_visible()
    events = page.locator("ol.events > li")
    expect(events).to_have_count(2)
    expect(events.first).to_contain_text("RUS")
    expect(events.first).to_contain_text("→")
    expect(events.first).to_contain_text("ASSAULT")
    page.get_by_role("button", name="show event E2 in the text").click()
    focused = doc.locator('.a-event.focus[data-ev="1"]')
    expect(focused.first).to_be_visible()
    assert "".join(focused.all_text_contents()) == "Ukraina oskarżyła Rosję o atak na cele cywilne"
    page.get_by_label("Quotes").uncheck()                    # layer switches
    expect(page.locator(".annotated")).to_have_class(re.compile("hide-quote"))


def test_relations_chart_point_leads_to_evidence(page):
    page.goto("/#/relations")
    page.get_by_label("Actor A").fill("rus")
    page.get_by_label("Actor B").fill("UKR")
    page.get_by_role("button", name="Show").click()
    points = page.locator("svg.chart a.point")
    expect(points).to_have_count(3)
    expect(page.locator("svg.chart polyline.line")).to_have_count(1)
    assert page.locator('svg.chart a.point[data-period="2023-01"] circle').get_attribute("class").startswith("neg")
    assert page.locator('svg.chart a.point[data-period="2023-02"] circle').get_attribute("class").startswith("pos")
    page.locator('svg.chart a.point[data-period="2023-01"]').click()
    panel = page.locator("#evidence")
    expect(panel).to_contain_text("Evidence, 2023-01")
    link = panel.get_by_role("link", name="Rosyjskie wojska ostrzelały w nocy Charków")
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(re.compile(r"#/article/pl-001\?hl=\d+-\d+$"))
    expect(page.locator("#hl")).to_be_visible()
    assert "".join(page.locator(".a-hl").all_text_contents()) == "Rosyjskie wojska ostrzelały w nocy Charków"


def test_actor_page_lists_events_quotes_and_relations(page):
    page.goto("/#/actors")
    page.get_by_role("link", name="KAZ", exact=True).first.click()
    expect(page.locator("h1")).to_contain_text("Kazachstan")
    expect(page.locator("table.list tbody tr")).to_have_count(1)
    page.get_by_role("link", name="KAZ ↔ RUS").click()
    expect(page.locator("svg.chart a.point")).to_have_count(1)


def test_paste_and_analyse_draws_the_annotations(page, pl_article):
    page.goto("/#/analyze")
    page.get_by_label("Text").fill(pl_article)
    page.get_by_label("Language").select_option("pl")
    page.get_by_role("button", name="Analyse").click()
    done = page.locator(".result .doc, .result [role=alert]").first
    expect(done).to_be_visible(timeout=180_000)                # the first analysis loads the Polish pipeline
    assert page.locator(".result [role=alert]").count() == 0, page.locator(".result").inner_text()
    doc = page.locator(".result .doc")
    expect(doc).to_contain_text("Rząd Węgier zapowiedział")
    assert doc.locator("mark.a-actor").count() >= 2
    expect(page.locator(".result .side-col")).to_contain_text("HUN")


def test_paste_and_analyse_shows_a_clear_error(page):
    page.goto("/#/analyze")
    page.get_by_label("Text").fill("Das ist ein kurzer Text in deutscher Sprache über die Wirtschaft in Berlin.")
    page.get_by_role("button", name="Analyse").click()
    expect(page.get_by_role("alert")).to_contain_text("not supported")


def test_events_page_filters_and_links_to_the_sentence(page):
    page.goto("/#/events")
    expect(page.locator("table.list tbody tr")).to_have_count(7)
    page.get_by_label("Type").select_option("SANCTION")
    page.get_by_role("button", name="Search").click()
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("EU")
    rows.first.get_by_role("link").last.click()
    expect(page).to_have_url(re.compile(r"#/article/en-003\?hl=\d+-\d+$"))
    expect(page.locator("#hl")).to_be_visible()
