import { BaseEdge, type EdgeProps, getBezierPath, getStraightPath } from "@xyflow/react";
import { memo } from "react";
import { useSimpleDetail } from "./detail";

/**
 * A connection: React Flow's curve with its wide invisible hit area, or, zoomed far out, a plain
 * straight line without one (one path per connection instead of two).
 */
export const StepEdge = memo(function StepEdge(props: EdgeProps) {
  const simple = useSimpleDetail();
  const [path] = simple
    ? getStraightPath(props)
    : getBezierPath({
        sourceX: props.sourceX,
        sourceY: props.sourceY,
        sourcePosition: props.sourcePosition,
        targetX: props.targetX,
        targetY: props.targetY,
        targetPosition: props.targetPosition,
      });
  return (
    <BaseEdge
      id={props.id}
      path={path}
      markerEnd={props.markerEnd}
      style={props.style}
      interactionWidth={simple ? 0 : props.interactionWidth}
    />
  );
});

export const EDGE_TYPES = { step: StepEdge };
