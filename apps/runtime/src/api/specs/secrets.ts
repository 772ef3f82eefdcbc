import { z } from "zod";
import { ApiSection } from "../openapi/route-spec";
import { ErrorBody } from "../schemas";

export const secretsApi = new ApiSection("/secrets", "secrets");

const name = z.object({
  name: z.string().meta({ description: "The secret's name, as in `{{secrets.NAME}}`." }),
});
export const secretBody = z.strictObject({ value: z.string().min(1).max(8000) });

const SecretInfo = z
  .strictObject({
    name: z.string(),
    setAt: z.iso.datetime().optional(),
    setBy: z.string().optional(),
    source: z.enum(["editor", "environment"]),
  })
  .meta({
    id: "SecretInfo",
    description:
      "A secret without its value, which is never read back: who set it and when, or that a `CONVO_SECRET_<NAME>` variable sets it (and wins).",
  });

export const secretSpecs = {
  list: secretsApi.route({
    method: "get",
    path: "/",
    summary: "The secrets' names, when and by whom they were set (never their values)",
    responses: {
      200: {
        description: "The secrets.",
        schema: z.strictObject({ secrets: z.array(SecretInfo) }),
      },
    },
  }),
  put: secretsApi.route({
    method: "put",
    path: "/:name",
    summary: "Set a secret (write-only: sealed with AES-256-GCM, never read back)",
    params: name,
    body: secretBody,
    responses: {
      200: { description: "The secret, without its value.", schema: SecretInfo },
      400: { description: "The name or the value is not valid.", schema: ErrorBody },
    },
  }),
  remove: secretsApi.route({
    method: "delete",
    path: "/:name",
    summary: "Delete a secret set in the editor",
    params: name,
    responses: {
      204: { description: "Deleted." },
      404: { description: "No such secret set in the editor.", schema: ErrorBody },
    },
  }),
};
