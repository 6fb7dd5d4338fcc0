/**
 * The illustrations the renderer draws. Content names a picture by one of these
 * ids; the content build rejects any other, so a page can never point at a
 * missing picture.
 */
export const PICTURE_IDS = [
  'hip-joint', // ball and socket, cartilage, labrum
  'hip-bursa', // the outside of the hip with the trochanteric bursa
  'talk-clinician', // patient and clinician talking, consent
  'lying-on-back', // patient lying on their back on a couch
  'lying-on-side', // patient lying on their side
  'skin-cleaning', // cleaning the skin with antiseptic
  'ultrasound-probe', // probe on the hip, image on a screen
  'numbing', // small needle numbing the skin
  'needle-injection', // needle guided into the joint
  'plaster-ice', // small plaster, ice pack wrapped in a cloth
  'rest-recovery', // resting at home, gentle walking
  'xray-machine', // X-ray (fluoroscopy) arm over a patient lying down
  'blood-draw', // blood taken from the arm (for PRP)
  'pain-diary', // a pain score sheet and a pen
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
