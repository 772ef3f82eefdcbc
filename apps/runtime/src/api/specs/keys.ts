import { z } from "zod";
import { ACCESS } from "../../accounts/access";
import { SCOPES } from "../../keys/api-keys";
import { ApiSection } from "../openapi/route-spec";
import { ErrorBody } from "../schemas";

/** The owner's API keys for integrations (also `convo keys` on the command line). */
export const keysApi = new ApiSection("/keys", "people");

const time = z.iso.datetime();
const ApiKey = z
  .strictObject({
    id: z
      .string()
      .meta({ description: "The key's public part (`ck_…`), shown in lists and logs." }),
    name: z.string(),
    scopes: z.array(z.string()),
    createdAt: time,
    lastUsedAt: time.nullable(),
    revokedAt: time.nullable(),
  })
  .meta({ id: "ApiKey", description: "An integration's key, without the key itself." });

export const keyBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  scopes: z.array(z.enum(SCOPES)).min(1).max(SCOPES.length),
});
const keyId = z.object({ id: z.string().meta({ description: "The key's id (`ck_…`)." }) });

export const keySpecs = {
  list: keysApi.route({
    method: "get",
    path: "/",
    access: ACCESS.owner,
    summary: "Every API key, newest first, with its scopes and when it was last used",
    responses: {
      200: { description: "The keys.", schema: z.strictObject({ keys: z.array(ApiKey) }) },
    },
  }),
  create: keysApi.route({
    method: "post",
    path: "/",
    access: ACCESS.owner,
    summary: "Make a named key with scopes: the key is in this answer only, stored as a digest",
    body: keyBody,
    responses: {
      201: {
        description: "The key (shown once) and its row.",
        schema: z.strictObject({ key: z.string(), apiKey: ApiKey }),
      },
      400: { description: "No name, or no known scope.", schema: ErrorBody },
    },
  }),
  revoke: keysApi.route({
    method: "delete",
    path: "/:id",
    access: ACCESS.owner,
    summary: "Revoke a key: it stops working at once",
    params: keyId,
    responses: {
      204: { description: "Revoked." },
      404: { description: "No live key with that id.", schema: ErrorBody },
    },
  }),
};
