import {
  isValidCedula,
  isValidCodigoExtranjero,
  normalizeForMatch,
  parseCaseNumber,
  parseDayMonth,
  parseEmail,
  parseIdentificacion,
  parsePhone,
  parseYesNo,
} from '../../nlu';

// Cédulas of the demo fixture (/work/shared/fixtures/demo-afiliados.json), copied so tests do not read shared files.
const DEMO_CEDULAS = [
  '1744180744',
  '0939336715',
  '0145878195',
  '1849579501',
  '1311108789',
  '0713578797',
  '1147829814',
  '2314944220',
  '1002136172',
  '0629934787',
];

describe('isValidCedula', () => {
  it.each([['1714307103'], ['0602910945'], ['0926687856'], [' 1714307103 '], ...DEMO_CEDULAS.map((c) => [c])])('accepts %s', (c) => {
    expect(isValidCedula(c)).toBe(true);
  });
  it.each([
    ['1714307104', 'check digit'],
    ['1784307108', 'third digit 8'],
    ['8814307107', 'province 88'],
    ['171430710', 'nine digits'],
    ['17143071033', 'eleven digits'],
    ['171430710-3', 'separator (not exact)'],
    ['abcdefghij', 'letters'],
  ])('rejects %s (%s)', (c) => {
    expect(isValidCedula(c)).toBe(false);
  });
});

describe('isValidCodigoExtranjero', () => {
  it.each(['EC-EXT-0045871', 'ec-ext-0045871', 'EC EXT 0045871', 'ecext0045871', ' Ec-Ext 0045871 '])('accepts %s', (c) => {
    expect(isValidCodigoExtranjero(c)).toBe(true);
  });
  it.each(['EC-EXT-45871', 'EC-EXT-00458711', 'EX-EXT-0045871', 'EC-0045871'])('rejects %s', (c) => {
    expect(isValidCodigoExtranjero(c)).toBe(false);
  });
});

describe('parseIdentificacion', () => {
  it.each([
    ['mi cedula es 1714307103', { kind: 'cedula', value: '1714307103' }],
    ['CI: 171430710-3 gracias', { kind: 'cedula', value: '1714307103' }],
    ['soy extranjera, mi codigo es ec ext 0045871', { kind: 'codigo_extranjero', value: 'EC-EXT-0045871' }],
    ['cedula 0926687856', { kind: 'cedula', value: '0926687856' }],
  ])('%s', (text, expected) => {
    expect(parseIdentificacion(text)).toEqual(expected);
  });
  it.each(['mi cedula es 1714307104', 'no tengo cedula', 'mi celular es 0991234501', 'RL-2026-000042'])('finds nothing in %s', (text) => {
    expect(parseIdentificacion(text)).toBeUndefined();
  });
});

describe('parseCaseNumber', () => {
  it.each([
    ['RL-2026-000042', 'RL-2026-000042'],
    ['rl 2026 42', 'RL-2026-000042'],
    ['mi caso es ri-2025-000317, que paso?', 'RI-2025-000317'],
    ['cl2026000015', 'CL-2026-000015'],
    ['Rl_2026_42', 'RL-2026-000042'],
  ])('%s → %s', (text, expected) => {
    expect(parseCaseNumber(text)).toBe(expected);
  });
  it.each(['XX-2026-000042', 'rl 26 42', 'mi tramite', 'RL-2026-0000421'])('finds nothing in %s', (text) => {
    expect(parseCaseNumber(text)).toBeUndefined();
  });
});

