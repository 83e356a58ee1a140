/**
 * Cues the classifier's intent alone does not carry (issue 10): what a follow-up asks ("¿cuánto cuesta?"), a
 * message in English, an insult, a relative, an employer that does not approve, a pensioner. Each is a word or
 * phrase list on the normalized text (no accents, lowercase), so the dialogs' decisions are explainable and tested.
 */
import type { PreguntaTipo } from '../../core/domain/seguimiento';
import { normalizeForMatch } from './normalize';

const has = (normalized: string, phrases: readonly string[]) => phrases.some((p) => ` ${normalized} `.includes(` ${p} `));

const PREGUNTA_PHRASES: Readonly<Record<PreguntaTipo, readonly string[]>> = {
  costo: [
    'cuesta',
    'cuestan',
    'costo',
    'coste',
    'cobran',
    'cobra',
    'es gratis',
    'gratuito',
    'hay que pagar',
    'se paga',
    'tiene valor',
    'cuanto vale',
    'precio',
  ],
  horario: ['horario', 'horarios', 'a que hora', 'que hora', 'sabado', 'sabados', 'domingo', 'domingos', 'que dias', 'abren', 'atienden'],
  extranjero: ['extranjero', 'extranjera', 'extranjeros', 'no tengo cedula', 'sin cedula', 'codigo de identificacion'],
  documentos: ['papeles', 'papeleo', 'documentos', 'que llevo', 'que debo llevar', 'que tengo que llevar', 'hay que llevar', 'llevar'],
  presencial: [
    'en persona',
    'presencial',
    'presencialmente',
    'personalmente',
    'en la oficina',
    'en una oficina',
    'en la agencia',
    'ir a la oficina',
    'en ventanilla',
    'ventanilla',
  ],
};

/** The kinds of follow-up a message asks, in the order of {@link PREGUNTA_PHRASES}; empty when it asks none. */
export function detectPreguntas(text: string): PreguntaTipo[] {
  const normalized = normalizeForMatch(text);
  return (Object.keys(PREGUNTA_PHRASES) as PreguntaTipo[]).filter((tipo) => has(normalized, PREGUNTA_PHRASES[tipo]));
}

const ENGLISH = new Set(
  'the is are how what where when can could do does i my me you your please hello hi want need to of for with password pension help speak english'.split(
    ' ',
  ),
);
const SPANISH = new Set(
  'el la los las es son como que donde cuando puedo mi yo usted por para con quiero necesito clave hola ayuda de y'.split(' '),
);

/** True when most words are English function words and few are Spanish: the citizen writes in English. */
export function looksEnglish(text: string): boolean {
  const words = normalizeForMatch(text).split(' ').filter(Boolean);
  const english = words.filter((w) => ENGLISH.has(w)).length;
  const spanish = words.filter((w) => SPANISH.has(w) && !ENGLISH.has(w)).length;
  return words.length >= 2 && english >= 2 && english > spanish * 2 && english / words.length >= 0.3;
}

const INSULTS = [
  'inutiles',
  'inutil',
  'ineptos',
  'inepto',
  'incompetentes',
  'ladrones',
  'idiotas',
  'estupidos',
  'corruptos',
  'vagos',
  'porqueria',
  'basura',
  'mierda',
  'sinverguenzas',
  'verguenza',
  'no sirven para nada',
];

/** True when the message insults (the bot answers calmly and offers to register the complaint). */
export function isInsult(text: string): boolean {
  return has(normalizeForMatch(text), INSULTS);
}

const RELATIVES = [
  'mi mama',
  'mi papa',
  'mi madre',
  'mi padre',
  'mi suegro',
  'mi suegra',
  'mi abuelo',
  'mi abuela',
  'mi esposo',
  'mi esposa',
  'mi hijo',
  'mi hija',
  'mi hermano',
  'mi hermana',
  'mi tio',
  'mi tia',
  'mi familiar',
  'un familiar',
  'otra persona',
  'mis padres',
];

/** True when the message is written for a relative or another person ("que le suban la pensión a mi suegro"). */
export function mentionsRelative(text: string): boolean {
  return has(normalizeForMatch(text), RELATIVES);
}

const EMPLOYER = ['jefe', 'jefa', 'empleador', 'empleadora', 'patrono', 'patron', 'empresa', 'recursos humanos', 'talento humano'];
const NOT_APPROVING = [
  'no me aprueba',
  'no aprueba',
  'no me aprobo',
  'no aprobo',
  'no firma',
  'no me firma',
  'no firmo',
  'no me firmo',
  'no califica',
  'no me califica',
  'no acepta',
  'no me acepta',
  'no autoriza',
  'no me autoriza',
  'no imprime',
  'no me entrega',
  'no me da',
  'no quiere firmar',
  'no quiere aprobar',
];

/** True when the message says the employer does not approve, sign or hand over something (seed 003's first clave). */
export function employerNotApproving(text: string): boolean {
  const normalized = normalizeForMatch(text);
  return has(normalized, EMPLOYER) && has(normalized, NOT_APPROVING);
}

/** True when the citizen says they are retired or a pensioner. */
export function mentionsJubilado(text: string): boolean {
  return has(normalizeForMatch(text), ['jubilado', 'jubilada', 'jubilados', 'pensionista', 'soy jubilado']);
}
