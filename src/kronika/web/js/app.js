// The workbench: a hash router over a handful of views, all drawn from the JSON API under /api.
import { mount, message } from "./dom.js";
import { parseHash } from "./route.js";
import { articlesView, articleView } from "./views/articles.js";
import { actorsView, actorView } from "./views/actors.js";
import { eventsView } from "./views/events.js";
import { relationsView } from "./views/relations.js";
import { analyzeView } from "./views/analyze.js";

const ROUTES = {
  "": articlesView, articles: articlesView, article: articleView, events: eventsView,
  actors: actorsView, actor: actorView, relations: relationsView, analyze: analyzeView,
};

let current = 0;

async function render() {
  const main = document.getElementById("main");
  const route = parseHash(location.hash);
  const view = ROUTES[route.name];
  document.querySelectorAll("[data-nav]").forEach((a) => {
    const on = a.dataset.nav === route.name || (a.dataset.nav === "articles" && route.name === "article") ||
      (a.dataset.nav === "actors" && route.name === "actor");
    if (on) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  });
  const token = ++current;
  if (!view) { mount(main, message("error", `No such page: ${route.name}`)); return; }
  main.setAttribute("aria-busy", "true");
  try {
    const el = await view(route);
    if (token !== current) return;            // a newer navigation won
    mount(main, el);
  } catch (err) {
    if (token !== current) return;
    mount(main, message("error", err && err.message ? err.message : String(err)));
  } finally {
    if (token === current) main.removeAttribute("aria-busy");
  }
  const hl = document.getElementById("hl");
  if (hl) hl.scrollIntoView({ block: "center" });
}

window.addEventListener("hashchange", render);
render();
