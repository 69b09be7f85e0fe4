"""POST endpoints: analyse a posted text without storing it, and ingest records (only with the server's token).

Analysis runs under a lock: one spaCy pipeline per language is shared by every request thread.
"""
from __future__ import annotations

import secrets
from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from kronika.api.models import (MAX_ANALYZE_CHARS, MAX_INGEST_RECORDS, AnalyzeRequest, AnalyzeResult, ErrorBody,
                                IngestRequest, IngestResult)
from kronika.errors import KronikaError

router = APIRouter(prefix="/api")
bearer = HTTPBearer(auto_error=False, description="the token given to `kronika serve --token`")


def _too_long(text: str, what: str = "text") -> None:
    if len(text) > MAX_ANALYZE_CHARS:
        raise HTTPException(413, f"{what} has {len(text):,} characters; the limit is {MAX_ANALYZE_CHARS:,}")


def analyze_text(request: Request, text: str, lang: str, **fields) -> dict:
    """The app's analyser under its lock; a KronikaError (unsupported language, bad lang) becomes a 422."""
    state = request.app.state
    try:
        with state.analyze_lock:
            rec = state.analyze(text, lang=lang, **fields)
    except KronikaError as exc:
        raise HTTPException(422, str(exc)) from None
    return rec


@router.post("/analyze", response_model=AnalyzeResult, summary="Analyse a text without storing it",
             responses={413: {"model": ErrorBody, "description": f"more than {MAX_ANALYZE_CHARS:,} characters"},
                        422: {"model": ErrorBody, "description": "a bad language or an unsupported one"}})
def analyze(request: Request, body: AnalyzeRequest) -> dict:
    """The output record of the posted text (actors, entities, sources, quotes, events with their spans), plus
    the text itself. Texts over 200,000 characters (MAX_ANALYZE_CHARS) get 413. Nothing is stored."""
    _too_long(body.text)
    if not body.text.strip():
        raise HTTPException(422, "text is empty")
    fields = {k: v for k, v in (("id", body.id), ("title", body.title), ("url", body.url),
                                ("published", body.published)) if v}
    rec = analyze_text(request, body.text, body.lang, **fields)
    return dict(rec, text=body.text)


def require_token(request: Request,
                  cred: Optional[HTTPAuthorizationCredentials] = Depends(bearer)) -> None:
    """Writing needs `Authorization: Bearer <token>` with the token the server was started with."""
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "writing is disabled: the server was started without --token")
    if cred is None or not secrets.compare_digest(cred.credentials.encode(), token.encode()):
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is needed to write",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/ingest", response_model=IngestResult, summary="Analyse and store records (needs the token)",
             dependencies=[Depends(require_token)],
             responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody, "description": "writing disabled"},
                        413: {"model": ErrorBody}})
def ingest(request: Request, body: IngestRequest) -> dict:
    """Each record (`id`, `text`, optional metadata) is analysed and stored; the same text twice is stored once,
    a changed text becomes a new version. Records that cannot be analysed are reported in `problems`."""
    if len(body.records) > MAX_INGEST_RECORDS:
        raise HTTPException(413, f"{len(body.records):,} records; the limit is {MAX_INGEST_RECORDS:,} a request")
    for r in body.records:
        _too_long(r.text, f"record {r.id[:100]!r}")
    analysed, problems = [], []
    for r in body.records:
        fields = {k: v for k, v in (("title", r.title), ("url", r.url), ("published", r.published),
                                    ("authors", r.authors)) if v}
        try:
            rec = analyze_text(request, r.text, body.lang, id=r.id, **fields)
        except HTTPException as exc:
            problems.append({"id": r.id, "message": str(exc.detail)})
            continue
        analysed.append(dict(rec, id=r.id, text=r.text))
    state = request.app.state
    with state.write_lock:
        report = state.stores.get().add_records(analysed)
    out = report.as_dict()
    out["skipped"] = out.get("skipped", 0) + len(problems)
    out["problems"] = problems
    return out
