/// <reference lib="webworker" />
import { lintForChannels } from "@convo/messenger/channel";
import {
  type AnsweredState,
  answerProblems,
  applySync,
  type SentState,
  type SyncMessage,
} from "./sync";

// The lint of a large draft, off the main thread: it keeps the draft and takes only what changed.
const held: SentState = { nodes: new Map(), edges: new Map() };
// …and answers with only the problems its previous answer did not have.
const answered: AnsweredState = { at: new Map() };

self.onmessage = (event: MessageEvent<SyncMessage>) => {
  const message = event.data;
  const flow = applySync(held, message);
  const problems = lintForChannels(flow, { knownFlows: message.knownFlows });
  self.postMessage({ seq: message.seq, problems: answerProblems(answered, problems) });
};
