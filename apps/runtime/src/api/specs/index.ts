import { z } from "zod";
import { ACCESS } from "../../accounts/access";
import { ApiSection } from "../openapi/route-spec";
import { aiSettingsApi } from "./ai-settings";
import { contactsApi } from "./contacts";
import { conversationsApi } from "./conversations";
import { eventsApi, eventsOutApi } from "./events";
import { flowsApi } from "./flows";
import { httpTestApi } from "./http-test";
import { keysApi } from "./keys";
import { inboxApi, outboxApi, pageApi, sandboxApi, simulatorApi, statusApi } from "./operations";
import { auditApi, authApi, peopleApi } from "./people";
import { opsApi, webhookApi, whatsappWebhookApi } from "./public";
import { secretsApi } from "./secrets";

export const docsApi = new ApiSection("", "operations");

export const docsSpec = docsApi.route({
  method: "get",
  path: "/openapi.json",
  access: ACCESS.signedIn,
  summary: "This document: the management API in OpenAPI 3.1",
  responses: {
    200: {
      description: "The OpenAPI document.",
      schema: z.looseObject({ openapi: z.string() }),
    },
  },
});

/** Every section of the document: the management API as mounted under `/api` (see `createApp`), the operations routes and the webhook. */
export const API_SECTIONS: readonly ApiSection[] = [
  authApi,
  peopleApi,
  auditApi,
  keysApi,
  flowsApi,
  contactsApi,
  conversationsApi,
  eventsApi,
  eventsOutApi,
  pageApi,
  secretsApi,
  aiSettingsApi,
  statusApi,
  outboxApi,
  inboxApi,
  simulatorApi,
  httpTestApi,
  sandboxApi,
  docsApi,
  opsApi,
  webhookApi,
  whatsappWebhookApi,
];

/** The API's version in the document: the runtime's release (CHANGELOG.md). */
export const API_VERSION = "0.2.0";
