/**
 * Where a patient goes for help, on screen and on paper: the warning signs
 * grouped by the triage policy's levels, the numbers beside them, and "Where
 * this comes from". Merged into en.ts as `help`. {name} is filled in by the
 * app; avoid | and @, which vue-i18n reads as syntax.
 */
export const helpEn = {
  levels: {
    emergency: 'Emergency: now',
    'urgent-same-day': 'Urgent: the same day',
    'call-clinic': 'Call the clinic',
    'next-visit': 'At your next visit',
  },
  theClinic: 'the clinic',
  callEmergency: 'Call {number}',
  callClinicOn: 'Call {clinic} on {phone}',
  inOpeningHours: 'In opening hours, call {clinic} on {phone}.',
  noPhone: 'Ask at the desk for the phone number of {clinic}.',
  emergencyNumber: 'Emergency',
  clinicPhone: 'The clinic',
  outOfHours: 'When the clinic is closed',
  whereToGo: 'Who to call',
  phoneMissing:
    'The clinic’s phone number is not set. Handouts will tell patients to ask at the desk. Set it in Settings before printing.',
  emergencyMissing:
    'The emergency number is not set. Choose a region in Settings so every warning sign shows it.',
  toSettings: 'Open Settings',
  sources: {
    button: 'Where this comes from',
    title: 'Where this comes from',
    close: 'Close',
    publisher: 'Published by {publisher}',
    read: 'Read on {date}',
    none: 'The source of this is not recorded.',
  },
  risks: {
    morePicture: 'A picture of {m} people, with {n} coloured in: it happens to more than {n} in {m}.',
    unknown: 'How often this happens is not known.',
    title: 'Possible risks',
  },
  usedSources: 'Sources used in this handout',
}

export type HelpMessages = typeof helpEn
