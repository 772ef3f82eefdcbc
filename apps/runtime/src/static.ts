import type { Context, Hono } from "hono";
import type { BuiltFile, EditorBuild, Encoding } from "./editor-build";
import { errorJson } from "./error-json";

/** Paths that belong to the server, never to the editor, even when nothing there answers. */
function isServerPath(path: string): boolean {
  return (
    path === "/api" ||
    path.startsWith("/api/") ||
    path.startsWith("/webhooks/") ||
    path.startsWith("/__graph")
  );
}

/**
 * The encoding to answer with, from `Accept-Encoding` (RFC 9110 §12.5.3): the acceptable one with
 * the highest weight among those the file has, brotli first on a tie; none when neither is.
 */
export function chooseEncoding(
  header: string | undefined,
  available: Partial<Record<Encoding, unknown>>,
): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split("=");
      if (key === "q") q = Number(value);
    }
    if (name !== "" && Number.isFinite(q)) weights.set(name, q);
  }
  let best: Encoding | undefined;
  let bestQ = 0;
  for (const encoding of ["br", "gzip"] as const) {
    if (!available[encoding]) continue;
    const q = weights.get(encoding) ?? (encoding === "gzip" ? weights.get("x-gzip") : undefined);
    const weight = q ?? weights.get("*") ?? 0;
    if (weight > bestQ) {
      best = encoding;
      bestQ = weight;
    }
  }
  return best;
}

/** Whether `If-None-Match` names this file's content (weak comparison, as RFC 9110 §13.1.2 says). */
function notModified(header: string | undefined, file: BuiltFile): boolean {
  if (!header) return false;
  const tag = file.etag.slice(1, -1);
  return header.split(",").some((candidate) => {
    const t = candidate.trim().replace(/^W\//, "").replace(/^"|"$/g, "");
    return t === "*" || t === tag || t === `${tag}-br` || t === `${tag}-gzip`;
  });
}

function answer(c: Context, file: BuiltFile): Response {
  const encoding = chooseEncoding(c.req.header("accept-encoding"), file.encoded);
  const headers: Record<string, string> = {
    "Content-Type": file.type,
    "Cache-Control": file.cacheControl,
    // Each encoding is its own representation, so each has its own tag (RFC 9110 §8.8.3.3).
    ETag: encoding ? `"${file.etag.slice(1, -1)}-${encoding}"` : file.etag,
    "X-Content-Type-Options": "nosniff",
  };
  if (file.varies) headers.Vary = "Accept-Encoding";
  if (notModified(c.req.header("if-none-match"), file)) return c.body(null, 304, headers);
  if (encoding) headers["Content-Encoding"] = encoding;
  return c.body(
    encoding ? (file.encoded[encoding] as BuiltFile["identity"]) : file.identity,
    200,
    headers,
  );
}

/** `%ff`, a lone `%` or an overlong `%c0%ae` are not a path: undefined rather than a URIError. */
function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/**
 * Serves the editor's build at `/` from memory (see `loadEditorBuild`): its files by their path,
 * and `index.html` for any other GET without a file extension that is not the server's (the
 * editor's own routes, which the browser resolves). Paths are looked up, never joined to a folder,
 * so no address reaches a file outside the build.
 */
export function serveEditor(app: Hono, build: EditorBuild): void {
  app.get("*", async (c, next) => {
    const path = c.req.path;
    if (isServerPath(path)) return next();
    const decoded = decodePath(path);
    if (decoded === undefined) {
      return c.json(
        errorJson("invalid_path", "The address is not valid percent-encoded UTF-8."),
        400,
      );
    }
    const file = build.files.get(decoded === "/" ? "/index.html" : decoded);
    if (file) return answer(c, file);
    // A missing file (an old asset, a typo) is a 404; an address without an extension is a page.
    if (/\.[^/]*$/.test(decoded)) return next();
    return answer(c, build.index);
  });
}
