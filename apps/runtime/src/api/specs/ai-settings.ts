import { z } from "zod";
import { ACCESS } from "../../accounts/access";
import { ApiSection } from "../openapi/route-spec";
import { ErrorBody } from "../schemas";

export const aiSettingsApi = new ApiSection("/ai", "ai");

const httpUrl = z
  .string()
  .max(2000)
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), "an http(s) URL");

export const aiProviderBody = z.strictObject({
  baseUrl: httpUrl.optional().meta({
    description: "An OpenAI-compatible chat-completions endpoint, like https://api.mistral.ai/v1.",
  }),
  model: z.string().min(1).max(200).optional(),
  apiKey: z
    .string()
    .min(1)
    .max(8000)
    .nullable()
    .optional()
    .meta({ description: "The provider's key (write-only: never read back); null forgets it." }),
});

const AiProviderInfo = z
  .strictObject({
    baseUrl: z.string(),
    model: z.string(),
    keySet: z.boolean(),
    setAt: z.iso.datetime().optional(),
    setBy: z.string().optional(),
    source: z.enum(["editor", "environment"]),
  })
  .meta({
    id: "AiProviderInfo",
    description:
      "The model AI steps ask, without its key: whether one is saved, who set it and when, or that the runtime's CONVO_AI_* variables set it (and win).",
  });

export const aiSettingsSpecs = {
  get: aiSettingsApi.route({
    method: "get",
    path: "/provider",
    access: ACCESS.owner,
    summary: "The AI provider (URL, model, whether a key is saved; never the key)",
    responses: { 200: { description: "The provider.", schema: AiProviderInfo } },
  }),
  put: aiSettingsApi.route({
    method: "put",
    path: "/provider",
    access: ACCESS.owner,
    summary: "Set the AI provider (the key is sealed with AES-256-GCM and never read back)",
    body: aiProviderBody,
    responses: {
      200: { description: "The provider, without its key.", schema: AiProviderInfo },
      400: { description: "A field is not valid.", schema: ErrorBody },
      409: {
        description: "CONVO_AI_API_KEY is set: the environment's provider wins.",
        schema: ErrorBody,
      },
    },
  }),
};
