import type { HelpMessages } from './help-en'

/** Spanish of help-en.ts. */
export const helpEs: HelpMessages = {
  levels: {
    emergency: 'Emergencia: ahora',
    'urgent-same-day': 'Urgente: el mismo día',
    'call-clinic': 'Llame a la clínica',
    'next-visit': 'En su próxima visita',
  },
  theClinic: 'la clínica',
  callEmergency: 'Llame al {number}',
  callClinicOn: 'Llame a {clinic} al {phone}',
  inOpeningHours: 'En horario de atención, llame a {clinic} al {phone}.',
  noPhone: 'Pida en recepción el teléfono de {clinic}.',
  emergencyNumber: 'Emergencias',
  clinicPhone: 'La clínica',
  outOfHours: 'Si la clínica está cerrada',
  whereToGo: 'A quién llamar',
  phoneMissing:
    'No se ha indicado el teléfono de la clínica. Las hojas dirán a los pacientes que pregunten en recepción. Indíquelo en Ajustes antes de imprimir.',
  emergencyMissing:
    'No se ha indicado el número de emergencias. Elija una región en Ajustes para que aparezca junto a cada señal de alarma.',
  toSettings: 'Abrir Ajustes',
  sources: {
    button: 'De dónde sale esto',
    title: 'De dónde sale esto',
    close: 'Cerrar',
    publisher: 'Publicado por {publisher}',
    read: 'Consultado el {date}',
    none: 'No consta la fuente de esto.',
  },
  risks: {
    morePicture: 'Un dibujo de {m} personas, con {n} coloreada: le pasa a más de {n} de cada {m}.',
    unknown: 'No se sabe con qué frecuencia ocurre.',
    title: 'Posibles riesgos',
  },
  usedSources: 'Fuentes usadas en esta hoja',
}
