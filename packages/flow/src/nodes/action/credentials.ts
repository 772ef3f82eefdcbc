/**
 * Credentials typed in clear into an HTTP step (or a variable it reads), found by the name they
 * sit under (`X-Shop-Key`, `?sig=`, `"password":`) and by their own shape (`sk_live_…`, a JWT,
 * `user:pass@` in a URL). The lint offers to move each into `{{secrets.NAME}}`; exports and the
 * runtime's stored requests empty them.
 */

/** Where a text sits in a step, which says how to read it. */
export type CredentialField =
  | { kind: "url" }
  | { kind: "header"; name: string }
  | { kind: "body"; contentType?: string | undefined }
  /** A set-variable step's value: the variable's name says what it holds. */
  | { kind: "variable"; name: string };

/** A credential's place in a text, and the secret name it would be stored under. */
export interface Credential {
  start: number;
  end: number;
  /** `SHOP_KEY`, `STRIPE_KEY`: upper snake case, as `CONVO_SECRET_<NAME>` reads it. */
  secret: string;
}

/** Name words that always mean a credential. */
const STRONG = new Set([
  "auth",
  "authorization",
  "token",
  "secret",
  "password",
  "passwd",
  "pass",
  "pwd",
  "passphrase",
  "apikey",
  "cookie",
  "credential",
  "credentials",
  "signature",
  "sig",
  "jwt",
  "bearer",
  "hmac",
]);
/** Name words that mean one when the value looks random (`sort_key=name` is not a key). */
const WEAK = new Set(["key", "access", "session", "sid", "private"]);

/** Shapes of well-known credentials, whatever they are called. */
const SHAPES: readonly [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, "PRIVATE_KEY"],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, "TOKEN"],
  [/\b[sr]k_(?:live|test)_[A-Za-z0-9]{8,}/g, "STRIPE_KEY"],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}|\bgithub_pat_[A-Za-z0-9_]{20,}/g, "GITHUB_TOKEN"],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/g, "SLACK_TOKEN"],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, "AWS_ACCESS_KEY"],
  [/\bAIza[0-9A-Za-z_-]{30,}/g, "GOOGLE_API_KEY"],
  [/\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g, "API_KEY"],
  [/\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{20,}/g, "SHOPIFY_TOKEN"],
  [/\bEAA[A-Za-z0-9]{30,}/g, "META_TOKEN"],
  [/\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g, "SENDGRID_KEY"],
  [/\b\d{8,10}:[A-Za-z0-9_-]{35}\b/g, "BOT_TOKEN"],
];

/**
 * Every shape above has a run of 8 such characters (or a key block) outside a template: texts
 * without one are skipped without running them (lint runs on every edit).
 */
function mayHaveShape(text: string): boolean {
  const scan = /\{\{[^{}]*\}\}|([A-Za-z0-9_-]{8}|-----BEGIN)/g;
  for (let m = scan.exec(text); m; m = scan.exec(text)) if (m[1] !== undefined) return true;
  return false;
}
/** A long run that mixes cases and digits is random, not a word or an id. */
const LONG_RUN = /[A-Za-z0-9_-]{32,}/g;

function mixesCaseAndDigits(run: string): boolean {
  return /[a-z]/.test(run) && /[A-Z]/.test(run) && /\d/.test(run);
}

/** `Bearer`, `Basic`… stay in the header: the credential is what follows. */
const SCHEME = /^(?:Bearer|Basic|Token|Bot|Digest|ApiKey|Key)\s+/i;

function words(name: string): string[] {
  const split = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  // `api_key`, `access-token`, `client_secret` read as one word.
  const out = [...split];
  for (let i = 0; i + 1 < split.length; i++) out.push(`${split[i]}${split[i + 1]}`);
  return out;
}

/** Digits and letters, or long, or mixed case: not a plain word like `name` or `asc`. */
function looksRandom(value: string): boolean {
  if (/\s/.test(value) || value.length < 6) return false;
  return /\d/.test(value) && /[A-Za-z]/.test(value)
    ? true
    : value.length >= 16 || (/[a-z]/.test(value) && /[A-Z]/.test(value) && value.length >= 10);
}

