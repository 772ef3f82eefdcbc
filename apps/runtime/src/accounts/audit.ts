import type { Context } from "hono";
import { clientAddress, type TrustedProxies } from "../client-address";
import type { Deps } from "../deps";
import type { Caller } from "../keys/api-keys";
import type { AuditActor } from "../store/audit";
import type { AuditAction } from "../store/audit-actions";
import { callerOf } from "./caller";

/** The actor an audit entry names for a caller. */
export function actorOf(caller: Caller | undefined): AuditActor {
  if (!caller) return { id: "anonymous", name: "anonymous", kind: "anonymous" };
  if (caller.kind === "owner") return { id: "admin", name: "admin token", kind: "token" };
  if (caller.kind === "key") return { id: caller.id, name: caller.name, kind: "key" };
  return { id: caller.person.id, name: caller.person.name, kind: "person" };
}

/** Who a published version says published it: a person's name, a key's, `admin` for the token. */
export function publisherName(caller: Caller | undefined): string {
  return !caller || caller.kind === "owner" ? "admin" : actorOf(caller).name;
}

/**
 * The address the request came from: the TCP peer, or, when that peer is one of the trusted
 * proxies (`CONVO_TRUSTED_PROXIES`), the client its `X-Forwarded-For` names.
 */
export function addressOf(c: Context, trusted: TrustedProxies): string | null {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return clientAddress(
    incoming?.socket?.remoteAddress ?? null,
    c.req.header("x-forwarded-for"),
    trusted,
  );
}

/**
 * Appends to the audit log what the request's caller did (or `actor`, when the request signs
 * someone in). An entry that cannot be written is logged, and the request still succeeds: the
 * change it records is already made.
 */
export async function audit(
  deps: Deps,
  c: Context,
  action: AuditAction,
  target: string | null,
  detail: Record<string, unknown> = {},
  actor: AuditActor = actorOf(callerOf(c)),
): Promise<void> {
  try {
    await deps.store.audit.append({
      at: deps.now(),
      actor,
      action,
      target,
      detail,
      ip: addressOf(c, deps.config.trustedProxies),
    });
  } catch (error) {
    deps.log.error("could not write to the audit log", { error, action });
  }
}
