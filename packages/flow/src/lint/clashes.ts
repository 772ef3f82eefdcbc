import type { FlowProblem } from "../problems";
import { FLOW_CHANNELS, type Flow, type FlowChannel } from "../schema";
import { foldKeyword } from "./fold";

/** What a trigger answers; two live flows answering the same thing on one channel clash. */
export type ClaimKind =
  | "keyword"
  | "ref"
  | "ref_prefix"
  | "payload"
  | "get_started"
  | "event"
  | "intent"
  | "intent_example"
  | "default";

/** One thing a flow's start step answers: a keyword, a link ref, a payload, an event, the default. */
export interface TriggerClaim {
  kind: ClaimKind;
  /** What is compared: the folded keyword, the ref, the payload… (Get Started is its payload). */
  key: string;
  /** As the marketer typed it, for the message. */
  shown: string;
  /** JSON path of the keyword, ref or trigger. */
  path: string;
  nodeId: string;
}

/** A clash, as a problem of one of the two flows; the other one is named. */
export interface ClashProblem extends FlowProblem {
  /** The flow the problem is on. */
  flowId: string;
  /** The flow that answers the same thing. */
  otherFlowId: string;
}

/** The payload Messenger's Get Started button sends (the engine's `GET_STARTED_PAYLOAD`). */
const GET_STARTED = "GET_STARTED";

const CHANNEL_NAMES: Record<FlowChannel, string> = {
  messenger: "Messenger",
  instagram: "Instagram",
  whatsapp: "WhatsApp",
};

/** Everything the flow's start steps answer. Comments and empty keywords claim nothing. */
export function triggerClaims(flow: Flow): TriggerClaim[] {
  const claims: TriggerClaim[] = [];
  flow.nodes.forEach((node, i) => {
    if (node.type !== "trigger") return;
    node.data.triggers.forEach((trigger, j) => {
      const at = `nodes[${i}].data.triggers[${j}]`;
      const claim = (kind: ClaimKind, key: string, shown: string, path = at) => {
        if (key !== "") claims.push({ kind, key, shown, path, nodeId: node.id });
      };
      switch (trigger.kind) {
        case "keyword":
          trigger.keywords.forEach((k, n) => {
            claim("keyword", foldKeyword(k), k.trim(), `${at}.keywords[${n}]`);
          });
          // Any language's keywords start the flow, so they claim as much.
          for (const [language, fields] of Object.entries(trigger.translations ?? {})) {
            fields.keywords?.forEach((k, n) => {
              const path = `${at}.translations.${language}.keywords[${n}]`;
              claim("keyword", foldKeyword(k), k.trim(), path);
            });
          }
          break;
        case "ref":
          claim(trigger.externalId ? "ref_prefix" : "ref", trigger.ref, trigger.ref, `${at}.ref`);
          break;
        case "postback":
          claim(
            trigger.payload === GET_STARTED ? "get_started" : "payload",
            trigger.payload,
            trigger.payload,
            `${at}.payload`,
          );
          break;
        case "get_started":
          claim("get_started", GET_STARTED, "Get Started");
          break;
        case "event":
          claim("event", trigger.event, trigger.event, `${at}.event`);
          break;
        case "intent":
          // The model cannot tell two flows' intents apart by name or by a shared example.
          claim("intent", foldKeyword(trigger.name), trigger.name.trim(), `${at}.name`);
          trigger.examples.forEach((example, n) => {
            claim("intent_example", foldKeyword(example), example.trim(), `${at}.examples[${n}]`);
          });
          break;
        case "default":
          claim("default", "default", "default reply");
          break;
        case "comment":
          // A comment goes to the first matching comment trigger; posts make overlaps rare and wanted.
          break;
      }
    });
  });
  return claims;
}

