/** One group of problems of the same kind, each a sentence with its severity and a jump to its event. */
import type { ReactNode } from 'react'
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core'
import type { Problem, ProblemFix } from '../../../../shared/browse'
import { formatCount } from '../../../ui/format'
import { eventOf, PROBLEM_GROUPS, SEVERITY_COLOR } from './problem-groups'

/** Props: the kind, its problems, and what "Show event N" does. */
export interface ProblemGroupProps {
  readonly code: Problem['code']
  readonly problems: readonly Problem[]
  readonly onShow: (seqNo: number) => void
  /** What a problem's fix offers (shown under its sentence). */
  readonly renderFix: (fix: ProblemFix) => ReactNode
}

type LineProps = Pick<ProblemGroupProps, 'onShow' | 'renderFix'> & { readonly problem: Problem }

function ProblemLine({ problem, onShow, renderFix }: LineProps): ReactNode {
  const seqNo = eventOf(problem)
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="problem">
      <Badge color={SEVERITY_COLOR[problem.severity]} variant="light" size="sm" w={74} styles={{ label: { overflow: 'visible' } }}>
        {problem.severity}
      </Badge>
      <Stack gap={6} style={{ flex: 1 }}>
        <Text size="sm">{problem.message}</Text>
        {problem.fix && renderFix(problem.fix)}
      </Stack>
      {seqNo !== null && (
        <Button size="compact-xs" variant="subtle" onClick={() => onShow(seqNo)}>
          Show event {seqNo}
        </Button>
      )}
    </Group>
  )
}

/** The group's card. */
export function ProblemGroup({ code, problems, onShow, renderFix }: ProblemGroupProps): ReactNode {
  return (
    <Paper withBorder p="md" radius="md" data-testid={`problem-group-${code}`}>
      <Group gap="xs" mb="xs">
        <Text fw={600}>{PROBLEM_GROUPS[code]}</Text>
        <Badge variant="light" color="gray" size="sm">
          {formatCount(problems.length)}
        </Badge>
        <Text size="xs" c="dimmed" ff="monospace">
          {code}
        </Text>
      </Group>
      <Stack gap={6}>
        {problems.map((p, i) => (
          <ProblemLine key={i} problem={p} onShow={onShow} renderFix={renderFix} />
        ))}
      </Stack>
    </Paper>
  )
}
