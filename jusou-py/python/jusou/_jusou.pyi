"""Native module: JSON-in, JSON-out entry points (the ``jusou`` package wraps them)."""

from typing import Callable, Dict, List, Optional, Tuple, Union, final

__all__ = [
    "bench_route_native",
    "call",
    "check_vector",
    "depth_error",
    "not_json_error",
    "ArrowDecisions",
    "route_arrow",
    "route_arrow_strings",
    "route_objects",
    "rules",
    "version",
]

#: Column name → bytes (0/1 per row for ok and the booleans) or a list of per-row values.
_Columns = Dict[str, Union[bytes, List[object]]]

def call(op: str, input: str) -> Tuple[bool, str]: ...
def version() -> str: ...
def check_vector(
    op: str, input: str, expected: str, municipality: Optional[str] = ...
) -> Tuple[bool, str]: ...
def rules() -> str: ...
def depth_error() -> str: ...
def not_json_error(why: str) -> str: ...
def route_objects(
    cases: List[object],
    dumps: Callable[[object], str],
    options: Optional[str] = ...,
    as_of: Optional[str] = ...,
    columns: bool = ...,
    nulls_absent: bool = ...,
    threads: Optional[int] = ...,
) -> Tuple[bool, Union[str, List[Dict[str, object]], _Columns]]: ...
def route_arrow_strings(
    column: object,
    options: Optional[str] = ...,
    as_of: Optional[str] = ...,
    threads: Optional[int] = ...,
) -> Tuple[bool, Union[str, _Columns]]: ...

@final
class ArrowDecisions:
    """Decisions as Arrow record batches (the Arrow PyCapsule interface)."""

    def __arrow_c_stream__(self, requested_schema: object = ...) -> object: ...
    def __len__(self) -> int: ...

def route_arrow(
    data: object,
    options: Optional[str] = ...,
    as_of: Optional[str] = ...,
    threads: Optional[int] = ...,
) -> Tuple[bool, Union[str, ArrowDecisions, None]]: ...
def bench_route_native(cases: str, repeat: int, stage: str = ...) -> List[float]: ...
