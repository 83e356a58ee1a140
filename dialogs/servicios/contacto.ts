import { MSG } from '../../catalog';
import { normalizeForMatch } from '../../nlu';

/** What a contact question is about: the hours, the places, or contacts in general. */
export type ContactoTema = 'horario' | 'lugar' | 'general';

const HORARIO_WORDS = new Set([
  'sabado',
  'sabados',
  'domingo',
  'domingos',
  'feriado',
  'feriados',
  'horario',
  'horarios',
  'hora',
  'horas',
  'abren',
  'cierran',
]);
const HORARIO_PHRASES = ['fin de semana', 'fines de semana'];
const LUGAR_WORDS = new Set([
  'donde',
  'direccion',
  'direcciones',
  'oficina',
  'oficinas',
  'agencia',
  'agencias',
  'queda',
  'quedan',
  'ubicacion',
  'ubicados',
  'sucursal',
  'sucursales',
]);

/** The topic of a contact question, by keywords of its normalized text; hours win over places ("horario de la oficina"). */
export function contactoTema(text: string): ContactoTema {
  const normalized = normalizeForMatch(text);
  const words = normalized.split(' ');
  if (words.some((w) => HORARIO_WORDS.has(w)) || HORARIO_PHRASES.some((p) => ` ${normalized} `.includes(` ${p} `))) return 'horario';
  if (words.some((w) => LUGAR_WORDS.has(w))) return 'lugar';
  return 'general';
}

/** The answer to a contact question: the Centros de Atención's hours, the places, or every contact. */
export function contactoAnswer(text: string): string {
  const tema = contactoTema(text);
  if (tema === 'horario') return MSG.contactoHorarios;
  if (tema === 'lugar') return MSG.contactoLugares;
  return MSG.contacto;
}
