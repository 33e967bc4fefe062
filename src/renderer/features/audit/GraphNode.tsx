/** One node of the trigger graph: title and subtitle, coloured by its column. */
import type { ReactNode } from 'react'
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react'
import type { LaidOutNode } from './graph-layout'
import classes from './Audit.module.css'

/** A laid-out node as React Flow data. */
export type AuditNodeData = LaidOutNode & Record<string, unknown>

function AuditNode({ data }: NodeProps<Node<AuditNodeData>>): ReactNode {
  const kindClass = data.target.type === 'more' ? classes.more : data.target.type === 'group' ? classes.group : ''
  return (
    <div
      className={`${classes.node} ${classes[data.column]} ${kindClass} ${data.focus ? classes.focus : ''}`}
      data-testid={`graph-node-${data.id}`}
      data-expanded={data.target.type === 'group' ? String(data.target.expanded) : undefined}
      title={`${data.title} — ${data.subtitle}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className={classes.nodeTitle}>{data.title}</div>
      <div className={classes.nodeSubtitle}>{data.subtitle}</div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  )
}

/** The node types of the graph. */
export const NODE_TYPES = { audit: AuditNode }