const MESSAGES: Record<ClaimKind, { code: string; text: (key: string, other: string) => string }> =
  {
    keyword: {
      code: "clash-keyword",
      text: (key, other) =>
        `The keyword "${key}" is also a keyword of the flow ${other}: a customer who types it gets only one of the two flows.`,
    },
    ref: {
      code: "clash-ref",
      text: (key, other) =>
        `The link ref "${key}" also starts the flow ${other}: a customer who opens the link gets only one of the two flows.`,
    },
    ref_prefix: {
      code: "clash-ref",
      text: (key, other) =>
        `The link ref "${key}" also starts the flow ${other}: a customer who opens the link gets only one of the two flows.`,
    },
    payload: {
      code: "clash-payload",
      text: (key, other) =>
        `The payload "${key}" also starts the flow ${other}: a customer who taps it gets only one of the two flows.`,
    },
    get_started: {
      code: "clash-get-started",
      text: (_key, other) =>
        `The flow ${other} answers Get Started too: a new customer gets only one of the two flows.`,
    },
    event: {
      code: "clash-event",
      text: (key, other) =>
        `The event "${key}" also starts the flow ${other}: each event starts only one of the two flows.`,
    },
    intent: {
      code: "clash-intent",
      text: (key, other) =>
        `The intent "${key}" also starts the flow ${other}: a customer who means it gets only one of the two flows.`,
    },
    intent_example: {
      code: "clash-intent-example",
      text: (key, other) =>
        `The example "${key}" is also an example of an intent of the flow ${other}: a customer who says it gets only one of the two flows.`,
    },
    default: {
      code: "clash-default",
      text: (_key, other) =>
        `The flow ${other} is the default reply already: only one flow can answer what nothing else matches.`,
    },
  };

/** A ref prefix is compared with prefixes; Get Started with the postback that sends its payload. */
const claimSpace = (c: TriggerClaim) =>
  c.kind === "ref_prefix" ? "ref_prefix" : c.kind === "get_started" ? "payload" : c.kind;

/**
 * Clashes between flows that are live together: two of them claiming the same keyword (after
 * case and accent folding), link ref, payload (Get Started included), event name, intent name
 * or intent example phrase on a channel
 * they share, or both being the default reply. Each clash is an error on both flows, naming the
 * other. Pure: the runtime passes the flows it publishes, `convo validate` the files it is given.
 *
 * @example lintClashes([myOrders, orderTracking]) // "colis" in both: one error on each
 */
export function lintClashes(flows: readonly Flow[]): ClashProblem[] {
  const byKey = new Map<string, { flow: number; claim: TriggerClaim }[]>();
  flows.forEach((flow, f) => {
    for (const claim of triggerClaims(flow)) {
      const key = `${claimSpace(claim)}\u0000${claim.key}`;
      const list = byKey.get(key);
      if (list) list.push({ flow: f, claim });
      else byKey.set(key, [{ flow: f, claim }]);
    }
  });
  const problems: ClashProblem[] = [];
  const reported = new Set<string>();
  for (const list of byKey.values()) {
    for (const a of list) {
      for (const b of list) {
        const flow = flows[a.flow] as Flow;
        const other = flows[b.flow] as Flow;
        if (flow.id === other.id) continue;
        const channels = sharedChannels(flow, other);
        if (channels.length === 0) continue;
        const once = `${flow.id}\u0000${other.id}\u0000${a.claim.kind}\u0000${a.claim.key}`;
        if (reported.has(once)) continue;
        reported.add(once);
        problems.push(clashProblem(flow, a.claim, other, channels));
      }
    }
  }
  return problems;
}

/** The clashes of `flow` with flows already live (`others`; `flow`'s own earlier version is skipped). */
export function clashesWith(flow: Flow, others: readonly Flow[]): ClashProblem[] {
  return lintClashes([flow, ...others.filter((o) => o.id !== flow.id)]).filter(
    (p) => p.flowId === flow.id,
  );
}

function clashProblem(
  flow: Flow,
  claim: TriggerClaim,
  other: Flow,
  channels: readonly FlowChannel[],
): ClashProblem {
  const { code, text } = MESSAGES[claim.kind];
  const named = `"${other.name}" (${other.id})`;
  const problem: ClashProblem = {
    code,
    severity: "error",
    message: text(claim.shown, named),
    path: claim.path,
    nodeId: claim.nodeId,
    flowId: flow.id,
    otherFlowId: other.id,
    params: { key: claim.shown, other: other.name, otherId: other.id },
  };
  if (channels.length < FLOW_CHANNELS.length) {
    const names = channels.map((c) => CHANNEL_NAMES[c]).join(", ");
    problem.message = `${names}: ${problem.message}`;
    problem.params = { ...problem.params, channels: names };
  }
  return problem;
}

function sharedChannels(a: Flow, b: Flow): FlowChannel[] {
  const mine = a.channels ?? FLOW_CHANNELS;
  const theirs = new Set(b.channels ?? FLOW_CHANNELS);
  return mine.filter((c) => theirs.has(c));
}
