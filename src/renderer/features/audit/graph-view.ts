/**
 * Fitting and keyboard moves of the trigger graph's view: never below the
 * readable zoom, fitted at once (React Flow's own fitView waits for the next
 * node change in a controlled flow).
 */
import { getViewportForBounds, type FitViewOptions, type ReactFlowInstance } from '@xyflow/react'
import { READABLE_ZOOM } from './graph-layout'

/** Whole graph in view when it fits at readable zoom; otherwise readable around its centre. */
export const FIT: FitViewOptions = { padding: 0.1, minZoom: READABLE_ZOOM, maxZoom: 1 }

/** Pixels one arrow key pans. */
const PAN_STEP = 80

/** The React Flow instance. */
export type Flow = ReactFlowInstance

/**
 * Fits at once (React Flow's own fitView waits for the next node change in a controlled flow):
 * the whole graph when it fits at a readable zoom, else readable around its centre — then,
 * when `keepInView` (a node id) would be outside the pane, panned so it is at the top.
 */
export function fitNow(flow: Flow, width: number, height: number, keepInView: string | null): void {
  const bounds = flow.getNodesBounds(flow.getNodes())
  const v = getViewportForBounds(bounds, width, height, FIT.minZoom ?? READABLE_ZOOM, FIT.maxZoom ?? 1, FIT.padding ?? 0.1)
  const node = keepInView === null ? undefined : flow.getNode(keepInView)
  const top = node === undefined ? 0 : v.y + node.position.y * v.zoom
  const outside = node !== undefined && (top < 0 || top + (node.measured?.height ?? 0) * v.zoom > height)
  void flow.setViewport(outside ? { ...v, y: PAN_STEP / 2 - node.position.y * v.zoom } : v)
}

/** Zoom and pan keys, or null for any other key. */
export function keyAction(flow: Flow, pane: HTMLElement, key: string): (() => void) | null {
  const pan = (dx: number, dy: number) => () => {
    const v = flow.getViewport()
    void flow.setViewport({ ...v, x: v.x + dx, y: v.y + dy }, { duration: 100 })
  }
  switch (key) {
    case '+':
    case '=':
      return () => void flow.zoomIn({ duration: 100 })
    case '-':
    case '_':
      return () => void flow.zoomOut({ duration: 100 })
    case '0':
      return () => fitNow(flow, pane.clientWidth, pane.clientHeight, null)
    case 'ArrowLeft':
      return pan(PAN_STEP, 0)
    case 'ArrowRight':
      return pan(-PAN_STEP, 0)
    case 'ArrowUp':
      return pan(0, PAN_STEP)
    case 'ArrowDown':
      return pan(0, -PAN_STEP)
    default:
      return null
  }
}

