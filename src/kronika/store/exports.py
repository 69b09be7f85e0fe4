"""Writing the store out in formats that existing tools load.

- `plover`: JSON Lines, one PLOVER/POLECAT-style object per event (keys below, snake_case as in POLECAT's JSON).
- `gdelt`: a GDELT 2.0 event table (the 61 columns of the GDELT 2.0 Event Codebook, in its order), tab-separated,
  with a header row. Filled: GLOBALEVENTID (a stable 60-bit number from the event id), SQLDATE, MonthYear, Year,
  FractionDate, Actor1/2Code (actor code + sector, e.g. RUSGOV), Actor1/2Name (the text naming the actor),
  Actor1/2CountryCode (states: ISO alpha-3), Actor1/2KnownGroupCode (organisations: kronika's code, e.g. NATO),
  Actor1/2Type1Code (sector), IsRootEvent (1 for an article's first event), EventCode, EventBaseCode and EventRootCode
  (CAMEO, when the predicate names a code), QuadClass (1 verbal coop, 2 material coop, 3 verbal conflict,
  4 material conflict, from the PLOVER type), GoldsteinScale, NumMentions/NumSources/NumArticles (1), DATEADDED
  (ingest time, YYYYMMDDHHMMSS, UTC), SOURCEURL (the article URL). Empty: ethnic, religion, Type2/3, AvgTone and all
  geography columns. GDELT has no modality, so hypothetical and negated events are left out of this export.
- `parquet`: one file per table (articles.parquet, events.parquet, ...) in a folder, via pyarrow.
- `csv`: one CSV per table in a folder (lists as JSON text).
Only current article versions are written unless all_versions=True.
"""
from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from kronika.store.rows import TABLES
from kronika.store.sqlparts import QueryError, arrow_reader, connection, modality_arg

FORMATS = ("plover", "gdelt", "parquet", "csv")
FACTUAL = ("asserted", "future", "historical")
QUAD_CODES = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3, "material_conflict": 4}
GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
    "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles "
    "AvgTone Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code "
    "Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode "
    "Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type "
    "ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long "
    "ActionGeo_FeatureID DATEADDED SOURCEURL").split()
# organisations and regions: kronika codes that are not ISO 3166-1 states (a state code is 3 capital letters)
_NON_STATES = {"EUR", "WST", "AFR", "ASI", "MEA", "CIS", "IMF", "WTO", "WHO", "ICC", "SCO", "COE", "G20", "EAEU",
               "NATO", "OSCE", "CSTO", "OPEC", "ASEAN", "BRICS", "ARABLEAGUE", "WORLDBANK", "EU", "UN", "AU", "G7",
               "IAEA"}
BATCH = 10_000


def export(con: Any, fmt: str, out: str | Path, all_versions: bool = False,
           modalities: tuple[str, ...] | list[str] | None = None) -> dict:
    """Write the store as `fmt` to `out` (a file for plover/gdelt, a folder for parquet/csv); returns counts."""
    out = Path(out)
    if fmt not in FORMATS:
        raise QueryError(f"export format must be one of {', '.join(FORMATS)}, not {str(fmt)[:20]!r}")
    if fmt == "plover":
        return {"events": export_plover(con, out, all_versions, modalities)}
    if fmt == "gdelt":
        return {"events": export_gdelt(con, out, all_versions, modalities or FACTUAL)}
    return export_tables(con, out, fmt, all_versions)


def _events_sql(all_versions: bool, modalities) -> tuple[str, list]:
    mods = modality_arg(modalities)
    cond = "TRUE" if all_versions else "a.current"
    params: list = []
    if mods:
        cond += " AND list_contains(?, e.modality)"
        params.append(mods)
    return f"""SELECT e.*, a.url, a.title, a.language, a.published, a.ingested_at
               FROM events e JOIN articles a ON a.id = e.article_id AND a.version = e.version
               WHERE {cond} ORDER BY e.event_date NULLS LAST, e.article_id, e.version, e.event_no""", params


def _batches(con: Any, sql: str, params: list):
    cur = connection(con)
    cur.execute(sql, params)
    names = [d[0] for d in cur.description]
    while rows := cur.fetchmany(BATCH):
        for row in rows:
            yield dict(zip(names, row))


