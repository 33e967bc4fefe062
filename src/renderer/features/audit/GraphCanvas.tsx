/**
 * The trigger graph's canvas (React Flow): never zoomed out below readable
 * text (`READABLE_ZOOM`; a big graph is panned instead, by dragging or
 * scrolling), fitted again when the pane changes size or a group opens, and
 * driven by the keyboard when it has focus: + and − zoom, 0 fits, the arrow
 * keys pan.
 */
import '@xyflow/react/dist/style.css'
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { Background, ControlButton, Controls, ReactFlow, useReactFlow, useStore, type Edge, type Node } from '@xyflow/react'
import { READABLE_ZOOM } from './graph-layout'
import { fitNow, keyAction, type Flow } from './graph-view'
import { NODE_TYPES, type AuditNodeData } from './GraphNode'
import classes from './Audit.module.css'

/** Fits the view whenever the pane changes size or new nodes are measured. */
function FitOnChange({ keepInView }: { keepInView: string | null }): null {
  const flow = useReactFlow()
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  // The internal nodes carry the measurements (the controlled `nodes` never do); a change of the node set re-runs the fit.
  const measured = useStore((s) => [...s.nodeLookup.values()].every((n) => n.measured.width !== undefined) && s.nodes.map((n) => n.id).join())
  useEffect(() => {
    if (width > 0 && height > 0 && measured) fitNow(flow, width, height, keepInView)
  }, [width, height, measured, keepInView, flow])
  return null
}

/** React Flow's zoom buttons, with a fit button that fits at once (as 0 does). */
function GraphControls(): ReactNode {
  const flow = useReactFlow()
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  return (
    <Controls showInteractive={false} showFitView={false}>
      <ControlButton onClick={() => fitNow(flow, width, height, null)} title="Fit (0)" aria-label="Fit the view">
        <svg viewBox="0 0 16 16" width="12" height="12" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden>
          <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" />
        </svg>
      </ControlButton>
    </Controls>
  )
}

/** Props of the canvas. */
export interface GraphCanvasProps {
  readonly nodes: Node<AuditNodeData>[]
  readonly edges: Edge[]
  readonly height: number | string
  readonly scheme: 'light' | 'dark'
  /** A node to keep in view after fitting (the group last toggled). */
  readonly keepInView: string | null
  readonly onNodeClick: (data: AuditNodeData) => void
  /** Buttons drawn over the top-right corner (maximize). */
  readonly tools?: ReactNode
  readonly testId?: string
}

/** The canvas; focusable, with its keys. */
export function GraphCanvas({ nodes, edges, height, scheme, keepInView, onNodeClick, tools, testId = 'graph-canvas' }: GraphCanvasProps): ReactNode {
  const flow = useRef<Flow | null>(null)
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.metaKey || e.ctrlKey || e.altKey || flow.current === null) return
    const action = keyAction(flow.current, e.currentTarget, e.key)
    if (action === null) return
    e.preventDefault()
    action()
  }
  return (
    <div
      className={classes.graph}
      style={{ height }}
      tabIndex={0}
      role="application"
      aria-label="Trigger graph: + and − zoom, 0 fits, arrow keys pan"
      data-testid={testId}
      onKeyDown={onKeyDown}
    >
      {tools !== undefined && <div className={classes.graphTools}>{tools}</div>}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        colorMode={scheme}
        onInit={(instance) => (flow.current = instance as unknown as Flow)}
        minZoom={READABLE_ZOOM}
        maxZoom={2}
        panOnScroll
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onNodeClick={(_, node) => onNodeClick(node.data)}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <GraphControls />
        <FitOnChange keepInView={keepInView} />
      </ReactFlow>
    </div>
  )
}
