// Paste a text and see it analysed (POST /api/analyze): nothing is stored.
import { post } from "../api.js";
import { h, mount, message } from "../dom.js";
import { recordView, metaLine } from "../annotate.js";

let last = { text: "", lang: "auto" };   // kept while the page is open, so going back shows the same text

export async function analyzeView() {
  const out = h("div", { class: "result", "aria-live": "polite" });
  const area = h("textarea", { id: "analyze-text", name: "text", rows: 12, required: true, spellcheck: "false",
                               placeholder: "Paste a news article in Polish or English…" });
  area.value = last.text;
  const lang = h("select", { id: "analyze-lang", name: "lang" },
    ["auto", "pl", "en"].map((l) => h("option", { value: l, selected: last.lang === l }, l)));
  const button = h("button", { type: "submit" }, "Analyse");
  const form = h("form", { class: "analyze" },
    h("label", { for: "analyze-text" }, "Text"), area,
    h("div", { class: "row" }, h("label", { for: "analyze-lang" }, "Language "), lang, " ", button,
      h("span", { class: "muted" }, " Nothing is stored.")));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    last = { text: area.value, lang: lang.value };
    button.disabled = true;
    mount(out, message("info", "Analysing…"));
    try {
      const rec = await post("analyze", { text: area.value, lang: lang.value });
      mount(out, h("h2", {}, rec.title || "Result"), metaLine(rec), recordView(rec, rec.text ?? area.value),
        h("details", {}, h("summary", {}, "JSON record"), h("pre", { class: "json" }, JSON.stringify(rec, null, 2))));
    } catch (err) {
      mount(out, message("error", err.message));
    } finally {
      button.disabled = false;
    }
  });
  return h("div", {}, h("h1", {}, "Analyse a text"), form, out);
}
