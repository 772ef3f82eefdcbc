import {
  contactLanguage,
  type Flow,
  type FlowNode,
  type KeptReference,
  localizeNode,
  renderTemplate,
  renderTemplateKeeping,
  type TemplateReference,
} from "@convo/flow";
import { indexFlow } from "./flow-index";
import { capText, ENGINE_LIMITS } from "./limits";
import { mix, mulberry32 } from "./random";

import type {
  Contact,
  EngineAction,
  EngineErrorCode,
  FlowRef,
  Session,
  StepContext,
  Waiting,
} from "./types";

/** Per flow and language, its nodes as localized so far (filled as contacts reach them). */
const LOCALIZED = new WeakMap<Flow, Map<string, Map<string, FlowNode>>>();

function localizedNodes(flow: Flow, language: string): Map<string, FlowNode> {
  let byLanguage = LOCALIZED.get(flow);
  if (!byLanguage) {
    byLanguage = new Map();
    LOCALIZED.set(flow, byLanguage);
  }
  let nodes = byLanguage.get(language);
  if (!nodes) {
    nodes = new Map();
    byLanguage.set(language, nodes);
  }
  return nodes;
}

/** Where the run goes next after a node. */
export type Next =
  | { kind: "go"; ref: FlowRef; nodeId: string }
  /** The node set `session.waiting`; the step is over. */
  | { kind: "wait" }
  /** The path ended: `end` action, idle session. */
  | { kind: "end" }
  /** Nothing to do for this event: the session stays as it was. */
  | { kind: "ignore" };

export const WAIT: Next = { kind: "wait" };
export const END: Next = { kind: "end" };
export const IGNORE: Next = { kind: "ignore" };

/**
 * The working state of one `step`: a copy of the session and of the contact's tags and fields
 * that the nodes update, and the actions emitted so far. Nothing here outlives the step.
 */
export class Run {
  readonly actions: EngineAction[] = [];
  readonly session: Session;
  readonly tags: Set<string>;
  readonly fields: Record<string, string>;
  readonly context: StepContext;
  readonly flows: readonly FlowRef[];
  visits = 0;
  /** The text the contact sent with this event (capped), for AI steps; empty when none. */
  incoming = "";
  private copiedVariables = new Set<string>();

  constructor(flow: Flow, session: Session, context: StepContext) {
    this.context = context;
    const flows: FlowRef[] = [{ flow, version: context.version }];
    for (const ref of context.flows ?? []) if (ref.flow.id !== flow.id) flows.push(ref);
    this.flows = flows;
    this.session = {
      v: 1,
      variables: { ...session.variables },
      variants: { ...session.variants },
      seq: session.seq,
    };
    if (session.waiting) this.session.waiting = session.waiting;
    this.tags = new Set(context.contact.tags);
    this.fields = { ...context.contact.fields };
  }

  /** The flow with this id, as the contact may enter it now. */
  flowRef(flowId: string): FlowRef | undefined {
    for (const ref of this.flows) if (ref.flow.id === flowId) return ref;
    return undefined;
  }

  /**
   * The node as this contact reads it: in the language they get in that flow (chosen, else their
   * locale's, else the flow's default), so templating and matching see the translated texts.
   */
  node(ref: FlowRef, nodeId: string): FlowNode | undefined {
    const { flow } = ref;
    const languages = flow.languages;
    if (languages === undefined || languages.length < 2) return indexFlow(flow).nodes.get(nodeId);
    const nodes = localizedNodes(flow, this.language(flow));
    let node = nodes.get(nodeId);
    if (node === undefined) {
      const raw = indexFlow(flow).nodes.get(nodeId);
      if (!raw) return undefined;
      node = localizeNode(raw, this.language(flow));
      nodes.set(nodeId, node);
    }
    return node;
  }

  /** The last answer of `language`: a step visits many nodes of one flow for one contact. */
  private spoken?: { flow: Flow; chosen?: string; locale?: string; language: string };

  /** The language this contact gets in `flow` now (a set-language step may just have changed it). */
  language(flow: Flow): string {
    const { language: chosen, locale } = this.fields;
    const last = this.spoken;
    if (last?.flow === flow && last.chosen === chosen && last.locale === locale)
      return last.language;
    const language = contactLanguage(flow, this.fields);
    this.spoken = { flow, chosen, locale, language };
    return language;
  }

  contactView(): Contact {
    return { fields: this.fields, tags: [...this.tags] };
  }

  emit(action: EngineAction): void {
    this.actions.push(action);
  }

  error(code: EngineErrorCode, message: string, nodeId?: string): void {
    this.actions.push(
      nodeId === undefined
        ? { type: "error", code, message }
        : { type: "error", code, message, nodeId },
    );
  }

