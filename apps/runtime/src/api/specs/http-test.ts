import { httpStepSchema } from "@convo/flow";
import { z } from "zod";
import { ACCESS } from "../../accounts/access";
import { ApiSection } from "../openapi/route-spec";
import { ErrorBody, HttpTestOutcome } from "../schemas";

export const httpTestApi = new ApiSection("/http-test", "simulator");

export const httpTestBody = z.strictObject({
  /** The HTTP step as drawn; its `samples` fill the variables it uses. */
  step: httpStepSchema,
});

export const httpTestSpecs = {
  run: httpTestApi.route({
    method: "post",
    path: "/",
    access: ACCESS.flowsWrite,
    summary:
      "Try an HTTP step with its sample values, through the live step's rules (http(s) only, no private addresses unless allowed, time-out, 1 MB); secrets are filled here and masked in the answer",
    body: httpTestBody,
    responses: {
      200: { description: "What the call answered, or why it failed.", schema: HttpTestOutcome },
      400: { description: "The step is not valid.", schema: ErrorBody },
    },
  }),
};
