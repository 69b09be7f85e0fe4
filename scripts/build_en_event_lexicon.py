#!/usr/bin/env python3
"""Build src/kronika/lang/en/data/event_predicates.tsv from the PETRARCH2 CAMEO verb dictionary.

Why a build step: the 2014/2015 PETRARCH2 dictionary (MIT, in ../shared) is the largest open English
verb -> CAMEO resource, but its patterns are written for a parser-driven matcher. kronika only needs
lemma + salient object + CAMEO code, so each pattern is reduced to that (patterns too specific to reduce
are dropped), mapped to PLOVER through plover/data/cameo.tsv, then the hand-written
event_predicates_extra.tsv (modern verbs and nouns, preferred prepositions) is merged over it.

    python scripts/build_en_event_lexicon.py [--shared /work/shared]

Standard library only.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared"
CAMEO_TSV = REPO / "src" / "kronika" / "plover" / "data" / "cameo.tsv"
EN_DIR = REPO / "src" / "kronika" / "lang" / "en" / "data"
COLUMNS = ["lemma", "pos", "object", "prep", "type", "mode", "cameo", "notes"]

# Format tokens of the PETRARCH pattern language (not lexical knowledge): verb particles that
# may follow '*' directly and belong to the verb, and the actor/skip markers.
PARTICLES = {"UP", "DOWN", "OUT", "OFF", "AWAY", "BACK", "FORWARD", "ASIDE"}
MARKERS = {"$", "+", "^", "%"}
_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Read a kronika TSV ('#' comments, then a header row)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def singular(word: str) -> str:
    """Crude English singular for dictionary nouns (the dictionary lists plurals verbatim)."""
    w = word.lower()
    if w in {"arms", "news", "means", "species", "series", "talks"} or len(w) <= 3:
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def read_dictionary(path: Path) -> tuple[dict[str, list[str]], list[tuple[str, list[str], str, list[tuple[str, str]]]]]:
    """Return synsets and blocks: (block code, verbs with own codes, patterns (text, code))."""
    synsets: dict[str, list[str]] = {}
    blocks: list[tuple[str, list[str], str, list[tuple[str, str]]]] = []
    section, current = "", ""
    verbs: list[str] = []
    patterns: list[tuple[str, str]] = []
    block_code = ""
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if line.startswith("####"):
            section = line
            continue
        if not line or line.startswith("#"):
            continue
        if "SYNONYM" in section:
            if line.startswith("&"):
                current = line.split()[0]
                synsets[current] = []
            elif line.startswith("+") and current:
                synsets[current].append(line[1:].split("#")[0].strip().rstrip("_").replace("_", " ").lower())
            continue
        if "VERB PATTERNS" not in section:
            continue
        if line.startswith("---"):
            if verbs or patterns:
                blocks.append((block_code, verbs, "", patterns))
            m = re.search(r"\[([^\]]*)\]", line)
            block_code = m.group(1).strip() if m else "---"
            verbs, patterns = [], []
        elif line.startswith("-"):
            m = re.match(r"-\s*(.*?)\s*\[([^\]]*)\]\s*(?:#\s*(.*))?$", line)
            if m:
                patterns.append((m.group(1) + " # " + (m.group(3) or "").strip(), m.group(2).strip()))
        elif not line.startswith("~"):
            body = re.sub(r"\{[^}]*\}", " ", line.split("#")[0].split(";")[0])
            m = re.search(r"\[([^\]]*)\]", body)
            word = re.sub(r"\[[^\]]*\]", " ", body).strip()
            if word:
                verbs.append(word + "\t" + (m.group(1).strip() if m else ""))
    if verbs or patterns:
        blocks.append((block_code, verbs, "", patterns))
    return synsets, blocks


def verb_lemma(word: str) -> str:
    """'+ASK_FOR' -> 'ask for', 'WIRE_+TAP' -> 'wire tap'."""
    return word.replace("+", "").replace("_", " ").strip().lower()


def norm_code(code: str) -> str:
    """'042:043' -> '042'; ':173' -> '173'; '---' -> ''."""
    parts = [p.strip() for p in code.split(":") if p.strip() and p.strip() != "---"]
    return parts[0] if parts else ""


def phrase(tok: str, synsets: dict[str, list[str]]) -> str | None:
    """Object text of one pattern item; None when it cannot be reduced."""
    if tok.startswith("&"):
        members = synsets.get(tok)
        return "|".join(dict.fromkeys(singular(m) if " " not in m else m for m in members)) if members else None
    if tok.startswith("{"):
        words = [w for w in tok[1:-1].split() if w not in MARKERS]
        if not words or len(words) > 2 or any(w.startswith("&") for w in words):
            return None
        return " ".join(w.lower() for w in words[:-1]) + (" " if len(words) > 1 else "") + singular(words[-1])
    if re.fullmatch(r"[A-Z][A-Z'\-]*", tok):
        return singular(tok)
    return None


def reduce_pattern(text: str, synsets: dict[str, list[str]]) -> tuple[str, str, str] | None:
    """Reduce '- pre * post' to (particle, object, prep); None when too specific."""
    pat = text.split(" # ")[0]
    if "*" not in pat:
        return None
    pre, post = pat.split("*", 1)
    if any(t not in MARKERS for t in pre.split()):
        return None  # subject constraints or negation ('WILL NOT *')
    toks = _TOKEN.findall(post)
    particle = ""
    if toks and toks[0] in PARTICLES:
        particle, toks = toks[0].lower(), toks[1:]
    objects: list[str] = []
    prep = ""
    for tok in toks:
        if tok in MARKERS:
            prep = prep or "acc"
            continue
        if tok.startswith("("):
            inner = tok[1:-1].split(None, 1)
            if not inner:
                return None
            p = inner[0].lower()
            rest = inner[1].strip() if len(inner) > 1 else ""
            if rest in ("", "+", "$"):
                prep = p
                continue
            obj = phrase(rest, synsets)
            if obj is None:
                return None
            objects.append(obj)
            continue
        obj = phrase(tok, synsets)
        if obj is None:
            return None
        objects.append(obj)
    if len(objects) > 1:
        return None
    return particle, (objects[0] if objects else ""), prep


def build(shared: Path) -> list[list[str]]:
    """Rows reduced from the PETRARCH2 dictionary, one per (lemma, object, prep)."""
    cameo = {r["cameo"]: r for r in read_tsv(CAMEO_TSV)}
    synsets, blocks = read_dictionary(shared / "data" / "petrarch2_dictionaries" / "dictionaries" / "CAMEO.2.0.txt")
    cands: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)

    def add(lemma: str, obj: str, prep: str, code: str, note: str) -> None:
        code = norm_code(code)
        row = cameo.get(code)
        if row and row["plover_type"] and lemma:
            cands[(lemma, obj, prep)].append((code, note))

    for block_code, verbs, _x, patterns in blocks:
        lemmas = []
        for entry in verbs:
            word, code = entry.split("\t")
            lemma = verb_lemma(word)
            lemmas.append(lemma)
            add(lemma, "", "", code or block_code, "petrarch2: verb entry")
        head = lemmas[0] if lemmas else ""
        for text, code in patterns:
            red = reduce_pattern(text, synsets)
            if red is None:
                continue
            particle, obj, prep = red
            comment = text.split(" # ", 1)[1].split()[:1]
            verb = verb_lemma(comment[0]) if comment and verb_lemma(comment[0]) in lemmas else head
            lemma = f"{verb} {particle}".strip()
            add(lemma, obj, prep, code, "petrarch2: " + " ".join(text.split(" # ")[0].split()))

    rows: list[list[str]] = []
    for (lemma, obj, prep), hits in cands.items():
        types = Counter(cameo[c]["plover_type"] for c, _n in hits)
        best = types.most_common(1)[0][0]
        code, note = next((c, n) for c, n in hits if cameo[c]["plover_type"] == best)
        if len(types) > 1:
            note += f" (dictionary also gives {', '.join(t for t in types if t != best)})"
        rows.append([lemma, "verb", obj, prep, best, cameo[code]["plover_mode"], code, note])
    return rows


def merge(rows: list[list[str]], extra: list[dict[str, str]]) -> list[list[str]]:
    """Hand-written rows win over built rows with the same (lemma, pos, object); an extra row of type '-' only
    removes them (a generic verb whose bare dictionary entry is no event)."""
    keys = {(e["lemma"], e["pos"], e["object"]) for e in extra}
    kept = [r for r in rows if (r[0], r[1], r[2]) not in keys]
    merged = kept + [[e[c] for c in COLUMNS] for e in extra if e["type"] != "-"]
    merged.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
    return merged


HEADER = """\
# English event predicates -> PLOVER type/mode and closest CAMEO code.
# Generated by scripts/build_en_event_lexicon.py -- edit event_predicates_extra.tsv, not this file.
# Sources: (1) PETRARCH2 CAMEO verb dictionary CAMEO.2.0.txt (github.com/openeventdata/petrarch2 @ 676801cd),
#   Copyright (c) 2014-2015 Open Event Data Alliance, MIT License; patterns reduced to verb lemma + one object noun +
#   CAMEO code (rows whose notes start with 'petrarch2:'; the note keeps the original pattern);
#   (2) event_predicates_extra.tsv, kronika's own compilation (modern verbs and nouns, target prepositions), which
#   overrides (1) for the same lemma/pos/object (an extra row of type '-' only removes the PETRARCH2 rows: generic
#   verbs whose bare entry is no event, e.g. 'give', 'take', 'plan').
#   CAMEO -> PLOVER via plover/data/cameo.tsv (PLOVER CAMEO2PLOVER-2021, CC BY-SA 4.0, plus kronika overrides).
# Columns: lemma (verb or noun lemma, phrasal verbs with a space: 'call for', 'set off'), pos (verb | noun),
#  object (object noun lemma(s), '|'-separated; blank = lemma alone), prep (how the TARGET is marked: acc = direct
#  object, or a preposition: on, against, with, to, ...; blank = unknown/none), type, mode, cameo, notes."""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = ap.parse_args(argv)
    built = build(args.shared)
    extra = read_tsv(EN_DIR / "event_predicates_extra.tsv")
    rows = merge(built, extra)
    out = EN_DIR / "event_predicates.tsv"
    body = "".join("\t".join(r) + "\n" for r in rows)
    out.write_text(HEADER + "\n" + "\t".join(COLUMNS) + "\n" + body, encoding="utf-8")
    print(f"{len(built)} rows from PETRARCH2, {len(extra)} extra rows -> {len(rows)} rows in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
