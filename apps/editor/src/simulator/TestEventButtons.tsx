import { type EventTrigger, eventTriggers } from "@convo/flow";
import { useT } from "../i18n";
import { useEditorState } from "../store/context";
import type { Simulator } from "./simulator";

/** One button per event trigger of the flow: fires it in the simulator with its sample payload. */
export function TestEventButtons({ simulator }: { simulator: Simulator }) {
  const t = useT();
  // A text key, so an edit elsewhere in the flow does not render these again.
  const key = useEditorState((s) =>
    JSON.stringify(eventTriggers(s.flow).map(({ nodeId, trigger }) => ({ nodeId, trigger }))),
  );
  const triggers = JSON.parse(key) as { nodeId: string; trigger: EventTrigger }[];
  return (
    <>
      {triggers.map(({ nodeId, trigger }) => (
        <button
          key={`${nodeId}:${trigger.event}`}
          type="button"
          title={JSON.stringify(trigger.sample ?? {})}
          onClick={() => void simulator.event(trigger.event, trigger.sample ?? {})}
        >
          {t("event.fire", { event: trigger.event })}
        </button>
      ))}
    </>
  );
}
