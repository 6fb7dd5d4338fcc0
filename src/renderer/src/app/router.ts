import { createRouter, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import AttractView from '@renderer/features/attract/AttractView.vue'
import HomeView from '@renderer/features/home/HomeView.vue'
import TopicList from '@renderer/features/home/TopicList.vue'
import NotFoundView from './NotFoundView.vue'
import { staffRoutes } from '@renderer/features/staff/routes'
import { ITEM_KINDS } from '@shared/vocabulary'

/**
 * The screens a patient reaches past the topic lists, each a chunk of its own:
 * the first paint does not wait for their code. prefetchPatientScreens reads them
 * once the first screen has painted, so a patient's tap does not wait for the disk.
 */
const patientScreens = {
  condition: () => import('@renderer/features/condition/ConditionView.vue'),
  guide: () => import('@renderer/features/guide/GuideView.vue'),
  procedureShell: () => import('@renderer/features/procedure/ProcedureShell.vue'),
  procedure: () => import('@renderer/features/procedure/ProcedureOverview.vue'),
  step: () => import('@renderer/features/procedure/StepView.vue'),
  risks: () => import('@renderer/features/procedure/RisksView.vue'),
  recovery: () => import('@renderer/features/procedure/RecoveryView.vue'),
  quiz: () => import('@renderer/features/quiz/QuizView.vue'),
  checklist: () => import('@renderer/features/procedure/ChecklistView.vue'),
  search: () => import('@renderer/features/search/SearchView.vue'),
  glossary: () => import('@renderer/features/glossary/GlossaryView.vue'),
  anatomy: () => import('@renderer/features/anatomy/AnatomyView.vue'),
}

/** Loads every patient screen's chunk (the browser keeps each module once; the router's later import is immediate). */
export async function prefetchPatientScreens(): Promise<void> {
  await Promise.all(Object.values(patientScreens).map((load) => load()))
}

/**
 * Every screen is a route, so staff can open any screen directly (and a test can).
 * The procedure screens share one shell that loads the procedure once and hands
 * it to each child as a prop. Only the screens on a patient's first paths (attract,
 * home, the topic lists, and the not-found screen) are in the first script; the
 * others load when first opened (patient screens sooner: prefetchPatientScreens),
 * the staff and handout screens included.
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
  { path: '/conditions/:id', name: 'condition', component: patientScreens.condition, props: true },
  { path: '/guides/:id', name: 'guide', component: patientScreens.guide, props: true },
  {
    path: '/procedures/:id',
    component: patientScreens.procedureShell,
    // Only the id: any other param would fall through the shell onto the child screen.
    props: (route) => ({ id: String(route.params.id) }),
    children: [
      { path: '', name: 'procedure', component: patientScreens.procedure },
      {
        path: 'steps/:n(\\d+)',
        name: 'step',
        component: patientScreens.step,
        props: (route) => ({ n: Number(route.params.n) }),
      },
      // The screens whose path is their name.
      ...(['risks', 'recovery', 'quiz', 'checklist'] as const).map((name) => ({
        path: name,
        name,
        component: patientScreens[name],
      })),
    ],
  },
  { path: '/search', name: 'search', component: patientScreens.search },
  { path: '/glossary', name: 'glossary', component: patientScreens.glossary },
  { path: '/anatomy/:part?', name: 'anatomy', component: patientScreens.anatomy, props: true },
  // Printable handouts (the batch exporter opens these), and the staff form that personalises one.
  ...ITEM_KINDS.map((kind): RouteRecordRaw => ({
    path: `/handouts/${kind}s/:id`,
    name: `handout-${kind}`,
    component: () => import('@renderer/features/handouts/HandoutView.vue'),
    props: (route) => ({ kind, id: String(route.params.id) }),
  })),
  {
    path: '/staff/handout/:kind(procedure|condition|guide)/:id',
    name: 'staff-handout',
    component: () => import('@renderer/features/handouts/StaffHandoutView.vue'),
    props: (route) => ({ kind: String(route.params.kind), id: String(route.params.id) }),
  },
  // Staff's "Print handouts": choose several, then preview and print them as one job.
  {
    path: '/staff/print',
    name: 'staff-print',
    component: () => import('@renderer/features/handouts/StaffPrintView.vue'),
  },
  {
    path: '/staff/print/handouts',
    name: 'staff-print-batch',
    component: () => import('@renderer/features/handouts/HandoutBatchView.vue'),
  },
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
