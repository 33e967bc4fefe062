/**
 * The one layout of every dialog's action buttons: a footer that sticks to
 * the bottom of the dialog while its content scrolls (a Mantine modal scrolls
 * its whole content when the window is too short for it, 1024×768 for a wide
 * resolver or a long form), so the buttons that finish or cancel the dialog
 * are always on screen, as in a desktop dialog. Put it last in the dialog's
 * content, at any depth (no element between it and the modal may clip).
 */
import type { ReactNode } from 'react'
import { Group, type GroupProps } from '@mantine/core'
import classes from './modal.module.css'

/** The dialog's buttons (and whatever must stay next to them), right-aligned unless `justify` says otherwise. */
export function ModalActions({ children, justify = 'flex-end', ...rest }: GroupProps & { children: ReactNode }): ReactNode {
  return (
    <Group justify={justify} className={classes.actions} data-modal-actions {...rest}>
      {children}
    </Group>
  )
}
