import type { EngineErrorCode } from "@convo/flow";
import type { TranscriptEntry } from "../api/test-api";
import type { MessageKey, Translate } from "../i18n";

/** The codes the runtime notes its own lines with (its `SYSTEM_LINES`; a test keeps them equal). */
export type SystemLineCode =
  | "taken"
  | "requested_passed"
  | "requested_kept"
  | "returned"
  | "handed_to_app"
  | "handed_to_person"
  | "flow_error"
  | "bot_resumed";

interface SystemPayload {
  line?: unknown;
  appId?: unknown;
  error?: unknown;
  nodeId?: unknown;
}

/** Why a flow stopped, by the engine's code. */
const FLOW_ERRORS: Record<EngineErrorCode, MessageKey> = {
  step_limit: "livechat.flowError.step_limit",
  unknown_flow: "livechat.flowError.unknown_flow",
  unknown_node: "livechat.flowError.unknown_node",
  payload_mismatch: "livechat.flowError.payload_mismatch",
  size_limit: "livechat.flowError.size_limit",
  internal: "livechat.flowError.internal",
};

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** Each line's words; an app Meta does not name gets a sentence without it. */
const LINES: Record<SystemLineCode, (p: SystemPayload, t: Translate) => string> = {
  taken: (p, t) =>
    text(p.appId) === null
      ? t("livechat.line.takenByOther")
      : t("livechat.line.taken", { app: String(p.appId) }),
  requested_passed: (p, t) => t("livechat.line.requestedPassed", { app: String(p.appId) }),
  requested_kept: (p, t) => t("livechat.line.requestedKept", { app: String(p.appId) }),
  returned: (p, t) =>
    text(p.appId) === null
      ? t("livechat.line.cameBack")
      : t("livechat.line.returned", { app: String(p.appId) }),
  handed_to_app: (p, t) => t("livechat.line.handedToApp", { app: String(p.appId) }),
  handed_to_person: (_, t) => t("livechat.line.handedToPerson"),
  bot_resumed: (_, t) => t("livechat.line.botResumed"),
  flow_error: (p, t) => {
    const code = text(p.error);
    const reason = t(
      code !== null && Object.hasOwn(FLOW_ERRORS, code)
        ? FLOW_ERRORS[code as EngineErrorCode]
        : "livechat.flowError.internal",
    );
    const step = text(p.nodeId);
    return step === null
      ? t("livechat.line.flowError", { reason })
      : t("livechat.line.flowErrorAt", { reason, step });
  },
};

/**
 * A line the runtime wrote by itself (a thread taken or given back, a hand-over, a flow that
 * stopped), in the reader's language from its code; a line without a known code (older rows,
 * a newer runtime) keeps the runtime's English.
 */
export function systemLineText(m: TranscriptEntry, t: Translate): string | null {
  const payload = (m.payload ?? {}) as SystemPayload;
  const code = text(payload.line);
  if (m.author !== "system" || code === null || !Object.hasOwn(LINES, code)) return m.text ?? null;
  return LINES[code as SystemLineCode](payload, t);
}
