// jusou for browsers: `await init()` once; then every function is synchronous except `schema`.
import type { SchemaName } from "./types/names";
import type { JsonSchemaDocument } from "./api";

export * from "./api";

/** Load the module once (later calls return the same promise). */
export function init(
  source?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;
export default init;
/** The JSON Schema of an input or output type, fetched from `schemas/NAME.json`. */
export function schema(name: SchemaName): Promise<JsonSchemaDocument>;
/** The names `schema` knows. */
export function schemaNames(): Promise<SchemaName[]>;
