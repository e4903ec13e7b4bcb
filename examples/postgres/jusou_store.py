"""A case's 支援プラン event log in PostgreSQL, every append checked by jusou inside the transaction.

What a vendor copies: ``append`` locks the case's row, reads its log, asks jusou to replay the log
with the new event on the event's date and refuses the event — rolling the transaction back — when
jusou finds an input error in it (``jusou.ValidationError``) or a violation the log did not have
before (``AppendRefused``). ``read`` replays a case's log from the database. jusou decides; this
module only stores.

    with psycopg.connect(dsn) as conn:
        store = PlanStore(conn)
        store.create_case("c-1", options={"monitoring_interval_days": 90}, consents=[...])
        store.append("c-1", {"type": "referral", "date": "2026-05-08", "organisation": "…"},
                     as_of=datetime.date.today())
        report = store.read("c-1", as_of="2026-06-01")
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

import jusou
from psycopg.types.json import Jsonb


class AppendRefused(Exception):
    """jusou found violations the new event would introduce. ``.violations`` are jusou's
    findings (rule, citation, message_ja, message_en, event_index)."""

    def __init__(self, violations: List[Dict[str, Any]]):
        self.violations = violations
        first = violations[0]
        super().__init__(f"{first['rule']}: {first['message_en']}")


def _key(v: Dict[str, Any]) -> str:
    return json.dumps(v, sort_keys=True, ensure_ascii=False)


class PlanStore:
    """Plan logs in the tables of ``schema.sql``, on an open psycopg connection."""

    def __init__(self, conn: Any):
        self.conn = conn

    def create_schema(self, sql: str) -> None:
        with self.conn.transaction():
            self.conn.execute(sql)

    def create_case(self, case_id: str, options: Optional[Dict[str, Any]] = None,
                    consents: Optional[List[Dict[str, Any]]] = None) -> None:
        with self.conn.transaction():
            self.conn.execute(
                "INSERT INTO plan_case (case_id, options, consents) VALUES (%s, %s, %s)",
                (case_id, Jsonb(options) if options is not None else None, Jsonb(consents or [])),
            )

    def _log(self, case_id: str, lock: bool) -> Dict[str, Any]:
        row = self.conn.execute(
            "SELECT options, consents FROM plan_case WHERE case_id = %s"
            + (" FOR UPDATE" if lock else ""),
            (case_id,),
        ).fetchone()
        if row is None:
            raise KeyError(f"no case {case_id!r}")
        events = [e for (e,) in self.conn.execute(
            "SELECT event FROM plan_event WHERE case_id = %s ORDER BY seq", (case_id,))]
        log: Dict[str, Any] = {"case_id": case_id, "consents": row[1], "events": events}
        if row[0] is not None:
            log["options"] = row[0]
        return log

    def append(self, case_id: str, event: Dict[str, Any], as_of: Any = None) -> Dict[str, Any]:
        """Append one event; returns jusou's report of the log with it, judged on ``as_of``
        (today, in a live system: an event dated later is a future event; by default the
        event's own date). Raises ``jusou.ValidationError`` (bad event) or ``AppendRefused``
        (a violation the log did not have); the database is then unchanged."""
        with self.conn.transaction():
            # The row lock serialises appends to one case: each is checked against the log
            # it will follow.
            log = self._log(case_id, lock=True)
            day = as_of if as_of is not None else event.get("date")
            before = jusou.plan(log, as_of=day)["violations"] if log["events"] else []
            after = jusou.plan(dict(log, events=log["events"] + [event]), as_of=day)
            known = {_key(v) for v in before}
            new = [v for v in after["violations"] if _key(v) not in known]
            if new:
                raise AppendRefused(new)  # leaves the transaction: rolled back
            self.conn.execute(
                "INSERT INTO plan_event (case_id, seq, event) VALUES (%s, %s, %s)",
                (case_id, len(log["events"]), Jsonb(event)),
            )
            return after

    def read(self, case_id: str, as_of: Any) -> Dict[str, Any]:
        """Replay the case's log from the database, judged on ``as_of``."""
        with self.conn.transaction():
            return jusou.plan(self._log(case_id, lock=False), as_of=as_of)

    def count(self, case_id: str) -> int:
        (n,) = self.conn.execute(
            "SELECT count(*) FROM plan_event WHERE case_id = %s", (case_id,)).fetchone()
        return int(n)
