import type { Procedure } from '@shared/contract'

/** The procedure screens that only some procedures have. */
export type OptionalScreen = 'quiz' | 'checklist'

/** A quiz needs questions; a checklist needs something to prepare or to ask. */
export function hasScreen(procedure: Procedure, screen: OptionalScreen): boolean {
  return screen === 'quiz'
    ? procedure.quiz.length > 0
    : procedure.preparation.length + procedure.questionsToAsk.length > 0
}
