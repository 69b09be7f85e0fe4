"""Who a named speaker acts for when the knowledge base does not know them: the state title the article gives them
somewhere ("konsul Ukrainy w Lublinie X"), found through the surname in any case form."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from kronika.kb.loader import roles as kb_roles
from kronika.quotes import lexicon as lx
from kronika.quotes.speakers import Speaker


def same_surname(word: str, surname: str) -> bool:
    """A (possibly inflected) word is the surname: "Pieskowem", "Ławrowa" for Pieskow, Ławrow."""
    w, n = word.lower(), surname.lower()
    k = max(4, len(n) - 2)
    return w == n or (len(n) >= 4 and w.startswith(n[:k]) and len(w) <= len(n) + 4)


def titled_elsewhere(doc: Doc, sp: Speaker, lang: str, actor_spans: list) -> str | None:
    """A person the article introduces with a state title somewhere ("konsul Ukrainy Ołeksandr X", "X, generał
    armii Izraela,"): the polity of that title. Journalists and experts have no such title in roles.tsv."""
    surname = sp.name.split()[-1] if sp.name else ""
    if len(surname) < 3:
        return None
    memo = lx.doc_memo(doc, "titled", lambda d: {})     # one look per surname and article
    if surname in memo:
        return memo[surname]
    memo[surname] = None
    titles = state_titles(lang)
    at = {k: a for a in actor_spans for k in range(a.start, a.end)}
    head = surname[:3].lower()
    for tok in doc:
        if not tok.lower_.startswith(head) or not (tok.text == surname or same_surname(tok.text, surname)):
            continue
        sent = tok.sent
        k = tok.i - 1                                  # back over the name to the title: "konsul Ukrainy X Y"
        while k >= sent.start and tok.i - k <= 6 and doc[k].text not in ",.;:()–—\"„”":
            if doc[k].lemma_.lower() in titles or doc[k].lower_ in titles:
                found = [at[m] for m in range(k - 1, tok.i) if m in at]
                if found:
                    memo[surname] = found[0]._.actor or found[0].label_
                    return memo[surname]
                break
            k -= 1
        if tok.i + 1 < sent.end and doc[tok.i + 1].text == ",":   # "X, konsul Ukrainy, ..."
            span = range(tok.i + 2, min(sent.end, tok.i + 7))
            if any(doc[m].lemma_.lower() in titles for m in span):
                found = [at[m] for m in span if m in at]
                if found:
                    memo[surname] = found[0]._.actor or found[0].label_
                    return memo[surname]
    return None


@lru_cache(maxsize=2)
def state_titles(lang: str) -> frozenset[str]:
    """Single-word titles of people who act for a state or organisation (roles.tsv, institutions left out)."""
    return frozenset(r.form for r in kb_roles(lang) if len(r.words) == 1 and r.role != "institution"
                     and r.sector not in ("", "-", "CVL", "REB", "OPP", "MED", "EDU"))
