/** One position of the host's own application (others' look like nothing). */
import type { Actor, ServiceContext } from "../context.ts";
import { NotFoundError } from "../errors.ts";
import { type PositionView } from "./host-application-record.ts";
import { getMyHostApplication } from "./get-my-host-application.ts";

export async function getMyPosition(ctx: ServiceContext, actor: Actor | null, roundId: string, positionId: string): Promise<PositionView> {
  const view = await getMyHostApplication(ctx, actor, roundId);
  const p = view.positions.find((x) => x.id === positionId);
  if (!p) throw new NotFoundError("position");
  return p;
}
