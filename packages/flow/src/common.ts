import { z } from "zod";

/** Ids of nodes, edges, buttons, quick replies, branches and variants. They end up inside payloads. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Flow ids are slugs: lower case, digits, `-` and `_`. */
export const FLOW_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** Variable and contact field names as written inside `{{ }}`. */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export const idSchema = z
  .string()
  .regex(ID_PATTERN, "must be 1 to 64 letters, digits, '-' or '_'")
  .describe("A stable id: 1 to 64 letters, digits, '-' or '_'.");

export const flowIdSchema = z
  .string()
  .regex(FLOW_ID_PATTERN, "must be a slug: lower-case letters, digits, '-' or '_' (at most 64)")
  .describe("The flow's slug, unique per runtime.");

export const nameSchema = z
  .string()
  .regex(NAME_PATTERN, "must start with a letter or '_' and hold only letters, digits and '_'");

/** Free text typed by a marketer. The hard cap protects the runtime; Messenger's limits are lint rules. */
export const textSchema = z.string().max(20_000, "is far too long (over 20,000 characters)");
export const shortTextSchema = z.string().max(2_000, "is far too long (over 2,000 characters)");

export const labelSchema = z.string().max(200, "is too long (over 200 characters)").optional();

export const positionSchema = z.strictObject({ x: z.number(), y: z.number() });