/** What a name says, by its words: lint reads the same few names on every edit, so it is kept. */
const NAME_KINDS = new Map<string, "strong" | "weak" | "none">();

function nameKind(name: string): "strong" | "weak" | "none" {
  let kind = NAME_KINDS.get(name);
  if (kind !== undefined) return kind;
  const found = words(name);
  kind = found.some((w) => STRONG.has(w) || w.endsWith("apikey") || w.endsWith("secret"))
    ? "strong"
    : found.some((w) => WEAK.has(w))
      ? "weak"
      : "none";
  if (NAME_KINDS.size >= 1_000) NAME_KINDS.clear();
  NAME_KINDS.set(name, kind);
  return kind;
}

/** Whether a value under `name` (a header, a query or body key, a variable) is a credential. */
export function isCredentialName(name: string, value: string): boolean {
  if (value.trim() === "" || /^access-control-/i.test(name)) return false;
  const kind = nameKind(name);
  return kind === "strong" || (kind === "weak" && looksRandom(value));
}

/** `X-Shop-Key` → `SHOP_KEY`; `Authorization` → `AUTHORIZATION`. */
export function secretName(name: string): string {
  const parts = name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((p) => p !== "" && p !== "X");
  const joined = parts.join("_").replace(/^(\d)/, "_$1");
  return joined === "" ? "TOKEN" : joined.slice(0, 60);
}

/** Spans of `{{…}}` references: a template is not a credential typed in clear. */
function templateSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/\{\{[^{}]*\}\}/g)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * A credential candidate at [start, end), trimmed to the part outside templates: `Bearer
 * {{token}}` holds none, `abc{{x}}` is not a credential typed in clear either.
 */
function candidate(
  text: string,
  start: number,
  end: number,
  secret: string,
  templates: readonly [number, number][],
): Credential | undefined {
  if (end <= start) return undefined;
  if (templates.some(([a, b]) => a < end && b > start)) return undefined;
  if (text.slice(start, end).trim() === "") return undefined;
  return { start, end, secret };
}

