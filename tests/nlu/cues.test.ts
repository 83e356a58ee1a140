import { detectPreguntas, employerNotApproving, isInsult, looksEnglish, mentionsJubilado, mentionsRelative } from '../../nlu';

describe('cues of issue 10', () => {
  it.each([
    ['¿cuánto cuesta?', ['costo']],
    ['es gratis el tramite?', ['costo']],
    ['¿y el horario?', ['horario']],
    ['¿y si soy extranjero?', ['extranjero']],
    ['no tengo cédula', ['extranjero']],
    ['¿qué papeles llevo?', ['documentos']],
    ['¿se puede hacer en persona?', ['presencial']],
    ['¿cuánto cuesta y qué papeles llevo?', ['costo', 'documentos']],
    ['quiero hablar con una persona', []],
    ['requisitos de la reliquidacion', []],
  ])('finds the follow-up kinds of "%s"', (text, kinds) => {
    expect(detectPreguntas(text)).toEqual(kinds);
  });

  it.each([
    ['Hello, how can I reset my password?', true],
    ['hi I need help with my pension please', true],
    ['Do you speak English?', true],
    ['hola, como recupero mi clave', false],
    ['ok', false],
    ['necesito el email del iess', false],
    ['mi clave es de 8 digitos', false],
  ])('reads "%s" as English: %s', (text, english) => {
    expect(looksEnglish(text)).toBe(english);
  });

  it.each([
    ['son unos inútiles', true],
    ['¡ladrones!', true],
    ['no sirven para nada', true],
    ['me atendieron mal', false],
    ['no me sirve el certificado', false],
  ])('reads "%s" as an insult: %s', (text, insult) => {
    expect(isInsult(text)).toBe(insult);
  });

  it('finds relatives, an employer that does not approve, and pensioners', () => {
    expect(mentionsRelative('que le suban la pensión a mi suegro')).toBe(true);
    expect(mentionsRelative('quiero subir mi pensión')).toBe(false);
    expect(employerNotApproving('mi jefe no me aprueba la solicitud de clave')).toBe(true);
    expect(employerNotApproving('mi empleador no firma la solicitud')).toBe(true);
    expect(employerNotApproving('mi jefe me aprobó la solicitud')).toBe(false);
    expect(mentionsJubilado('soy jubilada')).toBe(true);
    expect(mentionsJubilado('jubilación por vejez')).toBe(false);
  });
});
