import type { Trigger } from "@convo/flow";
import { indexFlow } from "../flow-index";
import { capText, ENGINE_LIMITS } from "../limits";
import { foldWords } from "../text";
import type { EngineEvent, FlowRef } from "../types";

/** The payload Messenger's Get Started button sends (the runtime sets it when it sets up the Page). */
export const GET_STARTED_PAYLOAD = "GET_STARTED";

export interface TriggerMatch {
  flowId: string;
  /** The trigger node to enter. */
  nodeId: string;
  version: number;
  /** Which kind of trigger matched, for logs and the simulator. */
  trigger: Trigger["kind"];
  /** A ref trigger with `externalId` matched: the rest of the ref after its prefix. */
  externalId?: string;
  /** A comment trigger with a public reply matched: its text, not yet templated. */
  publicReply?: string;
}

export interface MatchOptions {
  /** Fall back to a `default` trigger when nothing else matched (default true). */
  withDefault?: boolean;
}

/** The text, payload and ref of an event, as trigger matching sees them. */
function eventKeys(
  event: EngineEvent,
): { text?: string; payload?: string; ref?: string } | undefined {
  switch (event.type) {
    case "message":
      return { text: event.text };
    case "quick_reply":
      return { text: event.text, payload: event.payload };
    case "postback":
      return { payload: event.payload, ref: event.ref };
    case "referral":
      return { ref: event.ref };
    default:
      // Timers, HTTP results and the rest are the host's, not the contact's: they start nothing.
      return undefined;
  }
}

/** A keyword rule's keywords in every language the flow speaks: any of them starts it. */
function keywordsOf(trigger: Extract<Trigger, { kind: "keyword" }>): readonly string[] {
  if (!trigger.translations) return trigger.keywords;
  const all = [...trigger.keywords];
  for (const fields of Object.values(trigger.translations)) all.push(...(fields.keywords ?? []));
  return all;
}

/** Ranks keyword rules so "exact" beats "starts_with" beats "contains" when several flows match. */
const KEYWORD_RANK = { exact: 0, starts_with: 1, contains: 2 } as const;

/**
 * Which flow an event starts, trying in order: an exact postback payload (`get_started` answers
 * `GET_STARTED`), then a `ref`, then keywords, then the default reply. A postback that carries a
 * ref (Get Started from an m.me link or an ad) tries the ref first. Keywords compare case- and
 * accent-insensitively, over words: "COLIS", "colis" and "côlis" all match "colis", and `contains`
 * needs whole words ("order" matches "my order?" but not "border"). Among flows, the first in
 * `flows` wins at the same rule. Returns `undefined` when nothing matches.
 *
 * @example matchTrigger(flows, { type: "message", text: "Où est mon côlis ?" })
 */
export function matchTrigger(
  flows: readonly FlowRef[],
  event: EngineEvent,
  options: MatchOptions = {},
): TriggerMatch | undefined {
  if (event.type === "comment") return matchComment(flows, event);
  const keys = eventKeys(event);
  if (!keys) return undefined;
  const { text, payload, ref } = keys;

  const byRef = ref !== undefined && ref !== "" ? matchRef(flows, ref) : undefined;
  // A ref beside a payload only comes with Get Started opened from an m.me link or an ad: the
  // link's flow is the more specific answer, and Get Started's is the answer when it names none.
  if (byRef && payload !== undefined) return byRef;
  if (payload !== undefined) {
    const found = findTrigger(flows, (t) =>
      t.kind === "postback"
        ? t.payload === payload
        : t.kind === "get_started" && payload === GET_STARTED_PAYLOAD,
    );
    if (found) return found;
  }
  if (byRef) return byRef;
  if (text !== undefined) {
    const words = foldWords(capText(text, ENGINE_LIMITS.incomingText));
    if (words !== "") {
      let best: TriggerMatch | undefined;
      let bestRank = 3;
      findTrigger(flows, (t, match) => {
        if (t.kind !== "keyword" || KEYWORD_RANK[t.match] >= bestRank) return false;
        if (!keywordsOf(t).some((keyword) => keywordMatches(t.match, words, keyword))) return false;
        best = match;
        bestRank = KEYWORD_RANK[t.match];
        return bestRank === 0;
      });
      if (best) return best;
    }
  }
  if (options.withDefault === false) return undefined;
  return findTrigger(flows, (t) => t.kind === "default");
}

