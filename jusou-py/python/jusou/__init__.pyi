"""Type stubs for the jusou package. The input and output types live in ``jusou.types``
(generated from the core's JSON Schemas)."""

import datetime
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union, overload

import pandas
import pyarrow

from . import _jusou
from . import types as types
from .types import (
    Case,
    DateInfo,
    Error,
    Errors,
    FundingSplit,
    MeetingCheck,
    MeetingDecision,
    Municipality,
    MunicipalityReport,
    PlanLog,
    PlanReport,
    Program,
    RouteDecision,
)

#: A date as jusou accepts it: ``datetime.date``, ISO text or 和暦 text.
DateLike = Union[datetime.date, str]
#: A municipality for :class:`Engine`, :func:`route` / :func:`route_many`: checked against the
#: law, and its ``options`` (when it states them) replace each case's.
MunicipalityLike = Union[Municipality, Dict[str, object], str]
#: A JSON Schema document (its shape is JSON Schema's, not jusou's).
JsonSchema = Dict[str, Any]

__all__ = [
    "ValidationError",
    "Engine",
    "types",
    "version",
    "taxonomy",
    "parse_date",
    "fiscal_year",
    "split_funding",
    "schema",
    "meeting",
    "route",
    "route_many",
    "plan",
    "check_municipality",
    "report",
    "report_partial",
    "report_merge",
    "report_frame",
]

class ValidationError(ValueError):
    errors: List[Error]
    def __init__(self, errors: List[Error]) -> None: ...

class Engine(_jusou.Engine):
    def __new__(
        cls,
        municipality: Optional[MunicipalityLike] = ...,
        as_of: Optional[DateLike] = ...,
    ) -> Engine: ...
    def route(self, case: Union[Case, str]) -> RouteDecision: ...
    @overload
    def route_many(
        self, cases: Union[Sequence[Union[Case, str]], str], threads: Optional[int] = ...
    ) -> List[Union[RouteDecision, Errors]]: ...
    @overload
    def route_many(self, cases: pandas.DataFrame, threads: Optional[int] = ...) -> pandas.DataFrame: ...
    @overload
    def route_many(
        self, cases: Union[pyarrow.Table, pyarrow.RecordBatch], threads: Optional[int] = ...
    ) -> pyarrow.Table: ...
    @overload
    def route_many(
        self, cases: Iterable[Union[Case, str]], threads: Optional[int] = ...
    ) -> List[Union[RouteDecision, Errors]]: ...
    def meeting(self, check: Union[MeetingCheck, str]) -> MeetingDecision: ...
    def plan(self, events: Union[PlanLog, str]) -> PlanReport: ...
    def report(
        self,
        logs: Iterable[Union[PlanLog, str]],
        fiscal_year: Union[int, str],
        targets: Optional[Dict[str, int]] = ...,
    ) -> Dict[str, Any]: ...

def version() -> str: ...
def taxonomy() -> List[Program]: ...
def parse_date(text: DateLike) -> DateInfo: ...
def fiscal_year(date: DateLike) -> int: ...
def split_funding(amount: int, program: str, as_of: DateLike) -> FundingSplit: ...
def schema(name: str) -> JsonSchema: ...
def meeting(check: Union[MeetingCheck, str]) -> MeetingDecision: ...
def route(
    case: Union[Case, str],
    municipality: Optional[MunicipalityLike] = ...,
    as_of: Optional[DateLike] = ...,
) -> RouteDecision: ...
def plan(events: Union[PlanLog, str], as_of: Optional[DateLike] = ...) -> PlanReport: ...
def report(
    logs: Iterable[Union[PlanLog, str]],
    fiscal_year: Union[int, str],
    targets: Optional[Dict[str, int]] = ...,
) -> Dict[str, Any]: ...
def report_partial(
    logs: Iterable[Union[PlanLog, str]], fiscal_year: Union[int, str]
) -> Dict[str, Any]: ...
def report_merge(
    partials: Iterable[Union[Dict[str, Any], str]], targets: Optional[Dict[str, int]] = ...
) -> Dict[str, Any]: ...
def report_frame(
    logs: Iterable[Union[PlanLog, str]],
    fiscal_year: Union[int, str],
    targets: Optional[Dict[str, int]] = ...,
) -> pandas.DataFrame: ...
def check_municipality(m: Union[Municipality, str]) -> MunicipalityReport: ...
@overload
def route_many(
    cases: Union[Sequence[Union[Case, str]], str],
    municipality: Optional[MunicipalityLike] = ...,
    as_of: Optional[DateLike] = ...,
    threads: Optional[int] = ...,
) -> List[Union[RouteDecision, Errors]]: ...
@overload
def route_many(
    cases: pandas.DataFrame,
    municipality: Optional[MunicipalityLike] = ...,
    as_of: Optional[DateLike] = ...,
    threads: Optional[int] = ...,
) -> pandas.DataFrame: ...
@overload
def route_many(
    cases: Union[pyarrow.Table, pyarrow.RecordBatch],
    municipality: Optional[MunicipalityLike] = ...,
    as_of: Optional[DateLike] = ...,
    threads: Optional[int] = ...,
) -> pyarrow.Table: ...
@overload
def route_many(
    cases: Iterable[Union[Case, str]],
    municipality: Optional[MunicipalityLike] = ...,
    as_of: Optional[DateLike] = ...,
    threads: Optional[int] = ...,
) -> List[Union[RouteDecision, Errors]]: ...
