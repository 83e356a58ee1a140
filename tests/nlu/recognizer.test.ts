import { createRecognizer, DEFAULT_MARGIN, DEFAULT_THRESHOLD, INTENTS, type IntentName, type Recognizer } from '../../nlu';
import { decide } from '../../nlu/recognizer';

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

  describe('known weaknesses of the previous model', () => {
    it.each<[string, IntentName]>([
      // one-word greetings and farewells; a goodnight that leaves is a farewell
      ['alo', 'saludo'],
      ['holi', 'saludo'],
      ['buenas', 'saludo'],
      ['holaaa buenas', 'saludo'],
      ['chao pescao', 'despedida'],
      ['nos vemos', 'despedida'],
      ['buenas noches, me voy a dormir', 'despedida'],
      // status questions that name the trámite are estado_tramite
      ['en que va mi reliquidacion', 'estado_tramite'],
      ['como esta mi solicitud de reinsercion', 'estado_tramite'],
      ['ya salio lo de mi reliquidacion?', 'estado_tramite'],
      // the trámite itself, without a status question, stays the trámite
      ['quiero solicitar la reinsercion laboral', 'reinsercion'],
      // short ayuda / cancelar phrasings
      ['q hago', 'ayuda'],
      ['no entiendo', 'ayuda'],
      ['opciones', 'ayuda'],
      ['menu', 'ayuda'],
      ['olvidalo', 'cancelar'],
      ['deja nomas', 'cancelar'],
      ['ya no', 'cancelar'],
      ['salir', 'cancelar'],
      ['no quiero seguir', 'cancelar'],
      // asking for a person
      ['asesor', 'hablar_agente'],
      ['operador', 'hablar_agente'],
      ['una persona real', 'hablar_agente'],
      ['quiero hablar con alguien', 'hablar_agente'],
      ['comuniqueme con un humano', 'hablar_agente'],
      // citizens' words
      ['olvide mi contraseña', 'clave_recuperar'],
      ['me bloquearon el usuario', 'clave_recuperar'],
      ['no me deja entrar a la pagina del iess', 'clave_recuperar'],
      ['soy de montepio y nunca he tenido clave', 'clave_obtener'],
      ['soy jubilado y quiero que reliquiden la pension', 'reliquidacion'],
      ['soy patrono, necesito la clave patronal', 'info_servicio'],
      ['el seguro me puede dar un prestamo', 'info_servicio'],
      // short answers to "¿obtener su clave por primera vez o recuperarla?"
      ['la primera vez', 'clave_obtener'],
      ['recuperarla', 'clave_recuperar'],
    ])('%s → %s', (text, intent) => {
      expect(recognizer.recognize(text).intent).toBe(intent);
    });

    // A citizen answering a question with "no sé" is not cancelling: these ask for help (the dialog
    // then explains the step it is on), unless they name what they do not remember.
    it.each(['no sé', 'no se', 'nose', 'ni idea', 'no me acuerdo', 'no lo se'])('"%s" is ayuda, never cancelar', (text) => {
      const r = recognizer.recognize(text);
      expect(r.intent).toBe('ayuda');
      expect(r.ranking[0].intent).not.toBe('cancelar');
    });

    it('"no me acuerdo de mi contraseña" is still clave_recuperar', () => {
      expect(recognizer.recognize('no me acuerdo de mi contraseña').intent).toBe('clave_recuperar');
    });
  });

  it('marks text it cannot read as unknown fuera_de_dominio', () => {
    const r = recognizer.recognize('xyzzy plugh qwerty');
    expect(r).toMatchObject({ intent: 'fuera_de_dominio', status: 'unknown' });
  });

  it('ranks both clave intents first for a bare "clave"', () => {
    const r = recognizer.recognize('clave');
    expect(
      r.ranking
        .slice(0, 2)
        .map((x) => x.intent)
        .sort(),
    ).toEqual(['clave_obtener', 'clave_recuperar']);
  });

  it('reports ambiguity between close in-domain intents, keeping both in the ranking', () => {
    const ranked = [
      { intent: 'clave_recuperar' as const, score: 0.5 },
      { intent: 'clave_obtener' as const, score: 0.4 },
      { intent: 'requisitos' as const, score: 0.1 },
    ];
    expect(decide(ranked, DEFAULT_THRESHOLD, DEFAULT_MARGIN)).toEqual({ intent: 'clave_recuperar', score: 0.5, status: 'ambiguous' });
    expect(decide([ranked[0], { intent: 'fuera_de_dominio', score: 0.4 }, ranked[2]], DEFAULT_THRESHOLD, DEFAULT_MARGIN).status).toBe('ok');
    expect(
      decide(
        [
          { intent: 'ayuda', score: 0.3 },
          { intent: 'fuera_de_dominio', score: 0.25 },
        ],
        DEFAULT_THRESHOLD,
        DEFAULT_MARGIN,
      ),
    ).toEqual({
      intent: 'fuera_de_dominio',
      score: 0.7,
      status: 'unknown',
    });
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