/**
 * The flow a comment starts: the first `comment` trigger on that post (or on every post) whose
 * keywords the comment contains (whole words, as `contains` keywords), or that has none. A
 * comment never reaches the keyword triggers or the default reply: those answer messages.
 */
function matchComment(
  flows: readonly FlowRef[],
  event: Extract<EngineEvent, { type: "comment" }>,
): TriggerMatch | undefined {
  const words = foldWords(capText(event.text, ENGINE_LIMITS.incomingText));
  return findTrigger(flows, (t, match) => {
    if (t.kind !== "comment") return false;
    if (t.posts && t.posts.length > 0 && !t.posts.includes(event.postId)) return false;
    const keywords = t.keywords.filter((k) => k.trim() !== "");
    const hit = keywords.length === 0 || keywords.some((k) => keywordMatches("contains", words, k));
    if (hit && t.publicReply?.trim()) match.publicReply = t.publicReply;
    return hit;
  });
}

/**
 * The ref trigger a link's ref starts: an exact ref first, then a prefix that declares the rest
 * as the contact's external id (`order-` for `order-A12345`; the longest such prefix wins).
 */
function matchRef(flows: readonly FlowRef[], ref: string): TriggerMatch | undefined {
  const exact = findTrigger(flows, (t) => t.kind === "ref" && !t.externalId && t.ref === ref);
  if (exact) return exact;
  let best: TriggerMatch | undefined;
  let bestLength = 0;
  findTrigger(flows, (t, match) => {
    if (t.kind !== "ref" || !t.externalId || t.ref === "" || t.ref.length <= bestLength)
      return false;
    if (!ref.startsWith(t.ref) || ref.length === t.ref.length) return false;
    best = { ...match, externalId: ref.slice(t.ref.length) };
    bestLength = t.ref.length;
    return false;
  });
  return best;
}

/** The flow an event of this name starts: the first `event` trigger with that name. */
export function matchEvent(flows: readonly FlowRef[], name: string): TriggerMatch | undefined {
  return findTrigger(flows, (t) => t.kind === "event" && t.event === name);
}

/** The default reply alone. */
export function defaultReply(flows: readonly FlowRef[]): TriggerMatch | undefined {
  return findTrigger(flows, (t) => t.kind === "default");
}

/** Whether `words` (already folded) matches a keyword under a rule. */
export function keywordMatches(
  rule: "exact" | "contains" | "starts_with",
  words: string,
  keyword: string,
): boolean {
  const key = foldWords(keyword);
  if (key === "") return false;
  switch (rule) {
    case "exact":
      return words === key;
    case "starts_with":
      return words === key || words.startsWith(`${key} `);
    case "contains":
      return words === key || ` ${words} `.includes(` ${key} `);
  }
}

/**
 * The first trigger, in flow order then node order, that `test` accepts. `test` also receives the
 * match it would make, and stops the search by returning true.
 */
function findTrigger(
  flows: readonly FlowRef[],
  test: (trigger: Trigger, match: TriggerMatch) => boolean,
): TriggerMatch | undefined {
  for (const ref of flows) {
    if (ref.paused) continue;
    for (const node of indexFlow(ref.flow).triggers) {
      for (const trigger of node.data.triggers) {
        const match: TriggerMatch = {
          flowId: ref.flow.id,
          nodeId: node.id,
          version: ref.version,
          trigger: trigger.kind,
        };
        if (test(trigger, match)) return match;
      }
    }
  }
  return undefined;
}
