/**
 * Textos de la interfaz en español, escritos para lectores hispanohablantes y
 * tratando al paciente de usted. No es una traducción palabra por palabra.
 */
import type { MessageSchema } from './en'

export const es: MessageSchema = {
  app: {
    title: 'Dolor de cadera: información para usted',
    skipToContent: 'Ir al texto principal',
  },
  nav: {
    label: 'Controles de la pantalla',
    home: 'Inicio',
    language: 'Idioma',
  },
  languages: {
    en: 'English',
    es: 'Español',
  },
  home: {
    title: 'Dolor de cadera: información para usted',
    intro: 'Toque un tema para leer sobre él. Puede volver aquí cuando quiera con el botón Inicio.',
    conditions: '¿Por qué me duele la cadera?',
    procedures: 'Tratamientos y procedimientos',
    empty: 'Todavía no hay nada aquí. Por favor, pregunte en recepción.',
  },
  item: {
    summary: 'En resumen',
  },
  procedure: {
    duration: 'Cuánto tiempo dura',
    preparation: 'Antes de empezar, avise al equipo si',
    start: 'Ver el procedimiento paso a paso',
    more: 'Más sobre este procedimiento',
    risks: 'Posibles riesgos',
    recovery: 'Su recuperación',
    questionsToAsk: 'Preguntas que quizá quiera hacer',
  },
  step: {
    progress: 'Paso {n} de {total}',
    progressLabel: 'Avance del recorrido',
    nav: 'Recorrido paso a paso',
    happens: 'Qué se hace',
    feel: 'Qué va a sentir',
    back: 'Atrás',
    next: 'Siguiente',
    nextToRisks: 'Siguiente: posibles riesgos',
    notFound: 'Este procedimiento no tiene un paso {n}.',
    toFirst: 'Ir al paso 1',
  },
  risks: {
    title: 'Posibles riesgos y efectos secundarios',
    intro: 'Esto es lo que puede pasar después de este procedimiento, ordenado según lo a menudo que ocurre.',
    bands: {
      common: 'Frecuentes',
      uncommon: 'Poco frecuentes',
      rare: 'Raros',
      'very-rare': 'Muy raros',
    },
    about: 'Aproximadamente {n} de cada {m} personas',
    actionCall: 'Si le pasa esto, llame a la clínica.',
    actionEmergency: 'Si le pasa esto, vaya a urgencias ahora mismo.',
    back: 'Atrás',
    toRecovery: 'Siguiente: su recuperación',
  },
  redFlags: {
    title: 'Cuándo pedir ayuda',
    call: 'Llame a la clínica si…',
    emergency: 'Vaya a urgencias ahora mismo si…',
  },
  recovery: {
    title: 'Su recuperación',
    intro: 'Qué puede esperar después del procedimiento y qué debe hacer, desde hoy en adelante.',
    expect: 'Qué puede esperar',
    todo: 'Qué debe hacer',
    periods: {
      'same-day': 'Hoy',
      'day-1-2': 'Días 1 y 2',
      'days-3-7': 'Días 3 a 7',
      'weeks-2-6': 'Semanas 2 a 6',
      months: 'Los meses siguientes',
    },
    back: 'Volver a los riesgos',
    finish: 'Volver al inicio',
  },
  faq: {
    title: 'Preguntas frecuentes',
  },
  about: {
    title: 'Sobre esta información',
    sources: 'De dónde viene esta información',
    version: 'Versión',
    reviewedOn: 'Revisado el',
    nextReviewDue: 'Próxima revisión',
    reviewerRole: 'Revisado por',
    stale:
      'El texto en inglés se actualizó después de esta traducción. Si algo no le queda claro, pregunte al personal.',
  },
  status: {
    loading: 'Cargando…',
    outOfOrderTitle: 'Esta pantalla no funciona en este momento.',
    outOfOrderBody: 'Por favor, pregunte en recepción.',
    tryAgain: 'Intentar de nuevo',
    notFoundTitle: 'No encontramos esta página',
    notFoundBody: 'Puede que se haya movido o que el enlace no sea correcto. Puede volver al inicio.',
    notInLanguageTitle: 'Esta información todavía no está disponible en español',
    notInLanguageBody: 'Puede leerla en inglés, volver al inicio o preguntar en recepción.',
    readInEnglish: 'Leer en inglés (English)',
    goHome: 'Volver al inicio',
  },
  pictures: {
    hipJoint:
      'La articulación de la cadera: una bola en la parte alta del fémur que encaja en una cavidad en forma de copa',
    hipBursa: 'La parte de fuera de la cadera, con la pequeña bolsa de líquido (bursa) sobre el hueso',
    talkClinician: 'Usted y un profesional sanitario hablando antes del procedimiento',
    lyingOnBack: 'Una persona acostada boca arriba en una camilla',
    lyingOnSide: 'Una persona acostada de lado en una camilla',
    skinCleaning: 'Limpieza de la piel de la cadera',
    ultrasoundProbe: 'Una sonda de ecografía sobre la cadera y la imagen que se ve en la pantalla',
    numbing: 'Una aguja muy pequeña que adormece la piel',
    needleInjection: 'Una aguja fina guiada hasta dentro de la articulación de la cadera',
    plasterIce: 'Un apósito pequeño (curita) sobre la piel y una bolsa de hielo envuelta en un paño',
    restRecovery: 'Descansar en casa y después dar un paseo tranquilo',
    placeholder: 'Una imagen',
  },
}
