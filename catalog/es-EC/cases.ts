import type { CaseStateName, CaseStatusView } from '../../core/domain/cases';
import { TIPO_NOMBRE } from './tramites';

/** Plain-Spanish name of each case state. */
export const ESTADO_NOMBRE: Record<CaseStateName, string> = {
  RECIBIDO: 'recibido',
  PENDIENTE_EMPLEADOR: 'pendiente de aprobación de su empleador',
  EN_REVISION: 'en revisión',
  REQUIERE_INFORMACION: 'requiere información',
  APROBADO: 'aprobado',
  NEGADO: 'negado',
  CERRADO: 'cerrado',
};

/** What each state means for the citizen, in one short sentence. */
export const ESTADO_EXPLICACION: Record<CaseStateName, string> = {
  RECIBIDO: 'El IESS recibió su solicitud y la revisará pronto.',
  PENDIENTE_EMPLEADOR: 'Su empleador debe revisar y firmar la solicitud.',
  EN_REVISION: 'Un funcionario del IESS está revisando su solicitud.',
  REQUIERE_INFORMACION: 'El IESS necesita que usted envíe información o documentos.',
  APROBADO: 'Su solicitud fue aprobada.',
  NEGADO: 'Su solicitud no fue aprobada.',
  CERRADO: 'Su trámite terminó.',
};

/** Plain-Spanish name of each condition of an afiliado. */
export const CONDICION_NOMBRE: Record<string, string> = {
  AFILIADO_DEPENDENCIA: 'Afiliado en relación de dependencia',
  AFILIADO_CESANTE: 'Afiliado cesante',
  AFILIADO_VOLUNTARIO: 'Afiliado voluntario',
  JUBILADO: 'Jubilado',
  PENSIONISTA: 'Pensionista',
  MONTEPIO_CONYUGE: 'Beneficiario de montepío (cónyuge)',
};

const FECHA = new Intl.DateTimeFormat('es-EC', {
  timeZone: 'America/Guayaquil',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** A date as Ecuadorians read it, in Ecuador's time zone: "9 de octubre de 2026". */
export function formatFecha(date: Date): string {
  return FECHA.format(date);
}

/** The status answer for one case: number, kind, state, date and the note, if any. */
export function describeCase(view: CaseStatusView): string {
  const lines = [
    `Trámite ${view.numero} (${TIPO_NOMBRE[view.tipo]}).`,
    `Estado: ${ESTADO_NOMBRE[view.estado]}, desde el ${formatFecha(view.fecha)}.`,
    ESTADO_EXPLICACION[view.estado],
  ];
  if (view.nota) lines.push(`Nota: ${view.nota}`);
  return lines.join('\n');
}

/** Plain-Spanish name of each kind of pension (the store's PensionTipo). */
export const PENSION_NOMBRE: Record<string, string> = {
  VEJEZ: 'vejez',
  INVALIDEZ: 'invalidez',
  MUERTE: 'montepío (muerte)',
  INCAPACIDAD_PERMANENTE_TOTAL: 'incapacidad permanente total',
  INCAPACIDAD_PERMANENTE_PARCIAL: 'incapacidad permanente parcial',
};
