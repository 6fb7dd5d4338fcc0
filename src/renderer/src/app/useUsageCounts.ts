import { watch } from 'vue'
import { useEventListener } from '@vueuse/core'
import { useRoute } from 'vue-router'
import type { UsageEvent } from '@shared/contract'
import { useApiClient } from '@renderer/api/client'
import { onSessionEnd } from './session'
import { useContentStore } from '@renderer/app/stores/content'
import { useDisplayStore } from '@renderer/features/display/displayStore'
import { useLocaleStore } from '@renderer/app/stores/locale'
import { useQuizStore } from '@renderer/features/quiz/quizStore'
import { useReadAloudStore } from '@renderer/features/read-aloud/readAloudStore'
import { useStaffStore } from '@renderer/features/staff/staffStore'

type ScreenKey = Extract<UsageEvent, { metric: 'screen' }>['key']
type SessionLength = Extract<UsageEvent, { metric: 'session-length' }>['key']

/**
 * Route names to the contract's screen vocabulary (USAGE_SCREENS). Only these
 * are counted; a route not listed here (staff screens, handouts, "not found")
 * is not a screen view. The route names are the patient screens' own.
 */
const SCREEN_OF_ROUTE: Readonly<Record<string, ScreenKey>> = {
  attract: 'attract',
  home: 'home',
  conditions: 'conditions',
  condition: 'condition',
  procedures: 'procedures',
  procedure: 'procedure',
  guides: 'guides',
  guide: 'guide',
  step: 'step',
  risks: 'risks',
  recovery: 'recovery',
  quiz: 'quiz',
  checklist: 'checklist',
  search: 'search',
  anatomy: 'anatomy',
  glossary: 'glossary',
}

/** Session lengths in the contract's buckets: nothing finer is ever sent. */
export function sessionLengthBucket(ms: number): SessionLength {
  if (ms < 60_000) return 'under-1-min'
  if (ms < 180_000) return '1-to-3-min'
  if (ms < 600_000) return '3-to-10-min'
  return 'over-10-min'
}

/**
 * The anonymous usage counts a patient session adds (README: Privacy): each
 * screen viewed, each condition or procedure opened, the languages chosen, the
 * display modes turned on, quizzes started and completed, and, when the idle
 * reset ends the session, its length in a bucket. Every event is from the
 * contract's closed vocabulary; nothing typed, no times. Calls are fire and
 * forget: a count that fails is lost, never waited for. Nothing is counted once
 * staff mode has been used in this app.
 */
export function useUsageCounts(): void {
  const api = useApiClient()
  const route = useRoute()
  const staff = useStaffStore()
  const localeStore = useLocaleStore()
  const display = useDisplayStore()
  const reader = useReadAloudStore()
  const quiz = useQuizStore()
  const content = useContentStore()

  function count(event: UsageEvent): void {
    if (staff.used) return
    void api.recordUsage({ event })
  }

  // Languages and display modes are counted once per session: "sessions that used it".
  const countedOnce = new Set<string>()
  function countOnce(event: UsageEvent): void {
    const key = `${event.metric}:${event.key}`
    if (countedOnce.has(key) || staff.used) return
    countedOnce.add(key)
    count(event)
  }

  /** The condition or procedure on screen once it has loaded: an address that names nothing is not counted. */
  function itemOnScreen(): string | null {
    const id = route.params.id
    if (typeof id !== 'string') return null
    if (route.name === 'condition') return content.condition?.id === id ? id : null
    if (route.path.startsWith('/procedures/')) return content.procedure?.id === id ? id : null
    if (route.name === 'guide') return content.guide?.id === id ? id : null
    return null
  }

  watch(
    // The name as well as the path: the first navigation can end on the path it started from.
    () => `${String(route.name)} ${route.path}`,
    () => {
      const screen = typeof route.name === 'string' ? SCREEN_OF_ROUTE[route.name] : undefined
      if (screen) count({ metric: 'screen', key: screen })
    },
    { immediate: true },
  )

  // Opened, not every screen inside it: the steps of one procedure count it once.
  let openItem: string | null = null
  watch(
    itemOnScreen,
    (item) => {
      if (item && item !== openItem) count({ metric: 'item', key: item })
      openItem = item
    },
    { immediate: true },
  )

  localeStore.$onAction(({ name, args }) => {
    if (name === 'setLocale') countOnce({ metric: 'language', key: args[0] })
  })

  watch(
    () => display.largeText,
    (on) => on && countOnce({ metric: 'display-mode', key: 'large-text' }),
  )
  watch(
    () => display.highContrast,
    (on) => on && countOnce({ metric: 'display-mode', key: 'high-contrast' }),
  )
  watch(
    () => reader.state,
    (state) => state === 'reading' && countOnce({ metric: 'display-mode', key: 'read-aloud' }),
  )

  // A quiz is started when its first question is on screen with nothing answered,
  // and completed when the last answer is followed by the summary.
  const quizTotal = () =>
    content.procedure && content.procedure.id === quiz.procedureId ? content.procedure.quiz.length : 0
  watch(
    () =>
      route.name === 'quiz' && quizTotal() > 0 && quiz.index === 0 && quiz.answers.length === 0
        ? quiz.procedureId
        : null,
    (fresh) => fresh && count({ metric: 'quiz', key: 'started' }),
    { immediate: true },
  )
  watch(
    () => quizTotal() > 0 && quiz.index >= quizTotal(),
    (finished) => finished && count({ metric: 'quiz', key: 'completed' }),
  )

  // How long someone used the kiosk: first touch to last touch, not the idle wait after it.
  let firstActivity = 0
  let lastActivity = 0
  const noteActivity = (): void => {
    lastActivity = Date.now()
    if (!firstActivity) firstActivity = lastActivity
  }
  for (const name of ['pointerdown', 'keydown'] as const) {
    useEventListener(window, name, noteActivity, { capture: true, passive: true })
  }
  onSessionEnd(() => {
    if (firstActivity)
      count({ metric: 'session-length', key: sessionLengthBucket(lastActivity - firstActivity) })
  })
}
