"""PostgreSQL integration: a real server (Debian's postgresql) on a temporary data directory on
loopback, started and removed by this test. Run by ``make postgres-test``.

The server refuses to run as root, so as root it runs as the package's ``postgres`` user.
"""

from __future__ import annotations

import copy
import glob
import json
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import jusou
import psycopg
import pytest

from jusou_store import AppendRefused, PlanStore

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]
    path = shutil.which(name)
    assert path, f"{name} not found: install Debian's postgresql"
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dsn():
    as_root = os.geteuid() == 0
    tmp = tempfile.mkdtemp(prefix="jusou-pg-")
    data = os.path.join(tmp, "data")
    run_as = []
    if as_root:
        pg = pwd.getpwnam("postgres")
        os.chown(tmp, pg.pw_uid, pg.pw_gid)
        # runuser is in /usr/sbin, which a non-login shell's PATH may leave out.
        runuser = shutil.which("runuser", path=os.pathsep.join(
            [os.environ.get("PATH", ""), "/usr/sbin", "/sbin"]))
        assert runuser, "runuser (util-linux) is needed to start PostgreSQL as root"
        run_as = [runuser, "-u", "postgres", "--"]
    user = "postgres" if as_root else pwd.getpwuid(os.geteuid()).pw_name
    port = _free_port()
    # Trust authentication on a throw-away cluster that listens on loopback only.
    subprocess.run(run_as + [_pg_bin("initdb"), "-D", data, "-U", user, "--auth=trust",
                             "-E", "UTF8", "--no-locale"],
                   check=True, stdout=subprocess.DEVNULL)
    opts = f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(run_as + [_pg_bin("pg_ctl"), "-D", data, "-o", opts, "-w",
                             "-l", os.path.join(tmp, "log"), "start"],
                   check=True, stdout=subprocess.DEVNULL)
    try:
        url = f"host=127.0.0.1 port={port} user={user} dbname=postgres"
        with psycopg.connect(url, autocommit=True) as conn:
            PlanStore(conn).create_schema((HERE / "schema.sql").read_text())
        yield url
    finally:
        subprocess.run(run_as + [_pg_bin("pg_ctl"), "-D", data, "-m", "fast", "-w", "stop"],
                       stdout=subprocess.DEVNULL)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def store(dsn):
    with psycopg.connect(dsn, autocommit=True) as conn:
        yield PlanStore(conn)


def _fixture(path: Path):
    log = json.loads(path.read_text())
    return log


def _new_case(store: PlanStore, log, case_id: str) -> None:
    store.create_case(case_id, options=log.get("options"), consents=log.get("consents", []))


def test_the_niiza_log_is_stored_event_by_event_and_replays_as_jusou_does(store):
    log = _fixture(ROOT / "fixtures/plans/niiza-8050-model.json")
    _new_case(store, log, "niiza-1")
    for event in log["events"]:
        store.append("niiza-1", event, as_of=log["as_of"])
    assert store.count("niiza-1") == len(log["events"])
    got = store.read("niiza-1", as_of=log["as_of"])
    want = jusou.plan(dict(log, case_id="niiza-1"))
    assert got == want
    assert got["valid"]


def _tied_to_one_event(path):
    """The invalid-plan fixtures whose violation names the event that breaks the law: only those
    can be refused at one append (the others are violations of the log as a whole)."""
    at = int(re.search(r"-at-(\d+)$", path.stem).group(1))
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text())
    return any(v.get("event_index") == at for v in expected["violations"])


INVALID = sorted((ROOT / "fixtures/plans/invalid").glob("*-at-*.json"))
INVALID = [p for p in INVALID if not p.name.endswith(".expected.json") and _tied_to_one_event(p)]


def test_there_are_invalid_fixtures_to_append():
    assert len(INVALID) >= 10, [p.name for p in INVALID]


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_an_event_that_breaks_the_law_never_reaches_the_database(store, path):
    log = _fixture(path)
    at = int(re.search(r"-at-(\d+)$", path.stem).group(1))
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text())
    rules = {v["rule"] for v in expected["violations"] if v.get("event_index") == at}
    case_id = f"bad-{path.stem}"
    _new_case(store, log, case_id)
    refused = None
    for i, event in enumerate(log["events"][: at + 1]):
        try:
            store.append(case_id, event, as_of=log["as_of"])
        except AppendRefused as e:
            refused = (i, e)
            break
    assert refused is not None, "the breaking event was refused"
    i, e = refused
    assert i == at, f"refused at event {i}, expected {at}"
    assert rules & {v["rule"] for v in e.violations}
    # Nothing of the refused event reached the database; the log before it is intact.
    assert store.count(case_id) == at
    assert store.read(case_id, as_of=log["events"][at - 1]["date"])["case_id"] == case_id


def test_a_malformed_event_is_refused_with_jusous_error(store):
    log = _fixture(ROOT / "fixtures/plans/niiza-8050-model.json")
    _new_case(store, log, "malformed-1")
    store.append("malformed-1", log["events"][0])
    bad = copy.deepcopy(log["events"][1])
    bad["type"] = "no_such_event"
    with pytest.raises(jusou.ValidationError) as e:
        store.append("malformed-1", bad)
    assert e.value.errors[0]["code"].startswith("JUSOU-E-")
    assert e.value.errors[0]["path"].startswith("/events/1")
    assert store.count("malformed-1") == 1
