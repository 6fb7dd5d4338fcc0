import { createRouter, type RouteComponent, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import AttractView from '@renderer/features/attract/AttractView.vue'
import HomeView from '@renderer/features/home/HomeView.vue'
import TopicList from '@renderer/features/home/TopicList.vue'
import NotFoundView from './NotFoundView.vue'
import { staffRoutes } from '@renderer/features/staff/routes'
import { ITEM_KINDS } from '@shared/vocabulary'

/**
 * The screens a patient reaches past the topic lists (every *View of the patient
 * features, and the procedure's shell and overview), each a chunk of its own: the
 * first paint does not wait for their code. prefetchPatientScreens reads them once
 * the first screen has painted, so a patient's tap does not wait for the disk.
 */
const patientScreens = import.meta.glob<{ default: RouteComponent }>([
  '../features/*/*View.vue',
  '../features/procedure/Procedure{Shell,Overview}.vue',
  '!../features/{attract,home,staff,handouts}/*',
])

/** The loader of `features/<path>.vue`; a screen that is not there fails here, when the app starts. */
function patientScreen(path: string): () => Promise<{ default: RouteComponent }> {
  const load = patientScreens[`../features/${path}.vue`]
  if (!load) throw new Error(`no patient screen features/${path}.vue`)
  return load
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
  {
    path: '/conditions/:id',
    name: 'condition',
    component: patientScreen('condition/ConditionView'),
    props: true,
  },
  { path: '/guides/:id', name: 'guide', component: patientScreen('guide/GuideView'), props: true },
  {
    path: '/procedures/:id',
    component: patientScreen('procedure/ProcedureShell'),
    // Only the id: any other param would fall through the shell onto the child screen.
    props: (route) => ({ id: String(route.params.id) }),
    children: [
      { path: '', name: 'procedure', component: patientScreen('procedure/ProcedureOverview') },
      {
        path: 'steps/:n(\\d+)',
        name: 'step',
        component: patientScreen('procedure/StepView'),
        props: (route) => ({ n: Number(route.params.n) }),
      },
      // The screens whose path is their name.
      ...Object.entries({
        risks: 'procedure/RisksView',
        recovery: 'procedure/RecoveryView',
        quiz: 'quiz/QuizView',
        checklist: 'procedure/ChecklistView',
      }).map(([name, screen]) => ({ path: name, name, component: patientScreen(screen) })),
    ],
  },
  { path: '/search', name: 'search', component: patientScreen('search/SearchView') },
  { path: '/glossary', name: 'glossary', component: patientScreen('glossary/GlossaryView') },
  { path: '/anatomy/:part?', name: 'anatomy', component: patientScreen('anatomy/AnatomyView'), props: true },
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
    // Every new screen starts at the top; no smooth scrolling (reduced motion, and calmer). The
    // first screen of a page or a session is there already (a reset scrolls to the top itself):
    // scrolling it would only force a layout of the whole page while the app starts.
    scrollBehavior: (_to, from) => (from.matched.length === 0 ? false : { top: 0 }),
  })
}
