// jusou for node: every function is synchronous; the schemas are read from files beside it.
import type { SchemaName } from "./types/names";
import type { JsonSchemaDocument } from "./api";

export * from "./api";

/** The JSON Schema of an input or output type, by name. */
export function schema(name: SchemaName): JsonSchemaDocument;
/** The names `schema` knows. */
export function schemaNames(): SchemaName[];
