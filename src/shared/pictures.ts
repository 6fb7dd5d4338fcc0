import type { RECOVERY_PERIODS } from './vocabulary.ts'

/**
 * The illustrations the renderer draws. Content names a picture by one of these
 * ids; the content build rejects any other, so a page can never point at a
 * missing picture. A procedure's steps each name their own (no two steps of a
 * procedure share one: tests/integration/step-pictures.test.ts).
 */
export const PICTURE_IDS = [
  'hip-joint', // ball and socket, cartilage, labrum
  'hip-bursa', // the outside of the hip with the trochanteric bursa
  'talk-clinician', // patient and clinician talking, consent
  'lying-on-back', // patient lying on their back on a couch
  'lying-on-side', // patient lying on their side
  'lying-on-xray-table', // lying on the X-ray table, the C-arm over the hip, not yet on
  // The injection close up, step by step (HipCloseUp): the same slice of hip each time.
  'skin-cleaning', // cleaning the skin with antiseptic
  'skin-cleaning-side', // cleaning the skin on the outside of the hip, over the bursa
  'ultrasound-probe', // probe and gel on the skin over the joint, the joint on the screen
  'ultrasound-bursa', // probe and gel on the outside of the hip, the bursa on the screen
  'numbing', // small needle numbing the skin, or a cold spray
  'numbing-side', // the same on the outside of the hip, over the bursa
  'needle-injection', // needle guided into the joint, probe on the skin, needle on the screen
  'medicine-into-joint', // plunger pressed, the medicine spreading in the joint
  'needle-into-joint-xray', // needle guided into the joint under live X-ray
  'contrast-dye', // a little dye outlines the joint on the X-ray screen
  'medicine-into-joint-xray', // the medicine going in under X-ray
  'gel-into-joint', // hyaluronic acid gel going into the joint
  'prp-into-joint', // the yellow PRP going into the joint
  'needle-to-bursa', // needle guided to the bursa, outside the joint
  'medicine-into-bursa', // the medicine filling the bursa
  'needle-out', // needle coming out, a gauze pressed on the spot
  'plaster', // a small plaster on the spot
  // After the injection, in the clinic.
  'rest-in-clinic', // sitting in a clinic chair, a clinician asks how the hip feels
  'plaster-and-rest', // resting in the clinic, the plaster on the hip
  'plaster-and-rest-prp', // resting in the clinic, plasters on the hip and the arm
  'plaster-pain-check', // the plaster on, the painful move again, a low score
  'xray-machine', // X-ray (fluoroscopy) arm over the hip, the joint on its screen
  'blood-draw', // blood taken from the arm (for PRP)
  'centrifuge', // the blood spun in a centrifuge, plasma on top of red cells
  'pain-score-before', // the painful move before the test, a high score written down
  'pain-diary', // a pain score sheet and a pen
  'diary-to-clinician', // handing the pain diary to the clinician
  // Recovery milestones, one per period (RECOVERY_PICTURES).
  'recovery-same-day', // resting at home with ice, someone with you, no driving
  'recovery-first-days', // shower yes, bath and heavy lifting no
  'recovery-first-week', // moving gently again, the week ticked off
  'recovery-weeks', // building strength with exercises, a physio guiding
  'recovery-months', // back with the clinician to plan what comes next
  'medicines', // a medicine box, tablets and a tube of gel
  'blood-sugar-meter', // a blood sugar meter, a drop of blood, a calendar
  'phone-call', // a closed door at night, and a phone
  // The exercise programme: one drawing per exercise (guides/hip-exercises), no two alike.
  'exercise-bridge', // lying on the back, lifting the bottom
  'exercise-sit-to-stand', // standing up from a chair
  'exercise-side-leg-raise', // standing, one leg out to the side
  'exercise-back-leg-raise', // standing, one leg back
  'exercise-mini-squat', // holding a worktop, knees bent a little
  'exercise-step-up', // stepping onto the bottom stair
  'exercise-walking', // walking outdoors
] as const

/** The exercise drawings: each exercise in a guide has its own (tests/renderer/exercise-pictures.test.ts). */
export const EXERCISE_PICTURES = PICTURE_IDS.filter((id) => id.startsWith('exercise-'))

export type PictureId = (typeof PICTURE_IDS)[number]

/** The picture beside each recovery milestone: what that stretch of time asks of you. */
export const RECOVERY_PICTURES: Record<(typeof RECOVERY_PERIODS)[number], PictureId> = {
  'same-day': 'recovery-same-day',
  'day-1-2': 'recovery-first-days',
  'days-3-7': 'recovery-first-week',
  'weeks-2-6': 'recovery-weeks',
  months: 'recovery-months',
}
