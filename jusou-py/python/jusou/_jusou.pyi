"""Native module: JSON-in, JSON-out entry points (the ``jusou`` package wraps them)."""

from typing import Callable, Dict, List, Optional, Tuple, Union, final

from typing_extensions import disjoint_base

__all__ = [
    "bench_route_native",
    "call",
    "check_vector",
    "depth_error",
    "not_json_error",
    "ArrowDecisions",
    "Engine",
    "rules",
    "version",
    "TEST_FOLDERS",
]

#: Column name → bytes (0/1 per row for ok and the booleans) or a list of per-row values.
_Columns = Dict[str, Union[bytes, List[object]]]

#: Folder of a test directory → the operation its vectors run through (jusou-core's table).
TEST_FOLDERS: List[Tuple[str, str]]

def call(op: str, input: str) -> Tuple[bool, str]: ...
def version() -> str: ...
def check_vector(
    op: str, input: str, expected: str, municipality: Optional[str] = ...
) -> Tuple[bool, str]: ...
def rules() -> str: ...
def depth_error() -> str: ...
def not_json_error(why: str) -> str: ...
@final
class ArrowDecisions:
    """Decisions as Arrow record batches (the Arrow PyCapsule interface)."""

    def __arrow_c_stream__(self, requested_schema: object = ...) -> object: ...
    def __len__(self) -> int: ...

@disjoint_base
class Engine:
    """A municipality and a default decision date compiled once by jusou-core."""

    def __new__(cls, municipality: Optional[str] = ..., as_of: Optional[str] = ...) -> Engine: ...
    def call(self, op: str, input: str) -> Tuple[bool, str]: ...
    def route_objects(
        self,
        cases: List[object],
        dumps: Callable[[object], str],
        columns: bool = ...,
        nulls_absent: bool = ...,
        threads: Optional[int] = ...,
    ) -> Union[List[Dict[str, object]], _Columns]: ...
    def route_arrow_strings(self, column: object, threads: Optional[int] = ...) -> _Columns: ...
    def route_arrow(self, data: object, threads: Optional[int] = ...) -> Optional[ArrowDecisions]: ...

def bench_route_native(cases: str, repeat: int, stage: str = ...) -> List[float]: ...
