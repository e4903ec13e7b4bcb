// A typed use of the browser entry: init first, schema is async.
import init, { route, schema, type Case } from "jusou/web";

export async function main(c: Case): Promise<boolean> {
  await init();
  const s = await schema("RouteDecision");
  void s.title;
  return route(c).multi_agency === true;
}
