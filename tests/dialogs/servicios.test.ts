import { MainDialog } from '../../dialogs/main/mainDialog';
import { servicioAnswer, serviciosGeneralAnswer, servicioFromLabel } from '../../dialogs/servicios/answer';
import { CLARIFY_LABELS, CONTACTO, MENU_OPCIONES, OBTENER, RECUPERAR, SERVICIO_TEXTOS, SERVICIOS } from '../../catalog';
import { getServicio, grupoDe, SERVICIO_REGISTRY_IDS, SERVICIOS_REGISTRY, type ServicioId } from '../../core/domain/servicios';
import { SERVICIO_IDS } from '../../nlu';
import { createClient, createDialogWorld, type DialogWorld } from '../helpers/dialogHarness';
import { playConversation } from '../helpers/conversation';

const CLAVE_CHOICES = [CLARIFY_LABELS.clave_obtener, CLARIFY_LABELS.clave_recuperar, ...MENU_OPCIONES];

/** Every single service: a citizen's message, and seed 001's own fact the answer must carry. */
const SERVICIOS_SEED: [ServicioId, string, RegExp][] = [
  [
    'historial_laboral',
    'quiero ver mi historial laboral',
    /todos los períodos .* aportes al seguro social.*tiempo de cotización acumulado/,
  ],
  [
    'actualizacion_datos',
    'como actualizo mis datos personales',
    /dirección, teléfono, correo electrónico y cuenta bancaria\. Los cambios quedan registrados de forma inmediata/,
  ],
  ['certificado_afiliacion', 'necesito el certificado de afiliacion', /en un minuto.*asegurado activo.*código QR y firma electrónica/],
  ['fondos_reserva', 'cuanto tengo en fondos de reserva', /saldo acumulado.*requisitos establecidos por ley/],
  [
    'retiro_fondos_reserva',
    'quiero retirar mis fondos de reserva',
    /retiro de sus fondos de reserva cuando cumple los requisitos establecidos por ley/,
  ],
  [
    'desbloqueo_clave',
    SERVICIO_TEXTOS.desbloqueo_clave.etiqueta,
    /preguntas de seguridad.*código enviado a su correo electrónico registrado/,
  ],
  ['jubilacion', 'requisitos para la jubilacion por vejez', /edad y años de aportación.*aproximadamente 20 minutos/],
  ['prestamo_quirografario', 'que es el prestamo quirografario', /capacidad de endeudamiento según su historial de aportes/],
  ['prestamo_hipotecario', 'como pido un prestamo hipotecario', /préstamo hipotecario y consultar las opciones de crédito disponibles/],
  ['cuenta_bancaria', 'quiero registrar mi cuenta bancaria', /depósito de pensiones o beneficios/],
  ['subsidios', 'como pido el subsidio por maternidad', /enfermedad, maternidad o riesgos del trabajo.*adjuntar los certificados médicos/],
  [
    'certificado_no_adeudar',
    'como saco el certificado de no adeudar',
    /de forma inmediata.*contrataciones públicas.*permisos de funcionamiento/,
  ],
  ['pagos_pensionistas', 'cuando es el pago de la pension', /monto depositado, la fecha de pago y los descuentos aplicados/],
  [
    'certificado_pensionista',
    'necesito un certificado de pensionista',
    /formato PDF, con un solo clic, después de ingresar su número de cédula/,
  ],
  [
    'extension_cobertura_salud',
    'seguro medico para mi esposa y mis hijos',
    /cónyuge y sus hijos.*datos de sus dependientes.*servicios médicos/,
  ],
  [
    'registro_salida_pais',
    'soy jubilado y vivo en el exterior, que aviso tengo que hacer',
    /residen en el exterior.*entrada y salida del país.*obligatorio para mantener el pago regular de su pensión/,
  ],
];

