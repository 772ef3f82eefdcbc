import type { Context } from "hono";
import type { Caller } from "../keys/api-keys";

/** The request's caller, as `resolveCaller` (api/caller.ts) found it: none for a stranger. */
export const callerOf = (c: Context): Caller | undefined =>
  c.get("caller" as never) as Caller | undefined;

export const setCaller = (c: Context, caller: Caller): void => {
  c.set("caller" as never, caller as never);
};
