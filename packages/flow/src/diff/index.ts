export {
  diffFlows,
  type FlowDiff,
  flowsDiffer,
  type StepChange,
  type StepChangeKind,
  type TextChange,
} from "./flows";
export { diffWords, type WordOp, type WordPart } from "./words";