const EMPLEADOR_SEED: [ServicioId, string, RegExp][] = [
  [
    'clave_patronal',
    'como saco la clave patronal',
    /credencial de acceso al portal del IESS para empleadores.*trabajadores y el pago de planillas/,
  ],
  ['aportes', 'consulta de aportes patronales', /pagos realizados por los empleadores.*cada aportación mensual registrada/],
  [
    'avisos_entrada_salida',
    'como hago el aviso de entrada de un trabajador',
    /aviso de entrada.*inicia la relación laboral.*aviso de salida.*termina la relación laboral/,
  ],
  [
    'certificado_obligaciones_patronales',
    'certificado de cumplimiento de obligaciones patronales',
    /formato digital.*al día en el pago de aportes/,
  ],
  ['planillas', 'como genero las planillas de pago', /detalle de sus obligaciones mensuales y generar los comprobantes necesarios/],
];

describe('services registry and catalog', () => {
  it('has a text for every registry id, and every NLU service id is registered', () => {
    for (const id of SERVICIO_REGISTRY_IDS) expect(SERVICIO_TEXTOS[id].texto.length).toBeGreaterThan(20);
    expect([...SERVICIO_IDS].sort()).toEqual([...SERVICIO_REGISTRY_IDS].sort());
  });

  it('covers seed 001 with a test row for every single service', () => {
    const tested = [...SERVICIOS_SEED, ...EMPLEADOR_SEED].map(([id]) => id).sort();
    expect(tested).toEqual(
      SERVICIOS_REGISTRY.filter((s) => !('grupo' in s))
        .map((s) => s.id)
        .sort(),
    );
  });

  it('has a unique label for every service, and each label routes back to it', () => {
    for (const id of SERVICIO_REGISTRY_IDS) expect(servicioFromLabel(SERVICIO_TEXTOS[id].etiqueta)).toBe(id);
  });

  it('shows only the iess.gob.ec domain', () => {
    const all = SERVICIO_REGISTRY_IDS.map((id) => servicioAnswer(id).text).join('\n') + serviciosGeneralAnswer().text;
    expect(all.match(/[a-z]+\.gob\.ec|[a-z]+\.gov\.ec/g)?.every((d) => d === 'iess.gob.ec' || d === 'atencionalusuario@iess.gob.ec')).toBe(
      true,
    );
  });

  it.each(SERVICIOS_SEED.map(([id]) => id))('answers %s with the portal line, no more details and the clave journeys', (id) => {
    const { text, choices } = servicioAnswer(id);
    expect(text).toContain(`Se hace en el portal ${CONTACTO.portal}, las 24 horas del día, con su número de cédula y su clave personal.`);
    expect(text).toContain(SERVICIOS.sinMasDetalles);
    if (id === 'desbloqueo_clave') {
      expect(text).toContain(SERVICIOS.siguienteRecuperar);
      expect(choices).toEqual([CLARIFY_LABELS.clave_recuperar, ...MENU_OPCIONES]);
    } else {
      expect(text).toContain(SERVICIOS.siguienteClave);
      expect(choices).toEqual(CLAVE_CHOICES);
    }
  });

  it.each(EMPLEADOR_SEED.map(([id]) => id))('answers %s as an employer service, without clave journeys', (id) => {
    const { text, choices } = servicioAnswer(id);
    expect(getServicio(id).audiencia).toBe('empleador');
    expect(text).toMatch(/^.+\nEs un servicio para empleadores/);
    expect(text).toContain(CONTACTO.portal);
    expect(text).toContain('las 24 horas del día');
    expect(text).toContain(SERVICIOS.sinSiguienteEmpleador);
    expect(text).not.toContain('clave personal');
    expect(choices).toEqual(MENU_OPCIONES);
  });

  it('lists every kind of service in the general answer and asks which one', () => {
    const { text, choices } = serviciosGeneralAnswer();
    expect(text).toContain('22 trámites principales, las 24 horas del día');
    expect(text).toMatch(/• Para afiliados: historial laboral, .*jubilación por vejez/);
    expect(text).toMatch(/• Para pensionistas: pagos de pensiones, certificado de pensionista/);
    expect(text).toMatch(
      /• Para empleadores: clave patronal, aportes patronales, avisos de entrada y salida, certificado de obligaciones patronales, planillas de pago\./,
    );
    expect(text.endsWith(SERVICIOS.generalPregunta)).toBe(true);
    expect(choices).toEqual(MENU_OPCIONES);
  });
});

