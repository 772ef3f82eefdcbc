import { z } from "zod";
import { ACCESS } from "../../accounts/access";
import { flagQuery, timeQuery } from "../openapi/queries";
import { ApiSection } from "../openapi/route-spec";
import {
  ErrorBody,
  Flow,
  FlowDetail,
  FlowList,
  FlowStats,
  PauseState,
  Published,
  Saved,
  VersionDetail,
  VersionSummary,
} from "../schemas";

export const flowsApi = new ApiSection("/flows", "flows");

const flowIdBody = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be a slug: lower-case letters, digits, '-' or '_'");
const flowDocument = z.unknown().meta({
  description: "A flow document (flow.schema.json); older schema versions are migrated.",
});

export const createBody = z.union([
  z.strictObject({ flow: flowDocument }),
  z.strictObject({
    name: z.string().min(1).max(120),
    id: flowIdBody.optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, "must be a language code like fr or en")
      .optional()
      .meta({
        description:
          "The new flow's language (default `en`): the editor's, so a French marketer's flow is in French.",
      }),
  }),
]);
export const putBody = z.strictObject({
  flow: flowDocument,
  revision: z.number().int().nonnegative(),
});
export const patchBody = z.strictObject({ name: z.string().min(1).max(120) });
export const duplicateBody = z.strictObject({
  id: flowIdBody.optional(),
  name: z.string().min(1).max(120).optional(),
});
export const publishBody = z.strictObject({
  note: z.string().max(2000).optional(),
  revision: z.number().int().nonnegative().optional(),
});
export const importQuery = z.object({
  overwrite: flagQuery("Replace a flow with the same id (`1` or `true`)."),
  copy: flagQuery(
    "Import as a copy when the id is taken: a free id (`order-tracking-2`) and the name `name` (or the file's, with ` (copy)`).",
  ),
  name: z
    .string()
    .min(1)
    .max(120)
    .optional()
    .meta({ description: "The copy's name (with `copy=1`)." }),
});
export const statsQuery = z.object({
  from: timeQuery,
  to: timeQuery,
});

const id = z.object({ id: z.string().meta({ description: "The flow's id (a slug)." }) });
const idVersion = z.object({
  id: z.string().meta({ description: "The flow's id (a slug)." }),
  version: z.string().meta({ description: "A published version number." }),
});
const error = (description: string) => ({ description, schema: ErrorBody });
const notFound = error("No such flow (or version).");

