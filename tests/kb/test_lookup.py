import json
import subprocess
import sys

from kronika.kb.lookup import lookup
from kronika.kb.people import resolve_person


def test_a_surname_in_any_case_resolves_by_date():
    (ans,) = [a for a in lookup("Tokajewa", "pl", "2022-07-25") if a.kind in ("person", "surname")][:1]
    assert ans.code == "KAZ" and ans.sector == "GOV" and "head_of_state" in ans.holder


def test_a_seat_of_power_names_its_state():
    assert {a.code for a in lookup("rzecznik Kremla", "pl")} == {"RUS"}


def test_a_code_lists_office_holders_on_the_date():
    names = {a.base for a in lookup("USA", "en", "2010-06-01")}
    assert "Barack Obama" in names and "Donald Trump" not in names


def test_resolve_person_uses_tenure():
    assert resolve_person("Władimir Putin", "pl", "2024-01-01") == ("RUS", "GOV")
    assert resolve_person("Nieznany Człowiek", "pl", "2024-01-01") is None


def test_cli_lookup_json_and_unknown_name():
    run = [sys.executable, "-m", "kronika.cli", "kb", "lookup"]
    r = subprocess.run(run + ["Kremla", "--json"], capture_output=True, text=True)
    assert r.returncode == 0 and json.loads(r.stdout)[0]["code"] == "RUS"
    r = subprocess.run(run + ["Xyzzyq"], capture_output=True, text=True)
    assert r.returncode == 1 and "nothing in the knowledge base" in r.stderr
    r = subprocess.run(run + ["Kremla", "--date", "wczoraj"], capture_output=True, text=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr
