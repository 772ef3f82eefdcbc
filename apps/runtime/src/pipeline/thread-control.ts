import type { Session } from "@convo/engine";
import type { InboundEvent } from "@convo/messenger";
import type { NewTranscript } from "../store/contacts";
import type { SettingsStore } from "../store/settings";
import type { StepCommit } from "./step-commit";
import { systemLine } from "./system-lines";

/**
 * What a handover-protocol event (`messaging_handovers`) says about who owns the thread:
 * - `returned`: our app owns it again (passed to us, or our own take): the bot resumes;
 * - `taken`: another app owns it now (the Page Inbox, a live-chat tool): the bot keeps quiet;
 * - `requested`: another app asks us for it; the Page's `threadRequests` setting answers.
 */
export type ThreadControl =
  | { kind: "returned"; from: string | null }
  | { kind: "taken"; by: string | null }
  | { kind: "requested"; by: string; metadata?: string };

/** How the Page answers another app's `request_thread_control`. */
export type ThreadRequestPolicy = "pass" | "when_idle";
export const DEFAULT_THREAD_REQUESTS: ThreadRequestPolicy = "when_idle";

/** Told to the app the thread is passed to, as `metadata`. */
export const PASSED_ON_REQUEST = "convo:passed_on_request";

/**
 * Reads a handover event. `ownAppId` is Convo's app (`MESSENGER_APP_ID`, or read from the Graph
 * API at start); unknown, a pass is taken as ours, since Meta sends `pass_thread_control` only to
 * the new owner, and a take as another app's, since Meta sends `take_thread_control` to the app
 * that lost the thread.
 */
export function readThreadControl(
  event: InboundEvent,
  ownAppId: string | undefined,
): ThreadControl | undefined {
  switch (event.kind) {
    case "pass_thread_control":
      return ownAppId === undefined || event.newOwnerAppId === ownAppId
        ? { kind: "returned", from: event.previousOwnerAppId }
        : { kind: "taken", by: event.newOwnerAppId };
    case "take_thread_control":
      return ownAppId !== undefined && event.newOwnerAppId === ownAppId
        ? { kind: "returned", from: event.previousOwnerAppId }
        : { kind: "taken", by: event.newOwnerAppId ?? null };
    case "request_thread_control":
      if (event.requestedOwnerAppId === ownAppId) return undefined;
      return {
        kind: "requested",
        by: event.requestedOwnerAppId,
        ...(event.metadata === undefined ? {} : { metadata: event.metadata }),
      };
    default:
      return undefined;
  }
}

/** The Page's answer to thread requests (`threadRequests` in the Page settings). */
export async function threadRequestPolicy(settings: SettingsStore): Promise<ThreadRequestPolicy> {
  const text = await settings.get("page");
  if (text === undefined) return DEFAULT_THREAD_REQUESTS;
  try {
    const value = (JSON.parse(text) as { threadRequests?: unknown }).threadRequests;
    return value === "pass" || value === "when_idle" ? value : DEFAULT_THREAD_REQUESTS;
  } catch {
    return DEFAULT_THREAD_REQUESTS;
  }
}

/**
 * Whether the bot is in the middle of something the contact would notice being cut: a question
 * waiting for its answer, an HTTP call or a delay. Waiting for a tap or for a person is idle.
 */
export function botBusy(session: Session | null): boolean {
  const kind = session?.waiting?.kind;
  return kind === "input" || kind === "http" || kind === "delay";
}

export interface RequestAnswer {
  passed: boolean;
  policy: ThreadRequestPolicy;
}

/**
 * Writes what a `taken` or `requested` thread event changes into the step: the contact paused
 * while another app owns the thread (for `pauseMs`, as after a person's reply: Meta gives an idle
 * thread back to the primary app), the pass on request queued, and the transcript line.
 */
export function applyThreadControl(
  commit: StepCommit,
  control: Exclude<ThreadControl, { kind: "returned" }>,
  policy: ThreadRequestPolicy,
  pauseMs: number,
): RequestAnswer | undefined {
  const { now } = commit;
  const pause = () => {
    commit.contact.paused = true;
    commit.contact.pausedUntil = now + pauseMs;
  };
  if (control.kind === "taken") {
    pause();
    const who = control.by === null ? "Another app" : `The app ${control.by}`;
    commit.transcript.push(
      systemLine(`${who} took the conversation`, now, {
        line: "taken",
        thread: "taken",
        appId: control.by,
      }),
    );
    return undefined;
  }
  const passed = policy === "pass" || !botBusy(commit.session);
  if (passed) {
    pause();
    commit.outbox.push({ kind: "pass_thread", appId: control.by, metadata: PASSED_ON_REQUEST });
  }
  commit.transcript.push(
    systemLine(
      passed
        ? `The app ${control.by} asked for the conversation: passed to it`
        : `The app ${control.by} asked for the conversation: kept, the bot is waiting for an answer`,
      now,
      {
        line: passed ? "requested_passed" : "requested_kept",
        thread: "requested",
        appId: control.by,
        passed,
        policy,
      },
    ),
  );
  return { passed, policy };
}

/** The transcript line of a thread given back to the bot. */
export function returnedLine(from: string | null, at: number): NewTranscript {
  const text =
    from === null
      ? "The conversation came back to the bot"
      : `The app ${from} gave the conversation back to the bot`;
  return systemLine(text, at, { line: "returned", thread: "returned", appId: from });
}
