import { z } from "zod";

/** Stats cover 1970 to the end of 9999: beyond, a Date cannot print the range back (RangeError). */
const LAST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A time in a query: ms since the epoch or an ISO 8601 date, 1970 to 9999; empty is absent. */
export const timeQuery = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === "") return undefined;
    const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (!Number.isFinite(ms) || ms < 0 || ms > LAST_MS) {
      ctx.addIssue({
        code: "custom",
        message: `"${value}" is not a date between 1970 and 9999 (ISO 8601 or ms).`,
      });
      return z.NEVER;
    }
    return ms;
  })
  .meta({ description: "Milliseconds since the epoch, or an ISO 8601 date." });

/** A positive whole number in a query, at most `max` (larger asks get `max`); empty is absent. */
export const wholeQuery = (max: number, description: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return undefined;
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n < 1) {
        ctx.addIssue({ code: "custom", message: `"${value}" is not a positive whole number.` });
        return z.NEVER;
      }
      return Math.min(n, max);
    })
    .meta({ description });

/** `1` or `true` is yes; anything else (or nothing) is no. */
export const flagQuery = (description: string) =>
  z
    .string()
    .optional()
    .transform((value) => value === "1" || value === "true")
    .meta({ description });

/** A text filter in a query; empty is absent. */
export const textQuery = (description: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .meta({ description });
