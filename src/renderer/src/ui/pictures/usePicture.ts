import { computed, type ComputedRef, type InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import type { MessageSchema } from '@renderer/app/i18n'

export type PictureLabel = keyof MessageSchema['pictures']

export interface PictureProps {
  /** Inside a link or next to a text that says the same: hide it from screen readers. */
  decorative?: boolean
}

/**
 * The accessibility attributes every illustration carries: an image with a
 * localized name, or hidden entirely when it only decorates.
 */
export function usePictureAttrs(
  label: () => PictureLabel,
  props: PictureProps,
): ComputedRef<Record<string, string>> {
  const { t } = useI18n()
  return computed(() => {
    const attrs: Record<string, string> = props.decorative
      ? { 'aria-hidden': 'true', focusable: 'false' }
      : { role: 'img', 'aria-label': t(`pictures.${label()}`) }
    return attrs
  })
}

/**
 * Whether the picture on hand only decorates (Picture.vue provides it): then its
 * words (PictureLabel) are left off, since a decorative copy sits next to its title.
 */
export const pictureDecorativeKey: InjectionKey<() => boolean> = Symbol('picture is decorative')
