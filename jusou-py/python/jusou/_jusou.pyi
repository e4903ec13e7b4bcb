"""Native module: JSON-in, JSON-out entry points (the ``jusou`` package wraps them)."""

from typing import Callable, Dict, List, Optional, Tuple, TypedDict, Union

class ArrowStrings(TypedDict):
    """Addresses and sizes of a pyarrow string/large_string array's buffers."""

    validity_addr: int
    validity_size: int
    offsets_addr: int
    offsets_size: int
    data_addr: int
    data_size: int
    offset: int
    length: int
    wide: bool

#: Column name → bytes (0/1 per row for ok and the booleans) or a list of per-row values.
Columns = Dict[str, Union[bytes, List[object]]]

def call(op: str, input: str) -> Tuple[bool, str]: ...
def version() -> str: ...
def depth_error() -> str: ...
def not_json_error(why: str) -> str: ...
def route_objects(
    cases: List[object],
    dumps: Callable[[object], str],
    options: Optional[str] = ...,
    as_of: Optional[str] = ...,
    columns: bool = ...,
    nulls_absent: bool = ...,
) -> Tuple[bool, Union[str, List[Dict[str, object]], Columns]]: ...
def route_arrow_strings(
    buffers: ArrowStrings, options: Optional[str] = ..., as_of: Optional[str] = ...
) -> Tuple[bool, Union[str, Columns]]: ...
def bench_route_native(cases: str, repeat: int, stage: str = ...) -> List[float]: ...
