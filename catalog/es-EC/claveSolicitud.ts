/**
 * The IESS's published requirements for the clave personal, as printed on the solicitud. Taken from the
 * "Obtención clave personal del IESS" guidance; the guidance's mistyped portal addresses are left out.
 */

/** Documents to present at an IESS office to receive the clave. */
export const DOCUMENTOS_ENTREGA_CLAVE: readonly string[] = [
  'Esta solicitud impresa, debidamente firmada por el afiliado(a) / pensionista del IESS; y, por su empleador(a) en caso de tener relación de dependencia.',
  'Original y copia a color de la cédula del afiliado(a) / pensionista del IESS.',
  'Original y copia a color del certificado de votación o documento que justifique su abstención o que acredite haber cumplido la sanción impuesta.',
  'Original y copia de una de las planillas de los servicios básicos (agua, luz o teléfono).',
];

/** The considerations to print, worded for the applicant's situation. */
export function consideracionesClave(options: { dependencia: boolean; jubiladoOPensionista: boolean }): string[] {
  const notas = [
    'La clave que le entrega el IESS es universal y con ella puede acceder a cualquiera de sus servicios.',
    'Si ya posee una clave como afiliado o jubilado, al solicitar una nueva clave la anterior se desactivará.',
  ];
  if (options.dependencia) {
    notas.push('Por tener relación de dependencia, su empleador(a) debe calificar, firmar y sellar esta solicitud antes de que usted la presente en el IESS.');
  }
  if (options.jubiladoOPensionista) {
    notas.push('Los jubilados y pensionistas deben acercarse a las agencias del IESS para solicitar su clave personal.');
  }
  notas.push(
    'Acérquese a las oficinas del IESS con los documentos indicados en esta solicitud.',
    'Recuerde que su clave es personal y es su responsabilidad custodiarla. El IESS no se responsabiliza por el registro de datos dentro del sistema con su número de cédula y clave.',
  );
  return notas;
}
