/** The app shell: header (store name, lock badge, seq-no, theme), navbar, Overview. */
import { AppShell, Badge, Button, Group, NavLink, SegmentedControl, Text, Title, Alert, useMantineColorScheme, type MantineColorScheme } from '@mantine/core'
import { useStore } from './useStore'
import { Overview } from '../features/overview/Overview'

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

/** Root component. */
export function App() {
  const store = useStore()
  const { colorScheme, setColorScheme } = useMantineColorScheme()
  const info = store.info
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Title order={4}>{info ? fileName(info.path) : 'Coherence Studio'}</Title>
            {info && (
              <>
                <Badge color={info.readOnly ? 'gray' : 'orange'} data-testid="lock-badge">{info.readOnly ? 'Read-only' : 'Unlocked'}</Badge>
                <Button size="xs" variant="light" onClick={() => void store.setLocked(!info.readOnly)}>
                  {info.readOnly ? 'Unlock for writing' : 'Lock'}
                </Button>
                <Text size="sm" c="dimmed" data-testid="header-seq-no">seq-no {info.seqNo}</Text>
              </>
            )}
          </Group>
          <SegmentedControl
            size="xs"
            aria-label="Color scheme"
            value={colorScheme}
            onChange={(v) => setColorScheme(v as MantineColorScheme)}
            data={[{ label: 'Light', value: 'light' }, { label: 'Dark', value: 'dark' }, { label: 'Auto', value: 'auto' }]}
          />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <NavLink label="Overview" active />
      </AppShell.Navbar>
      <AppShell.Main>
        {store.error && (
          <Alert color="red" title="Could not do that" withCloseButton onClose={store.dismissError} mb="md" data-testid="error">
            {store.error}
          </Alert>
        )}
        <Overview info={info} version={store.version} />
      </AppShell.Main>
    </AppShell>
  )
}
