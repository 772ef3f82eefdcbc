import {
  acceptsConnections,
  type FlowNode,
  localizeNode,
  nodeOutputs,
  type StepChangeKind,
  translationsOf,
} from "@convo/flow";
import { Handle, type NodeProps, Position } from "@xyflow/react";
import { memo, useMemo } from "react";
import { HandleCount, StepOverlay } from "../../analytics/StepOverlay";
import { useT } from "../../i18n";
import { EDITOR_NODES, NodeBody } from "../../nodes";
import { NoteCard } from "../../nodes/note/NoteCard";
import { useEditorState } from "../../store/context";
import { useContentLanguage } from "./content-language";
import { fitTitle, useSimpleDetail } from "./detail";
import { outputLabel } from "./output-label";

/**
 * One step on the canvas. It reads its own document node by id, so a change to another step (or a
 * drag of another step) does not re-render it.
 */
export const StepNode = memo(function StepNode({ id, selected }: NodeProps) {
  // Two selectors a step, not one a value: every step's selectors run on each change of the store
  // (each move of a drag). The card is keyed by the data, not the node: a drag gives the node a new
  // position (and object) but keeps its data, so the card below does not re-render while it moves.
  const source = useEditorState((s) => s.byId.get(id));
  const marks = useEditorState((s) => marksKey(s.marks.get(id), s.compare?.steps.get(id)));
  const [mark, change] = useMemo(() => fromMarksKey(marks), [marks]);
  const data = source?.data;
  const type = source?.type;
  const node = useMemo(
    () => (type && data ? ({ id, type, data, position: ORIGIN } as FlowNode) : undefined),
    [id, type, data],
  );
  const simple = useSimpleDetail();
  if (!node) return null;
  if (simple && node.type !== "note")
    return <SimpleBox node={node} mark={mark} change={change} selected={selected} />;
  return <StepCard node={node} mark={mark} change={change} selected={selected} />;
});

const ORIGIN = { x: 0, y: 0 };

type Mark = "error" | "warning" | undefined;

/** A step's problem mark and version change as one string, so one selector compares both. */
function marksKey(mark: Mark, change: StepChangeKind | undefined): string {
  return `${mark ?? ""}|${change ?? ""}`;
}

function fromMarksKey(key: string): [Mark, StepChangeKind | undefined] {
  const [mark, change] = key.split("|");
  return [(mark || undefined) as Mark, (change || undefined) as StepChangeKind | undefined];
}

/** What both ways of drawing a step receive. */
interface CardProps {
  node: FlowNode;
  mark: "error" | "warning" | undefined;
  /** How the step differs from the version being compared, while one is. */
  change: StepChangeKind | undefined;
  selected: boolean;
}

/** The classes every way of drawing a step shares. */
function stateClasses({ mark, change, selected }: Omit<CardProps, "node">): string {
  return `${selected ? " selected" : ""}${mark ? ` has-${mark}` : ""}${change ? ` diff-${change}` : ""}`;
}

/**
 * A step zoomed far out: its type's colour and its title. The handles stay (invisible, not
 * grabbable) because React Flow places each connection's ends on the handles it measured.
 */
const SimpleBox = memo(function SimpleBox({ node, ...state }: CardProps) {
  const t = useT();
  const outputs = useMemo(() => nodeOutputs(node), [node]);
  const kind = EDITOR_NODES[node.type];
  const label = "label" in node.data ? node.data.label : undefined;
  const title = label || t(kind.label);
  return (
    <article
      className={`step step-simple step-${node.type}${stateClasses(state)}`}
      style={{ borderLeftColor: kind.colour }}
      data-testid={`node-${node.id}`}
      data-detail="simple"
      aria-label={`${t(kind.label)}${label ? `: ${label}` : ""}`}
    >
      <StepOverlay nodeId={node.id} />
      {acceptsConnections(node.type) && (
        <Handle
          type="target"
          position={Position.Left}
          className="handle-in"
          isConnectable={false}
        />
      )}
      <span className="step-simple-title">{fitTitle(title)}</span>
      {outputs.map((output) => (
        <Handle
          key={output.id}
          type="source"
          position={Position.Right}
          id={output.id}
          className="handle-out"
          isConnectable={false}
        />
      ))}
    </article>
  );
});

/** The language the canvas shows, when it is one of the flow's others (not its default). */
function useShownLanguage(): string | null {
  const language = useContentLanguage((s) => s.language);
  return useEditorState((s) => {
    const languages = s.flow.languages ?? [];
    return language !== null && languages.indexOf(language) > 0 ? language : null;
  });
}

const StepCard = memo(function StepCard({ node: drawn, ...state }: CardProps) {
  const { mark, change } = state;
  const t = useT();
  const language = useShownLanguage();
  // In another language: its texts where translated, the default (greyed, counted) where not.
  const node = useMemo(() => (language ? localizeNode(drawn, language) : drawn), [drawn, language]);
  const missing = useMemo(
    () =>
      language
        ? translationsOf(drawn).filter(
            (x) => x.text !== "" && x.translations[language] === undefined,
          ).length
        : 0,
    [drawn, language],
  );
  const outputs = useMemo(() => nodeOutputs(node), [node]);
  const label = "label" in node.data ? node.data.label : undefined;
  const kindCounts = new Map<string, number>();
  if (node.type === "note") {
    return <NoteCard node={node} selected={state.selected} stateClasses={stateClasses(state)} />;
  }
  return (
    <article
      className={`step step-${node.type}${stateClasses(state)}`}
      data-testid={`node-${node.id}`}
      data-change={change}
      aria-label={`${t(EDITOR_NODES[node.type].label)}${label ? `: ${label}` : ""}`}
    >
      <StepOverlay nodeId={node.id} />
      {acceptsConnections(node.type) && (
        <Handle type="target" position={Position.Left} className="handle-in" />
      )}
      <header className="step-head">
        <span aria-hidden="true">{EDITOR_NODES[node.type].icon}</span>
        <span className="step-type">{t(EDITOR_NODES[node.type].label)}</span>
        {label && <span className="step-label">{label}</span>}
        {change && <span className={`diff-chip diff-chip-${change}`}>{t(`diff.${change}`)}</span>}
        {mark && (
          <span
            className={`mark mark-${mark}`}
            role="img"
            aria-label={t(mark === "error" ? "problems.hasErrors" : "problems.hasWarnings")}
          >
            {mark === "error" ? "!" : "⚠"}
          </span>
        )}
        {missing > 0 && language && (
          <span
            className="mark mark-untranslated"
            data-testid={`untranslated-${node.id}`}
            title={t("translations.missingOnStep", { count: missing, language })}
          >
            {language} ∅ {missing}
          </span>
        )}
      </header>
      <div className={`step-body${missing > 0 ? " untranslated" : ""}`}>
        <NodeBody node={node} />
      </div>
      {outputs.length > 0 && (
        <ul className="outputs">
          {outputs.map((output) => {
            const index = kindCounts.get(output.kind) ?? 0;
            kindCounts.set(output.kind, index + 1);
            return (
              <li key={output.id} className={`output output-${output.kind}`}>
                <HandleCount nodeId={node.id} handle={output.id} />
                <span>{outputLabel(t, output, index, node.type)}</span>
                <Handle
                  type="source"
                  position={Position.Right}
                  id={output.id}
                  className={`handle-out handle-${output.kind}`}
                  data-testid={`handle-${node.id}-${output.id}`}
                />
              </li>
            );
          })}
        </ul>
      )}
    </article>
  );
});

/** Every step is one React Flow type: the component reads the step's own type from the store. */
export const NODE_TYPES = { step: StepNode };