def plover_event(e: dict) -> dict:
    """One stored event as a PLOVER/POLECAT-style JSON object."""
    return {
        "event_id": e["event_id"], "event_date": e["event_date"].isoformat() if e["event_date"] else None,
        "event_type": e["type"], "mode": e["mode"], "context": [], "modality": e["modality"],
        "source_actor": e["source_actor"], "source_sector": e["source_sector"], "source_text": e["source_text"],
        "target_actor": e["target_actor"], "target_sector": e["target_sector"], "target_text": e["target_text"],
        "quad_class": e["quad_class"], "cameo": e["cameo"], "goldstein": e["goldstein"],
        "confidence": e["confidence"], "story_id": e["article_id"], "story_version": e["version"],
        "story_date": e["published"], "story_title": e["title"], "url": e["url"], "language": e["language"],
        "event_text": e["evidence"], "event_start": e["start_char"], "event_end": e["end_char"],
        "date_from": e["date_from"],
    }


def export_plover(con: Any, out: Path, all_versions: bool = False, modalities=None) -> int:
    """PLOVER/POLECAT-style JSON Lines; returns the number of events written."""
    sql, params = _events_sql(all_versions, modalities)
    n = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for e in _batches(con, sql, params):
            f.write(json.dumps(plover_event(e), ensure_ascii=False) + "\n")
            n += 1
    return n


def _actor_cols(code: str | None, sector: str | None, text: str | None) -> list:
    """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1, Type2, Type3."""
    if not code:
        return [""] * 10
    state = len(code) == 3 and code.isalpha() and code.isupper() and code not in _NON_STATES
    return [code + (sector or ""), text or "", code if state else "",
            "" if state else code, "", "", "", sector or "", "", ""]


def gdelt_row(e: dict, root: bool) -> list:
    d = e["event_date"]
    cameo = e["cameo"] or ""
    when = e["ingested_at"]
    return ([int(hashlib.sha1(e["event_id"].encode()).hexdigest()[:15], 16),
             d.strftime("%Y%m%d") if d else "", d.strftime("%Y%m") if d else "", d.year if d else "",
             f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}" if d else ""]
            + _actor_cols(e["source_actor"], e["source_sector"], e["source_text"])
            + _actor_cols(e["target_actor"], e["target_sector"], e["target_text"])
            + [1 if root else 0, cameo, cameo[:3], cameo[:2], QUAD_CODES.get(e["quad_class"] or "", ""),
               "" if e["goldstein"] is None else e["goldstein"], 1, 1, 1, ""]
            + [""] * 24
            + [when.strftime("%Y%m%d%H%M%S") if when else "", e["url"] or ""])


def export_gdelt(con: Any, out: Path, all_versions: bool = False, modalities=FACTUAL) -> int:
    """A GDELT 2.0-style event TSV with a header row; returns the number of events written."""
    sql, params = _events_sql(all_versions, modalities)
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write("\t".join(GDELT_COLUMNS) + "\n")
        for e in _batches(con, sql, params):
            f.write("\t".join(_tsv(v) for v in gdelt_row(e, root=e["event_no"] == 0)) + "\n")
            n += 1
    return n


def _tsv(v: Any) -> str:
    """GDELT files are not quoted: a field must hold no tab and no line break."""
    return " ".join(str(v).split()) if isinstance(v, str) else str(v)


def _table_sql(table: str, all_versions: bool) -> str:
    if all_versions:
        return f"SELECT * FROM {table}"
    if table == "articles":
        return "SELECT * FROM articles WHERE current ORDER BY id"
    return (f"SELECT t.* FROM {table} t JOIN articles a ON a.id = t.article_id AND a.version = t.version "
            f"AND a.current ORDER BY t.article_id")


def export_tables(con: Any, folder: Path, fmt: str = "parquet", all_versions: bool = False) -> dict:
    """Every table as folder/<table>.parquet or .csv; returns rows per table."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in TABLES:   # fixed table names, never user input
        cur = connection(con)
        reader = arrow_reader(cur.execute(_table_sql(table, all_versions)), BATCH)
        path = folder / f"{table}.{fmt}"
        n = 0
        if fmt == "parquet":
            with pq.ParquetWriter(path, reader.schema) as writer:
                for batch in reader:
                    writer.write_batch(batch)
                    n += batch.num_rows
        else:
            n = _write_csv(path, reader)
        counts[table] = n
    return counts


def _write_csv(path: Path, reader: pa.RecordBatchReader) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(reader.schema.names)
        for batch in reader:
            for row in batch.to_pylist():
                w.writerow([_cell(v) for v in row.values()])
                n += 1
    return n


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v