export const flowSpecs = {
  list: flowsApi.route({
    method: "get",
    path: "/",
    access: ACCESS.flowsRead,
    summary: "List the flows",
    responses: { 200: { description: "Every flow, without its document.", schema: FlowList } },
  }),
  create: flowsApi.route({
    method: "post",
    path: "/",
    access: ACCESS.flowsWrite,
    summary: "Create a flow, empty (from a name) or from a document",
    body: createBody,
    responses: {
      201: { description: "The flow, as created.", schema: FlowDetail },
      400: error("The body or the flow is not valid (`issues`)."),
      409: error("A flow with this id exists already."),
      413: error("The body is larger than 5 MB."),
    },
  }),
  import: flowsApi.route({
    method: "post",
    path: "/import",
    access: ACCESS.flowsWrite,
    summary: "Import a flow file (migrated when older)",
    query: importQuery,
    body: Flow,
    responses: {
      201: { description: "The imported flow.", schema: FlowDetail },
      400: error("The document is not a valid flow (`issues`)."),
      409: error("A flow with this id exists already (add `overwrite=1`, or `copy=1`)."),
      413: error("The body is larger than 5 MB."),
    },
  }),
  get: flowsApi.route({
    method: "get",
    path: "/:id",
    access: ACCESS.flowsRead,
    summary: "A flow with its draft",
    params: id,
    responses: { 200: { description: "The flow.", schema: FlowDetail }, 404: notFound },
  }),
  save: flowsApi.route({
    method: "put",
    path: "/:id",
    access: ACCESS.flowsWrite,
    summary: "Save the draft (optimistic: the revision it was read at)",
    params: id,
    body: putBody,
    responses: {
      200: { description: "The new revision.", schema: Saved },
      400: error("The flow is not valid, or its id changed (`issues`)."),
      404: notFound,
      409: error("Someone saved in the meantime (`current`)."),
      413: error("The body is larger than 5 MB."),
    },
  }),
  rename: flowsApi.route({
    method: "patch",
    path: "/:id",
    access: ACCESS.flowsWrite,
    summary: "Rename a flow",
    params: id,
    body: patchBody,
    responses: { 200: { description: "The flow.", schema: FlowDetail }, 404: notFound },
  }),
  delete: flowsApi.route({
    method: "delete",
    path: "/:id",
    access: ACCESS.flowsWrite,
    summary: "Delete a flow and its versions",
    params: id,
    responses: { 204: { description: "Deleted." }, 404: notFound },
  }),
  duplicate: flowsApi.route({
    method: "post",
    path: "/:id/duplicate",
    access: ACCESS.flowsWrite,
    summary: "Copy a flow's draft into a new flow",
    params: id,
    body: duplicateBody,
    responses: {
      201: { description: "The copy.", schema: FlowDetail },
      404: notFound,
      409: error("A flow with this id exists already."),
    },
  }),
  publish: flowsApi.route({
    method: "post",
    path: "/:id/publish",
    access: ACCESS.flowsWrite,
    summary: "Publish the draft as the next version",
    params: id,
    body: publishBody,
    responses: {
      201: { description: "The version published.", schema: Published },
      404: notFound,
      409: error(
        "The flow changed since this revision (`current`), or it claims a keyword, ref, payload, event or the default reply of another live flow (`code: flow_clash`, `problems` name that flow).",
      ),
      422: error("The flow has lint errors (`problems`)."),
    },
  }),
  pause: flowsApi.route({
    method: "post",
    path: "/:id/pause",
    access: ACCESS.flowsWrite,
    summary: "Pause a published flow: it keeps its versions but answers nothing",
    params: id,
    responses: {
      200: { description: "The flow is paused.", schema: PauseState },
      404: notFound,
      409: error("The flow was never published (`not_published`)."),
    },
  }),
  resume: flowsApi.route({
    method: "post",
    path: "/:id/resume",
    access: ACCESS.flowsWrite,
    summary: "Resume a paused flow: its published version answers again",
    params: id,
    responses: {
      200: { description: "The flow is live.", schema: PauseState },
      404: notFound,
      409: error(
        "The flow was never published (`not_published`), or another live flow claims what it answers (`flow_clash`, `problems`).",
      ),
    },
  }),
  versions: flowsApi.route({
    method: "get",
    path: "/:id/versions",
    access: ACCESS.flowsRead,
    summary: "The published versions, newest first",
    params: id,
    responses: {
      200: {
        description: "The versions.",
        schema: z.strictObject({ versions: z.array(VersionSummary) }),
      },
      404: notFound,
    },
  }),
  version: flowsApi.route({
    method: "get",
    path: "/:id/versions/:version",
    access: ACCESS.flowsRead,
    summary: "One published version with its document",
    params: idVersion,
    responses: { 200: { description: "The version.", schema: VersionDetail }, 404: notFound },
  }),
  restore: flowsApi.route({
    method: "post",
    path: "/:id/versions/:version/restore",
    access: ACCESS.flowsWrite,
    summary: "Make a published version the draft again",
    params: idVersion,
    responses: { 200: { description: "The flow.", schema: FlowDetail }, 404: notFound },
  }),
  export: flowsApi.route({
    method: "get",
    path: "/:id/export",
    access: ACCESS.flowsRead,
    summary: "The draft as a flow file (stable key order, secrets redacted)",
    params: id,
    responses: {
      200: { description: "An attachment `<id>.json`.", schema: Flow },
      404: notFound,
    },
  }),
  stats: flowsApi.route({
    method: "get",
    path: "/:id/stats",
    access: ACCESS.flowsRead,
    summary: "How many contacts entered each step and took each handle",
    description: "Counted per UTC day; `from` defaults to 30 days before `to`, `to` to now.",
    params: id,
    query: statsQuery,
    responses: {
      200: { description: "The counts.", schema: FlowStats },
      400: error("`from` or `to` is not a date between 1970 and 9999."),
      404: notFound,
    },
  }),
};
