/**
 * Case notifications: what a citizen reads when one of their cases changes state (chat, WhatsApp template
 * parameters, e-mail). "Requiere información" says what is missing and that it can be sent from "Mis trámites".
 */
import type { CaseStateName } from '../../core/domain/cases';
import { ESTADO_EXPLICACION, ESTADO_NOMBRE } from './cases';
import type { EmailContent } from './emails';
import { MENU } from './messages';

/** What a notification says about one case event. */
export interface CaseNotificationFacts {
  numero: string;
  tipo: string;
  estado: CaseStateName;
  nota?: string;
}

function cuerpo(facts: CaseNotificationFacts): string[] {
  const lines = [`Su trámite ${facts.numero} (${facts.tipo}) ahora está ${ESTADO_NOMBRE[facts.estado]}.`, ESTADO_EXPLICACION[facts.estado]];
  if (facts.estado === 'REQUIERE_INFORMACION') {
    if (facts.nota) lines.push(`Lo que falta: ${facts.nota}`);
    lines.push(`Puede enviarlo desde este chat: escriba "${MENU.misTramites}" y elija el trámite.`);
  } else if (facts.nota) {
    lines.push(`Nota del IESS: ${facts.nota}`);
  }
  return lines;
}

/** Copy of case notifications. */
export const NOTIFICACIONES = {
  /** The chat message (web chat, or WhatsApp inside the 24-hour window). */
  chat: (facts: CaseNotificationFacts): string => cuerpo(facts).join('\n'),
  /** The e-mail, sent always through the outbox. */
  email: (facts: CaseNotificationFacts, nombres: string): EmailContent => ({
    subject: `Su trámite ${facts.numero}: ${ESTADO_NOMBRE[facts.estado]}`,
    title: `Estimado(a) ${nombres}`,
    paragraphs: cuerpo(facts).map((line) => line.replace('desde este chat', 'desde el chat del IESS')),
  }),
  /** Body parameters of the WhatsApp utility template: case number and state. */
  plantilla: (facts: CaseNotificationFacts): string[] => [facts.numero, ESTADO_NOMBRE[facts.estado]],
} as const;
