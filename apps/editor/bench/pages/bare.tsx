import type { Flow } from "@convo/flow";
import {
  Background,
  Controls,
  type Edge,
  MiniMap,
  type Node,
  ReactFlow,
  useEdgesState,
  useNodesState,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { createRoot } from "react-dom/client";
import { ExposeZoom } from "./expose";

// React Flow as its documentation shows it: default nodes in useNodesState, the same graph.
const flow = (window as unknown as { __FLOW__: Flow }).__FLOW__;
const initialNodes: Node[] = flow.nodes.map((n) => ({
  id: n.id,
  position: n.position,
  data: { label: n.id },
}));
const initialEdges: Edge[] = flow.edges.map((e) => ({
  id: e.id,
  source: e.source,
  target: e.target,
}));

function Bare() {
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  return (
    <div style={{ height: "100vh" }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        snapToGrid
        snapGrid={[16, 16]}
        minZoom={0.05}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
      >
        <Background gap={16} />
        <MiniMap />
        <Controls />
        <ExposeZoom />
      </ReactFlow>
    </div>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<Bare />);
