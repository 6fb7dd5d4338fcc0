/**
 * The poses of the person in the exercise and recovery pictures (ExerciseFigure),
 * as data: a few joints each, so every picture is its own pose in one style.
 */
type Point = readonly [number, number]

export interface Limb {
  /** Knee or elbow. */
  mid: Point
  /** Ankle or hand. */
  end: Point
  /** Toes, for a leg (the foot points from the ankle to here). */
  toe?: Point
}

export interface Pose {
  head: Point
  shoulder: Point
  hip: Point
  near: Limb
  far: Limb
  arm: Limb
  farArm?: Limb
}

export const POSES = {
  backLegRaise: {
    head: [136, 30],
    shoulder: [132, 50],
    hip: [126, 94],
    near: { mid: [128, 116], end: [128, 138], toe: [144, 140] },
    far: { mid: [108, 114], end: [90, 130], toe: [94, 140] },
    arm: { mid: [152, 66], end: [174, 68] },
  },
  bridge: {
    head: [34, 112],
    shoulder: [54, 118],
    hip: [118, 94],
    near: { mid: [156, 76], end: [166, 122], toe: [182, 124] },
    far: { mid: [150, 78], end: [156, 122], toe: [172, 124] },
    arm: { mid: [80, 124], end: [106, 124] },
  },
  miniSquat: {
    head: [128, 40],
    shoulder: [122, 58],
    hip: [100, 98],
    near: { mid: [130, 110], end: [122, 138], toe: [138, 140] },
    far: { mid: [126, 108], end: [114, 138], toe: [130, 140] },
    arm: { mid: [146, 66], end: [166, 64] },
  },
  sideLegRaise: {
    head: [122, 32],
    shoulder: [122, 52],
    hip: [122, 94],
    near: { mid: [118, 116], end: [116, 138], toe: [106, 140] },
    far: { mid: [146, 110], end: [168, 124], toe: [174, 132] },
    arm: { mid: [104, 76], end: [86, 70] },
    farArm: { mid: [140, 74], end: [144, 92] },
  },
  sitToStand: {
    head: [134, 44],
    shoulder: [124, 62],
    hip: [104, 94],
    near: { mid: [140, 104], end: [134, 138], toe: [150, 140] },
    far: { mid: [136, 102], end: [126, 138], toe: [142, 140] },
    arm: { mid: [140, 80], end: [124, 76] },
  },
  stepUp: {
    head: [118, 30],
    shoulder: [114, 50],
    hip: [110, 92],
    near: { mid: [140, 96], end: [146, 116], toe: [162, 118] },
    far: { mid: [104, 116], end: [94, 138], toe: [108, 140] },
    arm: { mid: [136, 62], end: [156, 60] },
  },
  walking: {
    head: [128, 30],
    shoulder: [124, 50],
    hip: [120, 92],
    near: { mid: [134, 114], end: [150, 134], toe: [164, 134] },
    far: { mid: [110, 116], end: [94, 132], toe: [106, 138] },
    arm: { mid: [136, 72], end: [148, 86] },
    farArm: { mid: [112, 72], end: [100, 84] },
  },
  walkingPained: {
    head: [58, 30],
    shoulder: [54, 50],
    hip: [50, 92],
    near: { mid: [64, 114], end: [80, 134], toe: [94, 134] },
    far: { mid: [40, 116], end: [24, 132], toe: [36, 138] },
    arm: { mid: [66, 72], end: [78, 86] },
    farArm: { mid: [42, 72], end: [30, 84] },
  },
  strolling: {
    head: [84, 30],
    shoulder: [80, 50],
    hip: [78, 92],
    near: { mid: [88, 116], end: [98, 138], toe: [112, 140] },
    far: { mid: [70, 116], end: [60, 138], toe: [74, 140] },
    arm: { mid: [88, 72], end: [96, 88] },
    farArm: { mid: [72, 72], end: [66, 88] },
  },
} satisfies Record<string, Pose>