describe('parseDayMonth', () => {
  it.each([
    ['3 de abril', { day: 3, month: 4 }],
    ['nací el 03/04', { day: 3, month: 4 }],
    ['tres de abril de 1988', { day: 3, month: 4, year: 1988 }],
    ['el 21 de noviembre del 57', { day: 21, month: 11, year: 1957 }],
    ['03/04/1988', { day: 3, month: 4, year: 1988 }],
    ['3-4-1988', { day: 3, month: 4, year: 1988 }],
    ['1988-04-03', { day: 3, month: 4, year: 1988 }],
    ['primero de mayo', { day: 1, month: 5 }],
    ['treinta y uno de diciembre', { day: 31, month: 12 }],
    ['14 febreo', { day: 14, month: 2 }],
    ['9 de setiembre', { day: 9, month: 9 }],
    ['25 de mayo de mil novecientos ochenta y cinco', { day: 25, month: 5, year: 1985 }],
    ['29 de febrero', { day: 29, month: 2 }],
  ])('%s', (text, expected) => {
    expect(parseDayMonth(text)).toEqual(expected);
  });
  it.each(['31 de febrero', '29/02/1987', '32 de enero', '3.4', 'el caso RL-2026-000042', 'abril', 'hola'])('rejects %s', (text) => {
    expect(parseDayMonth(text)).toBeUndefined();
  });
});

describe('parseYesNo', () => {
  it.each([
    ['si', true],
    ['sí', true],
    ['Sí, claro', true],
    ['siii', true],
    ['dale', true],
    ['correcto', true],
    ['ajá', true],
    ['simon', true],
    ['ok', true],
    ['claro que si', true],
    ['si por favor', true],
    ['de acuerdo', true],
    ['por supuesto', true],
    ['no', false],
    ['nop', false],
    ['No, gracias', false],
    ['nel', false],
    ['para nada', false],
    ['negativo', false],
    ['mmm no', false],
  ])('%s → %s', (text, expected) => {
    expect(parseYesNo(text)).toBe(expected);
  });
  it.each(['no puedo entrar a mi cuenta', 'olvide mi clave', 'tal vez', 'hola'])('no answer in %s', (text) => {
    expect(parseYesNo(text)).toBeUndefined();
  });
});

describe('parseEmail', () => {
  it.each([
    ['mi correo es Maria.Guaman@Example.EC.', 'maria.guaman@example.ec'],
    ['jose_cedeno+iess@mail.example.ec', 'jose_cedeno+iess@mail.example.ec'],
    ['ana.zambrano arroba example.ec', 'ana.zambrano@example.ec'],
  ])('%s → %s', (text, expected) => {
    expect(parseEmail(text)).toBe(expected);
  });
  it.each(['maria@', 'sin correo', '@example.ec'])('finds nothing in %s', (text) => {
    expect(parseEmail(text)).toBeUndefined();
  });
});

describe('parsePhone', () => {
  it.each([
    ['mi celular es 0991234501', '+593991234501'],
    ['099 123 4501', '+593991234501'],
    ['+593 99 123 4501', '+593991234501'],
    ['593991234501', '+593991234501'],
    ['llame al 02-2345678', '+59322345678'],
    ['(02) 394 5666', '+59323945666'],
    ['593-2-3945666', '+59323945666'],
    ['593 23945666', '+59323945666'],
    ['telefono 0926687856', '+593926687856'],
  ])('%s → %s', (text, expected) => {
    expect(parsePhone(text)).toBe(expected);
  });
  it.each(['1234567', 'mi cedula es 0926687856', 'RL-2026-000042', '03/04/1988', '0812345678'])('finds nothing in %s', (text) => {
    expect(parsePhone(text)).toBeUndefined();
  });
});

describe('normalizeForMatch', () => {
  it.each([
    ['  Colegio  Nacional MEJÍA ', 'colegio nacional mejia'],
    ['Portoviejo.', 'portoviejo'],
    ['Peña', 'pena'],
    ['Santo\tDomingo', 'santo domingo'],
  ])('%s → %s', (text, expected) => {
    expect(normalizeForMatch(text)).toBe(expected);
  });
});

describe('"no sé" is not a yes/no answer', () => {
  it.each(['no sé', 'no se', 'ni idea', 'no me acuerdo'])('%s → undefined', (text) => {
    expect(parseYesNo(text)).toBeUndefined();
  });
});
