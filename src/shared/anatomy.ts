/**
 * The parts of the hip the anatomy diagram can show. Content describes each in
 * every language; the build refuses a part that is missing or unknown.
 */
export const ANATOMY_PARTS = [
  'ball', // the head of the thigh bone (femoral head)
  'socket', // the acetabulum, in the pelvis
  'cartilage',
  'labrum',
  'synovial-fluid',
  'capsule',
  'bursae',
  'tendons',
] as const

export type AnatomyPartId = (typeof ANATOMY_PARTS)[number]
