import { assertNever, type FlowNode } from "@convo/flow";
import { ActionBody } from "./action/Body";
import { ConditionBody } from "./condition/Body";
import { DelayBody } from "./delay/Body";
import { GotoBody } from "./goto/Body";
import { HandoverBody } from "./handover/Body";
import { InputBody } from "./input/Body";
import { MessageBody } from "./message/Body";
import { NoteBody } from "./note/Body";
import { RandomizerBody } from "./randomizer/Body";
import { TriggerBody } from "./trigger/Body";

/** How a step looks on the canvas: like what the contact sees, where that is possible. */
export function NodeBody({ node }: { node: FlowNode }) {
  switch (node.type) {
    case "trigger":
      return <TriggerBody node={node} />;
    case "message":
      return <MessageBody node={node} />;
    case "input":
      return <InputBody node={node} />;
    case "condition":
      return <ConditionBody node={node} />;
    case "action":
      return <ActionBody node={node} />;
    case "delay":
      return <DelayBody node={node} />;
    case "randomizer":
      return <RandomizerBody node={node} />;
    case "handover":
      return <HandoverBody node={node} />;
    case "goto":
      return <GotoBody node={node} />;
    case "note":
      return <NoteBody node={node} />;
    default:
      return assertNever(node);
  }
}
