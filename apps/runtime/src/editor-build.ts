import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};
/** Worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = new Set([
  ".html",
  ".js",
  ".mjs",
  ".css",
  ".json",
  ".webmanifest",
  ".svg",
  ".map",
  ".txt",
]);

/**
 * Brotli's quality 6 is the knee for the editor's bundles: quality 11 saves another 7 % but costs
 * about 5 s of CPU at every start; 6 costs a tenth of a second on the thread pool.
 */
const BROTLI_QUALITY = 6;

export type Encoding = "br" | "gzip";
/** Bytes as Hono sends them. Node's buffers here are never shared, so the narrower type holds. */
type Body = Uint8Array<ArrayBuffer>;

/** One file of the build, in every encoding worth having, with its validator. */
export interface BuiltFile {
  type: string;
  /** Quoted strong validator of the content (the same for every encoding's own tag below). */
  etag: string;
  /** `Cache-Control`: a year for hashed assets, revalidate for the rest. */
  cacheControl: string;
  identity: Body;
  /** Only the encodings that came out smaller than the file itself. */
  encoded: Partial<Record<Encoding, Body>>;
  /** Whether a response depends on `Accept-Encoding`. */
  varies: boolean;
}

/** The editor's build in memory: files by URL path (`/assets/index-3f2a.js`), and `index.html`. */
export interface EditorBuild {
  files: ReadonlyMap<string, BuiltFile>;
  /** Answered for editor routes (the browser routes them): never cached without revalidation. */
  index: BuiltFile;
  /** Total bytes held, every encoding counted. */
  bytes: number;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

async function loadFile(root: string, path: string): Promise<[string, BuiltFile]> {
  const urlPath = `/${relative(root, path).split(sep).join("/")}`;
  const ext = extname(path).toLowerCase();
  const identity = readFileSync(path) as Body;
  const hash = createHash("sha256").update(identity).digest("base64url").slice(0, 22);
  const compressible = COMPRESSIBLE.has(ext);
  const encoded: Partial<Record<Encoding, Body>> = {};
  if (compressible) {
    const [br, gz] = await Promise.all([
      brotli(identity, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: identity.byteLength,
        },
      }),
      gzipAsync(identity, { level: 9 }),
    ]);
    if (br.byteLength < identity.byteLength) encoded.br = br as Body;
    if (gz.byteLength < identity.byteLength) encoded.gzip = gz as Body;
  }
  // Vite names what it puts in assets/ after the content's hash: a new build is a new address.
  const hashed = urlPath.startsWith("/assets/");
  return [
    urlPath,
    {
      type: TYPES[ext] ?? "application/octet-stream",
      etag: `"${hash}"`,
      cacheControl: hashed ? "public, max-age=31536000, immutable" : "no-cache",
      identity,
      encoded,
      varies: compressible,
    },
  ];
}

/**
 * Reads the editor's build once, at start, and compresses each text file with brotli and gzip on
 * libuv's thread pool, so no request ever reads the disk or compresses on the thread that steps
 * conversations. Undefined when the folder holds no `index.html` (the editor is not built).
 */
export async function loadEditorBuild(dist: string): Promise<EditorBuild | undefined> {
  if (!existsSync(join(dist, "index.html"))) return undefined;
  const files = new Map(await Promise.all(listFiles(dist).map((path) => loadFile(dist, path))));
  const index = files.get("/index.html") as BuiltFile;
  let bytes = 0;
  for (const file of files.values()) {
    bytes += file.identity.byteLength;
    for (const body of Object.values(file.encoded)) bytes += body.byteLength;
  }
  return { files, index, bytes };
}
