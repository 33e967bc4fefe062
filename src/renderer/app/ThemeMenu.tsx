/** Light / dark / follow the system. */
import type { ReactNode } from 'react'
import { ActionIcon, Menu, Tooltip, useMantineColorScheme, type MantineColorScheme } from '@mantine/core'
import { IconContrast, IconMoon, IconSun } from '../ui/icons'

const OPTIONS: { value: MantineColorScheme; label: string; Icon: typeof IconSun }[] = [
  { value: 'light', label: 'Light', Icon: IconSun },
  { value: 'dark', label: 'Dark', Icon: IconMoon },
  { value: 'auto', label: 'Follow the system', Icon: IconContrast }
]

/** The theme button in the header. */
export function ThemeMenu(): ReactNode {
  const { colorScheme, setColorScheme } = useMantineColorScheme()
  const current = OPTIONS.find((o) => o.value === colorScheme) ?? OPTIONS[2]
  return (
    <Menu position="bottom-end" withArrow>
      <Menu.Target>
        <Tooltip label={`Theme: ${current.label}`} withArrow>
          <ActionIcon variant="default" size="lg" aria-label="Theme">
            <current.Icon />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        {OPTIONS.map(({ value, label, Icon }) => (
          <Menu.Item key={value} leftSection={<Icon size={16} />} onClick={() => setColorScheme(value)} fw={value === colorScheme ? 700 : undefined}>
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
