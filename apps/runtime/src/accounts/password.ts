import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/**
 * Passwords are hashed with Node's own `crypto.scrypt`, not argon2id: scrypt is memory-hard too,
 * and being in Node it needs no native module to build (the runtime already carries one, SQLite's;
 * a second would be one more thing to break on an install, an Alpine image or a new Node). The
 * parameters are OWASP's for scrypt: N = 2^15, r = 8, p = 1, 32 MiB a hash, some 50–100 ms on one
 * core, on libuv's thread pool so requests keep being served. Each hash carries its parameters,
 * so raising them later leaves older hashes verifiable.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** 128 · N · r bytes are needed; Node's default cap (32 MiB) is exactly that, so give room. */
const maxmemOf = (p: { N: number; r: number }) => 256 * p.N * p.r;

function derive(password: string, salt: Buffer, params: ScryptOptions, length: number) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, length, params, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N=32768,r=8,p=1$<salt>$<hash>` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, { ...PARAMS, maxmem: maxmemOf(PARAMS) }, KEY_BYTES);
  const params = `N=${PARAMS.N},r=${PARAMS.r},p=${PARAMS.p}`;
  return `scrypt$${params}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

const ENCODED = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** Whether `password` matches the encoded hash; compared in constant time. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const m = ENCODED.exec(encoded);
  if (!m) return false;
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  // Only sane parameters: a stored hash must not make a sign-in allocate gigabytes.
  if (params.N > 2 ** 20 || params.r > 32 || params.p > 16) return false;
  const expected = Buffer.from(m[5] as string, "base64url");
  if (expected.length < 16) return false;
  const key = await derive(
    password,
    Buffer.from(m[4] as string, "base64url"),
    { ...params, maxmem: maxmemOf(params) },
    expected.length,
  );
  return timingSafeEqual(key, expected);
}

/**
 * A hash no password matches, verified when the e-mail address is unknown so that a sign-in takes
 * as long for an address that has no account as for one that has.
 */
let decoy: Promise<string> | undefined;
export const decoyHash = () => {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  return decoy;
};
