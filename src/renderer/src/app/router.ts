import { createRouter, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import AttractView from '@renderer/features/attract/AttractView.vue'
import HomeView from '@renderer/features/home/HomeView.vue'
import TopicList from '@renderer/features/home/TopicList.vue'
import ConditionView from '@renderer/features/condition/ConditionView.vue'
import GuideView from '@renderer/features/guide/GuideView.vue'
import ProcedureShell from '@renderer/features/procedure/ProcedureShell.vue'
import ProcedureOverview from '@renderer/features/procedure/ProcedureOverview.vue'
import StepView from '@renderer/features/procedure/StepView.vue'
import RisksView from '@renderer/features/procedure/RisksView.vue'
import RecoveryView from '@renderer/features/procedure/RecoveryView.vue'
import QuizView from '@renderer/features/quiz/QuizView.vue'
import ChecklistView from '@renderer/features/procedure/ChecklistView.vue'
import SearchView from '@renderer/features/search/SearchView.vue'
import GlossaryView from '@renderer/features/glossary/GlossaryView.vue'
import AnatomyView from '@renderer/features/anatomy/AnatomyView.vue'
import NotFoundView from './NotFoundView.vue'
import HandoutView from '@renderer/features/handouts/HandoutView.vue'
import StaffHandoutView from '@renderer/features/handouts/StaffHandoutView.vue'
import StaffPrintView from '@renderer/features/handouts/StaffPrintView.vue'
import HandoutBatchView from '@renderer/features/handouts/HandoutBatchView.vue'
import { staffRoutes } from '@renderer/features/staff/routes'
import { ITEM_KINDS } from '@shared/vocabulary'

/**
 * Every screen is a route, so staff can open any screen directly (and a test can).
 * The procedure screens share one shell that loads the procedure once and hands
 * it to each child as a prop. All views are bundled eagerly: the kiosk is offline
 * and small, and a lazy chunk failing to load would be one more way to break.
 */
export const routes: RouteRecordRaw[] = [
  // The attract screen: where the kiosk waits, and where every reset lands.
  { path: '/', name: 'attract', component: AttractView },
  { path: '/home', name: 'home', component: HomeView },
  // /conditions, /procedures and /guides: every topic of the kind.
  ...ITEM_KINDS.map((kind) => ({
    path: `/${kind}s`,
    name: `${kind}s`,
    component: TopicList,
    props: { kind },
  })),
  { path: '/conditions/:id', name: 'condition', component: ConditionView, props: true },
  { path: '/guides/:id', name: 'guide', component: GuideView, props: true },
  {
    path: '/procedures/:id',
    component: ProcedureShell,
    // Only the id: any other param would fall through the shell onto the child screen.
    props: (route) => ({ id: String(route.params.id) }),
    children: [
      { path: '', name: 'procedure', component: ProcedureOverview },
      {
        path: 'steps/:n(\\d+)',
        name: 'step',
        component: StepView,
        props: (route) => ({ n: Number(route.params.n) }),
      },
      // The screens whose path is their name.
      ...Object.entries({
        risks: RisksView,
        recovery: RecoveryView,
        quiz: QuizView,
        checklist: ChecklistView,
      }).map(([name, component]) => ({ path: name, name, component })),
    ],
  },
  { path: '/search', name: 'search', component: SearchView },
  { path: '/glossary', name: 'glossary', component: GlossaryView },
  { path: '/anatomy/:part?', name: 'anatomy', component: AnatomyView, props: true },
  // Printable handouts (the batch exporter opens these), and the staff form that personalises one.
  ...ITEM_KINDS.map((kind): RouteRecordRaw => ({
    path: `/handouts/${kind}s/:id`,
    name: `handout-${kind}`,
    component: HandoutView,
    props: (route) => ({ kind, id: String(route.params.id) }),
  })),
  {
    path: '/staff/handout/:kind(procedure|condition|guide)/:id',
    name: 'staff-handout',
    component: StaffHandoutView,
    props: (route) => ({ kind: String(route.params.kind), id: String(route.params.id) }),
  },
  // Staff's "Print handouts": choose several, then preview and print them as one job.
  { path: '/staff/print', name: 'staff-print', component: StaffPrintView },
  { path: '/staff/print/handouts', name: 'staff-print-batch', component: HandoutBatchView },
  // Staff mode: every path under /staff, the handout forms above included, is behind the PIN (features/staff/routes.ts).
  ...staffRoutes,
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
]

export function createKioskRouter(history: RouterHistory) {
  return createRouter({
    history,
    routes,
    // Every new screen starts at the top; no smooth scrolling (reduced motion, and calmer).
    scrollBehavior: () => ({ top: 0 }),
  })
}
