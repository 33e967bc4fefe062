/** Toasts for outcomes the user should see (errors stay until read). */
import { notifications } from '@mantine/notifications'
import { messageOf } from '../ipc/client'

/** Show a failure with its plain message. */
export function notifyError(title: string, error: unknown): void {
  notifications.show({ color: 'red', title, message: messageOf(error), autoClose: false, withBorder: true })
}

/** Show a short success or info message. */
export function notifyInfo(title: string, message: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 4000, withBorder: true })
}