  /** A fresh id for a request or a timer, unique within the session. */
  nextId(prefix: string): string {
    this.session.seq++;
    return `${prefix}${this.session.seq}`;
  }

  /** A draw in [0, 1) from the step's seed, the contact and the session counter. */
  random(): number {
    this.session.seq++;
    const contactKey = this.fields.id ?? this.fields.psid ?? "";
    let seed = mix(this.context.seed >>> 0, this.session.seq);
    for (let i = 0; i < contactKey.length; i++) seed = mix(seed, contactKey.charCodeAt(i));
    return mulberry32(seed);
  }

  variable(flow: Flow, name: string): string | undefined {
    const value = own(own(this.session.variables, flow.id), name);
    return value ?? indexFlow(flow).defaults.get(name);
  }

  setVariable(flowId: string, name: string, value: string): void {
    const variables = this.session.variables;
    if (!this.copiedVariables.has(flowId)) {
      variables[flowId] = { ...variables[flowId] };
      this.copiedVariables.add(flowId);
    }
    setOwn(
      variables[flowId] as Record<string, string>,
      name,
      capText(value, ENGINE_LIMITS.variableValue),
    );
  }

  deleteVariable(flowId: string, name: string): void {
    if (own(own(this.session.variables, flowId), name) === undefined) return;
    this.setVariable(flowId, name, "");
    delete (this.session.variables[flowId] as Record<string, string>)[name];
  }

  systemValue(key: string): string | undefined {
    const given = own(this.context.system, key);
    if (given !== undefined) return given;
    if (key === "now") return safeIso(this.context.now);
    if (key === "today") {
      // Messenger gives `timezone` as an offset in hours; the contact's "today" is theirs.
      const offset = Number(this.fields.timezone);
      const shift = Number.isFinite(offset) && Math.abs(offset) <= 14 ? offset * 3_600_000 : 0;
      return safeIso(this.context.now + shift).slice(0, 10);
    }
    return undefined;
  }

  /**
   * Renders a marketer's template for `flow`, in one pass (no value is templated again).
   * `{{secrets.*}}` stays as written: only the host knows secrets. `encode` transforms each
   * substituted value (URL or JSON escaping).
   */
  render(flow: Flow, text: string, encode?: (value: string, offset: number) => string): string {
    if (!text.includes("{{")) return text;
    this.renderFlow = flow;
    if (!encode) return renderTemplate(text, this.lookup);
    return this.renderKeeping(flow, text, encode).text;
  }

  /**
   * `render`, and where the `{{secrets.*}}` references the author wrote sit in the result: the
   * host fills those, and only those, in an HTTP request.
   */
  renderKeeping(
    flow: Flow,
    text: string,
    encode?: (value: string, offset: number) => string,
  ): { text: string; kept: KeptReference[] } {
    this.renderFlow = flow;
    return renderTemplateKeeping(text, (reference, offset) => {
      const value = this.lookup(reference);
      return typeof value === "string" && encode ? encode(value, offset) : value;
    });
  }

  private renderFlow: Flow | undefined;

  /**
   * One lookup for the whole step (not a closure per render: rendering is the hot path).
   * `{{secrets.*}}` stays as written: only the host knows secrets.
   */
  private readonly lookup = (reference: TemplateReference): string | undefined | null => {
    switch (reference.namespace) {
      case "secrets":
        return null;
      case "contact":
        return own(this.fields, reference.key);
      case "system":
        return this.systemValue(reference.key);
      case "event":
        return this.renderFlow
          ? this.variable(this.renderFlow, `event.${reference.key}`)
          : undefined;
      default:
        return this.renderFlow ? this.variable(this.renderFlow, reference.key) : undefined;
    }
  };

  /** Leaves `node` through `handle`: counts it, and goes where its edge points, or ends. */
  leave(ref: FlowRef, nodeId: string, handle: string): Next {
    this.emit({ type: "track", flowId: ref.flow.id, nodeId, handle });
    const target = indexFlow(ref.flow).edges.get(`${nodeId}\n${handle}`);
    return target === undefined ? END : { kind: "go", ref, nodeId: target };
  }

  hasEdge(flow: Flow, nodeId: string, handle: string): boolean {
    return indexFlow(flow).edges.has(`${nodeId}\n${handle}`);
  }

  wait(waiting: Waiting): Next {
    this.session.waiting = waiting;
    return WAIT;
  }
}

/**
 * `record[key]` only when the record holds it: a flow may name a variable or field `constructor`
 * or `toString`, which must read as unset, not as JavaScript's built-ins.
 */
export function own<T>(
  record: Readonly<Record<string, T>> | undefined,
  key: string,
): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets `record[key]`, even for `__proto__`, which plain assignment would not store. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function safeIso(ms: number): string {
  const date = new Date(Number.isFinite(ms) ? ms : 0);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}
