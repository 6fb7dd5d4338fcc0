/**
 * Every word the kiosk itself says (content comes from the database). Written
 * for a reader in pain and in a hurry: short, concrete, no jargon.
 * Note for translators: {name} is filled in by the app; avoid the characters
 * | and @, which vue-i18n reads as syntax.
 */
export const en = {
  app: {
    title: 'Hip pain: information for you',
    skipToContent: 'Skip to the main text',
  },
  nav: {
    label: 'Kiosk controls',
    home: 'Home',
    language: 'Language',
  },
  languages: {
    en: 'English',
    es: 'Español',
  },
  home: {
    title: 'Hip pain: information for you',
    intro: 'Tap a topic to read about it. You can come back here at any time with the Home button.',
    conditions: 'Why does my hip hurt?',
    procedures: 'Treatments and procedures',
    empty: 'There is nothing here yet. Please ask at the desk.',
  },
  item: {
    summary: 'In short',
  },
  procedure: {
    duration: 'How long it takes',
    preparation: 'Before you start, tell the team if',
    start: 'Start the walkthrough',
    more: 'More about this procedure',
    risks: 'Possible risks',
    recovery: 'Your recovery',
    questionsToAsk: 'Questions you may want to ask',
  },
  step: {
    progress: 'Step {n} of {total}',
    progressLabel: 'Walkthrough progress',
    nav: 'Walkthrough',
    happens: 'What happens',
    feel: 'What you will feel',
    back: 'Back',
    next: 'Next',
    nextToRisks: 'Next: possible risks',
    notFound: 'This procedure has no step {n}.',
    toFirst: 'Go to step 1',
  },
  risks: {
    title: 'Possible risks and side effects',
    intro: 'These things can happen after this procedure. They are grouped by how often they happen.',
    bands: {
      common: 'Common',
      uncommon: 'Uncommon',
      rare: 'Rare',
      'very-rare': 'Very rare',
    },
    about: 'About {n} in {m} people',
    actionCall: 'If this happens, call the clinic.',
    actionEmergency: 'If this happens, go to emergency care now.',
    back: 'Back',
    toRecovery: 'Next: your recovery',
  },
  redFlags: {
    title: 'When to get help',
    call: 'Call the clinic if…',
    emergency: 'Go to emergency care now if…',
  },
  recovery: {
    title: 'Your recovery',
    intro: 'What to expect after the procedure, and what to do, from today onwards.',
    expect: 'What to expect',
    todo: 'What to do',
    periods: {
      'same-day': 'Today',
      'day-1-2': 'Day 1 to 2',
      'days-3-7': 'Days 3 to 7',
      'weeks-2-6': 'Weeks 2 to 6',
      months: 'The months after',
    },
    back: 'Back to the risks',
    finish: 'Back to the start',
  },
  faq: {
    title: 'Questions people ask',
  },
  about: {
    title: 'About this information',
    sources: 'Where this information comes from',
    version: 'Version',
    reviewedOn: 'Reviewed on',
    nextReviewDue: 'Next review due',
    reviewerRole: 'Reviewed by',
    stale:
      'The English text was updated after this translation was made. Please ask staff if anything is unclear.',
  },
  status: {
    loading: 'Loading…',
    outOfOrderTitle: 'This screen is out of order.',
    outOfOrderBody: 'Please ask at the desk.',
    tryAgain: 'Try again',
    notFoundTitle: 'We could not find this page',
    notFoundBody: 'It may have moved, or the link may be wrong. You can go back to the start.',
    notInLanguageTitle: 'This information is not ready in English yet',
    notInLanguageBody: 'You can go back to the start, or ask at the desk.',
    readInEnglish: 'Read in English',
    goHome: 'Go to the start',
  },
  pictures: {
    hipJoint: 'The hip joint: a ball at the top of the thigh bone that sits in a cup-shaped socket',
    hipBursa: 'The outside of the hip, with the small fluid-filled cushion (bursa) over the bony point',
    talkClinician: 'You and a clinician talking together before the procedure',
    lyingOnBack: 'A person lying on their back on a couch',
    lyingOnSide: 'A person lying on their side on a couch',
    skinCleaning: 'The skin over the hip being cleaned',
    ultrasoundProbe: 'An ultrasound probe on the hip, with the picture it makes on a screen',
    numbing: 'A very small needle numbing the skin',
    needleInjection: 'A thin needle guided into the hip joint',
    plasterIce: 'A small plaster on the skin and an ice pack wrapped in a cloth',
    restRecovery: 'Resting at home, then going for a gentle walk',
    placeholder: 'A picture',
  },
}

export type MessageSchema = typeof en
