import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/** What a sealed value starts with: the format's version (a new key scheme would be `v2:`). */
const PREFIX = "v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Secrets at rest: AES-256-GCM with a random 96-bit nonce per value. The context (`secret:NAME`,
 * `webhook:we_…`) is authenticated with it, so a sealed value copied onto another name does not
 * open. Sealed text is `v1:` + base64url(nonce | tag | ciphertext).
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error("A secrets key is 32 bytes.");
    this.#key = key;
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
  }

  /** The plaintext; throws when the value was sealed with another key or for another context. */
  open(sealed: string, context: string): string {
    if (!SecretBox.isSealed(sealed)) throw new Error("Not a sealed value.");
    const raw = Buffer.from(sealed.slice(PREFIX.length), "base64url");
    if (raw.length < IV_BYTES + TAG_BYTES) throw new Error("A sealed value is too short.");
    const decipher = createDecipheriv("aes-256-gcm", this.#key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  }

  /**
   * Names the key without revealing it (an HMAC of a fixed text), kept in the database so a
   * runtime started with another key refuses to start instead of failing on every secret.
   */
  fingerprint(): string {
    return createHmac("sha256", this.#key).update("convo secrets key check").digest("base64url");
  }

  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }
}

/** A 32-byte key written as 64 hex digits or as base64 (either alphabet); else undefined. */
export function parseKey32(text: string): Buffer | undefined {
  const raw = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, "hex");
  if (!/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(raw)) return undefined;
  const key = Buffer.from(raw, "base64");
  return key.length === 32 ? key : undefined;
}