/** `name=value` pairs of a query or a form body, with the offsets of their values. */
function pairs(text: string, from: number): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const re = /([^=&#?]*)=([^&#]*)/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = decodeSafely(m[1] as string);
    const start = m.index + (m[1] as string).length + 1;
    out.push({ name, start, end: start + (m[2] as string).length });
    if (m[0] === "") re.lastIndex++;
  }
  return out;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/** Every credential typed in clear into `text`, in order, without overlaps. */
export function findCredentials(field: CredentialField, text: string): Credential[] {
  if (text.trim() === "") return [];
  let spans: [number, number][] | undefined;
  const templates = () => {
    spans ??= templateSpans(text);
    return spans;
  };
  const found: Credential[] = [];
  const add = (c: Credential | undefined) => {
    if (c) found.push(c);
  };
  switch (field.kind) {
    case "header":
    case "variable": {
      const kind = nameKind(field.name);
      if (kind !== "none" && isCredentialName(field.name, text.replace(SCHEME, ""))) {
        const skip = field.kind === "header" ? (SCHEME.exec(text)?.[0].length ?? 0) : 0;
        add(candidate(text, skip, text.length, secretName(field.name), templates()));
      }
      break;
    }
    case "url": {
      const userinfo = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#@]*)@/.exec(text);
      if (userinfo?.[1]) {
        const start = text.indexOf("//") + 2;
        const colon = userinfo[1].indexOf(":");
        if (colon !== -1) {
          add(
            candidate(text, start + colon + 1, start + userinfo[1].length, "PASSWORD", templates()),
          );
        } else if (looksRandom(userinfo[1])) {
          add(candidate(text, start, start + userinfo[1].length, "TOKEN", templates()));
        }
      }
      const query = text.indexOf("?");
      if (query !== -1) {
        for (const p of pairs(text, query + 1)) {
          if (isCredentialName(p.name, decodeSafely(text.slice(p.start, p.end)))) {
            add(candidate(text, p.start, p.end, secretName(p.name), templates()));
          }
        }
      }
      break;
    }
    case "body": {
      for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) {
        const name = m[1] as string;
        const value = m[2] as string;
        if (!isCredentialName(name, value)) continue;
        const start = m.index + m[0].length - 1 - value.length;
        add(candidate(text, start, start + value.length, secretName(name), templates()));
      }
      const form =
        /x-www-form-urlencoded/i.test(field.contentType ?? "") ||
        (field.contentType === undefined && /^[^\s{["<]*=/.test(text));
      if (form) {
        for (const p of pairs(text, 0)) {
          if (isCredentialName(p.name, decodeSafely(text.slice(p.start, p.end)))) {
            add(candidate(text, p.start, p.end, secretName(p.name), templates()));
          }
        }
      }
      break;
    }
  }
  if (mayHaveShape(text)) {
    for (const [shape, secret] of SHAPES) {
      for (const m of text.matchAll(shape)) {
        add(candidate(text, m.index, m.index + m[0].length, secret, templates()));
      }
    }
    for (const m of text.matchAll(LONG_RUN)) {
      if (mixesCaseAndDigits(m[0])) {
        add(candidate(text, m.index, m.index + m[0].length, "TOKEN", templates()));
      }
    }
  }
  if (found.length < 2) return found;
  // In order; a credential inside one already found (a key inside its header value) is dropped.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Credential[] = [];
  for (const c of found) {
    const last = kept.at(-1);
    if (last && c.start < last.end) continue;
    kept.push(c);
  }
  return kept;
}

/** `text` with each credential replaced by what `by` gives for it. */
export function replaceCredentials(
  text: string,
  credentials: readonly Credential[],
  by: (credential: Credential) => string,
): string {
  let out = text;
  for (const c of [...credentials].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, c.start) + by(c) + out.slice(c.end);
  }
  return out;
}

/** The request's headers' Content-Type, which says how to read the body. */
export function contentTypeOf(
  headers: readonly { name: string; value: string }[] | undefined,
): string | undefined {
  return headers?.find((h) => h.name.toLowerCase() === "content-type")?.value;
}

/**
 * A request (a step's, or one the runtime stored) with every credential typed in clear emptied:
 * what exports and stored copies hand out. `changed` lists the fields that lost something.
 */
export function redactRequest<
  R extends { url: string; headers?: { name: string; value: string }[]; body?: string },
>(request: R): { request: R; changed: string[] } {
  const changed: string[] = [];
  const empty = (field: CredentialField, text: string, at: string) => {
    const found = findCredentials(field, text);
    if (found.length === 0) return text;
    changed.push(at);
    return replaceCredentials(text, found, () => "");
  };
  const out: R = { ...request, url: empty({ kind: "url" }, request.url, "url") };
  if (request.headers) {
    out.headers = request.headers.map((h, i) => {
      const value = empty({ kind: "header", name: h.name }, h.value, `headers[${i}].value`);
      return value === h.value ? h : { ...h, value };
    });
  }
  if (request.body !== undefined) {
    out.body = empty(
      { kind: "body", contentType: contentTypeOf(request.headers) },
      request.body,
      "body",
    );
  }
  return changed.length === 0 ? { request, changed } : { request: out, changed };
}

/**
 * An HTTP step's "Test request" samples with every value that looks like a credential emptied,
 * read as a variable of that name holds it (`api_key`, or a value shaped like `sk_live_…`).
 */
export function redactSamples(samples: Readonly<Record<string, string>> | undefined): {
  samples: Record<string, string> | undefined;
  changed: string[];
} {
  if (samples === undefined) return { samples, changed: [] };
  const changed: string[] = [];
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(samples)) {
    const found = findCredentials({ kind: "variable", name: key.replace(/^.*\./, "") }, value);
    if (found.length > 0) changed.push(key);
    out[key] = found.length > 0 ? replaceCredentials(value, found, () => "") : value;
  }
  return { samples: changed.length === 0 ? { ...samples } : out, changed };
}