describe('services in the chat', () => {
  let world: DialogWorld;
  beforeAll(async () => {
    world = await createDialogWorld();
  });
  afterAll(async () => world.db.dispose());
  const client = (name: string) => createClient(new MainDialog(world.deps), `servicios-${name}`);

  it.each([...SERVICIOS_SEED, ...EMPLEADOR_SEED])('answers %s specifically: "%s"', async (id, user, fact) => {
    const answer = servicioAnswer(id);
    expect(answer.text).toMatch(fact);
    await playConversation(client(id), [{ user, bot: [{ text: answer.text, options: answer.choices }] }]);
  });

  it.each([
    ['prestamos', 'quiero un prestamo', ['Préstamo quirografario', 'Préstamo hipotecario']],
    [
      'certificados',
      'necesito un certificado',
      ['Certificado de afiliación', 'Certificado de pensionista', 'Certificado de no adeudar', 'Certificado de obligaciones patronales'],
    ],
  ])('narrows the family %s to its members', async (id, user, labels) => {
    expect(grupoDe(id as ServicioId).map((g) => SERVICIO_TEXTOS[g].etiqueta)).toEqual(labels);
    const first = labels[0];
    const member = servicioAnswer(servicioFromLabel(first) as ServicioId);
    await playConversation(client(`grupo-${id}`), [
      { user, bot: [{ text: SERVICIO_TEXTOS[id as ServicioId].texto, options: [...labels, ...MENU_OPCIONES] }] },
      { user: first, bot: [{ text: member.text, options: member.choices }] },
    ]);
  });

  it.each([
    ['clave_patronal', 'olvide la clave patronal'],
    ['clave_patronal', 'como saco la clave patronal por primera vez'],
    ['extension_cobertura_salud', 'como registro a mis hijos en el seguro medico'],
    ['registro_salida_pais', 'soy jubilado y vivo en el exterior, que aviso tengo que hacer'],
    ['prestamo_quirografario', 'que papeles necesito para el prestamo quirografario'],
  ])('answers %s, not a clave journey or a clarification, for "%s"', async (id, user) => {
    const answer = servicioAnswer(id as ServicioId);
    await playConversation(client(`edge-${user}`), [{ user, bot: [{ text: answer.text, options: answer.choices }] }]);
  });

  it('gives the general answer when no service is named', async () => {
    const general = serviciosGeneralAnswer();
    await playConversation(client('general'), [
      { user: 'que servicios hay en linea', bot: [{ text: general.text, options: general.choices }] },
    ]);
  });

  it.each([
    ['the first clave', CLARIFY_LABELS.clave_obtener, [OBTENER.intro, OBTENER.pedirIdentificacion]],
    ['online recovery', CLARIFY_LABELS.clave_recuperar, [RECUPERAR.intro, RECUPERAR.pedirIdentificacion]],
  ])('starts %s when its next-step choice is tapped', async (_name, tap, bot) => {
    const jubilacion = servicioAnswer('jubilacion');
    await playConversation(client(`tap-${_name}`), [
      { user: 'como me jubilo por vejez', bot: [{ text: jubilacion.text, options: jubilacion.choices }] },
      { user: tap, bot },
    ]);
  });

  it('starts online recovery from the desbloqueo answer, and at once when the citizen asks to unblock', async () => {
    const desbloqueo = servicioAnswer('desbloqueo_clave');
    await playConversation(client('tap-desbloqueo'), [
      { user: SERVICIO_TEXTOS.desbloqueo_clave.etiqueta, bot: [{ text: desbloqueo.text, options: desbloqueo.choices }] },
      { user: CLARIFY_LABELS.clave_recuperar, bot: [RECUPERAR.intro, RECUPERAR.pedirIdentificacion] },
    ]);
    await playConversation(client('desbloquear'), [
      { user: 'desbloquear mi clave', bot: [RECUPERAR.intro, RECUPERAR.pedirIdentificacion] },
    ]);
  });
});
