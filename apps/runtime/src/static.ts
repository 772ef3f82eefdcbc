import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { Hono } from "hono";
import { errorJson } from "./error-json";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves the editor's build at `/`: files as they are, and `index.html` for any other GET that is
 * not the API or the webhook (the editor routes in the browser).
 */
export function serveEditor(app: Hono, dist: string): void {
  const root = normalize(dist);
  const index = join(root, "index.html");
  app.get("*", async (c, next) => {
    const path = c.req.path;
    if (
      path.startsWith("/api/") ||
      path === "/api" ||
      path.startsWith("/webhooks/") ||
      path.startsWith("/__graph")
    ) {
      return next();
    }
    if (!existsSync(index)) return next();
    const decoded = decodePath(path);
    if (decoded === undefined) {
      return c.json(
        errorJson("invalid_path", "The address is not valid percent-encoded UTF-8."),
        400,
      );
    }
    const file = normalize(join(root, decoded));
    if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) {
      const immutable = file.includes(`${sep}assets${sep}`);
      return c.body(readFileSync(file), 200, {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      });
    }
    if (extname(path) !== "") return next();
    return c.body(readFileSync(index), 200, {
      "Content-Type": TYPES[".html"] as string,
      "Cache-Control": "no-cache",
    });
  });
}

/** `%ff`, a lone `%` or an overlong `%c0%ae` are not a path: undefined rather than a URIError. */
function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
