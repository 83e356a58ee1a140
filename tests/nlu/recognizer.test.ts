import { createRecognizer, INTENTS, type IntentName, type Recognizer } from '../../nlu';

let recognizer: Recognizer;
beforeAll(() => {
  recognizer = createRecognizer();
});

describe('intent classification', () => {
  it.each<[string, IntentName]>([
    ['hola buenas tardes', 'saludo'],
    ['buenos dias', 'saludo'],
    ['chao, hasta luego', 'despedida'],
    ['muchas gracias por la ayuda', 'agradecimiento'],
    ['que puedes hacer', 'ayuda'],
    ['cancela eso, ya no quiero', 'cancelar'],
    ['quiero hablar con un asesor', 'hablar_agente'],
    ['nunca he tenido clave, como la saco por primera vez', 'clave_obtener'],
    ['olvide mi clave y no puedo entrar', 'clave_recuperar'],
    ['se me bloqueo la clave', 'clave_recuperar'],
    ['que documentos necesito para la reinsercion', 'requisitos'],
    ['quiero solicitar la reliquidacion de mi pension', 'reliquidacion'],
    ['quiero volver a trabajar, tengo incapacidad permanente total', 'reinsercion'],
    ['ya me respondieron lo de la reinsercion?', 'estado_tramite'],
    ['rl 2026 42 como va', 'estado_tramite'],
    ['quiero ver mi historial laboral', 'info_servicio'],
    ['cual es el telefono del iess', 'contacto'],
    ['quien gano el partido de futbol', 'fuera_de_dominio'],
  ])('%s → %s', (text, intent) => {
    expect(recognizer.recognize(text).intent).toBe(intent);
  });

  it('marks text it cannot read as unknown fuera_de_dominio', () => {
    const r = recognizer.recognize('xyzzy plugh qwerty');
    expect(r).toMatchObject({ intent: 'fuera_de_dominio', status: 'unknown' });
  });

  it('reports ambiguity between close intents with both in the ranking', () => {
    const r = recognizer.recognize('requisitos para recuperar la clave');
    expect(r.status).toBe('ambiguous');
    expect(r.ranking.map((x) => x.intent)).toEqual(expect.arrayContaining(['clave_recuperar', 'requisitos']));
  });

  it('returns a calibrated top-3 ranking of known intents, best first', () => {
    const r = recognizer.recognize('olvide mi clave');
    expect(r.ranking).toHaveLength(3);
    expect(r.ranking.every((x) => INTENTS.includes(x.intent) && x.score >= 0 && x.score <= 1)).toBe(true);
    expect(r.ranking[0].score).toBeGreaterThanOrEqual(r.ranking[1].score);
    expect(r).toMatchObject({ status: 'ok', intent: 'clave_recuperar', score: r.ranking[0].score });
  });

  it('honours a stricter threshold', () => {
    const strict = createRecognizer({ threshold: 0.999999, margin: 0 });
    expect(strict.recognize('me puede orientar un poco').status).toBe('unknown');
  });
});

describe('entities in recognize()', () => {
  it('extracts tramite, case number and servicio with positions', () => {
    const text = 'como va mi reliquidacion RL-2026-000042, y tambien quiero un prestamo quirografario';
    const r = recognizer.recognize(text);
    const byType = Object.fromEntries(r.entities.map((e) => [e.type, e]));
    expect(byType.tramite).toMatchObject({ value: 'reliquidacion', text: 'reliquidacion' });
    expect(byType.numero_caso).toMatchObject({ value: 'RL-2026-000042', text: 'RL-2026-000042' });
    expect(byType.servicio).toMatchObject({ value: 'prestamo_quirografario' });
    for (const e of r.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it.each([
    ['mi cedula es 1714307103', 'cedula', '1714307103'],
    ['EC EXT 0045871', 'codigo_extranjero', 'EC-EXT-0045871'],
    ['naci el 3 de abril de 1988', 'fecha', '1988-04-03'],
    ['el 03/04', 'fecha', '04-03'],
    ['escriban a Jose.Cedeno@Example.ec', 'email', 'jose.cedeno@example.ec'],
    ['mi cel es 099 123 4502', 'telefono', '+593991234502'],
    ['sí, claro', 'confirmacion', 'si'],
    ['nop', 'confirmacion', 'no'],
    ['olvide mi contraseña', 'tramite', 'clave'],
    ['requisitos para la reinsercion', 'tramite', 'reinsercion'],
    ['reliquidasion de pension', 'tramite', 'reliquidacion'],
    ['certificado de no adeudar', 'servicio', 'certificado_no_adeudar'],
    ['necesito la clave patronal', 'servicio', 'clave_patronal'],
    ['cuanto tengo en fondos de reseva', 'servicio', 'fondos_reserva'],
  ])('%s → %s %s', (text, type, value) => {
    expect(recognizer.recognize(text).entities).toContainEqual(expect.objectContaining({ type, value }));
  });

  it('does not read "clave patronal" as the trámite clave', () => {
    const types = recognizer.recognize('necesito la clave patronal').entities.map((e) => e.type);
    expect(types).not.toContain('tramite');
  });
});
