// jusou for node (ES module): the same functions as index.cjs.
import { createRequire } from "node:module";

const jusou = createRequire(import.meta.url)("./index.cjs");

export const {
  call,
  callJson,
  version,
  taxonomy,
  parseDate,
  fiscalYear,
  splitFunding,
  route,
  routeMany,
  meeting,
  plan,
  report,
  checkMunicipality,
  Engine,
  schema,
  schemaNames,
} = jusou;
export default jusou;
