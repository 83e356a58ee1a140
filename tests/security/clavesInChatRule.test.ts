import { carriesClave, isClaveWord, statesClave } from '../../dialogs/shared/claveInChat';

describe('carriesClave: seed 004’s rule (8 or more letters and digits) and stated claves', () => {
  it.each([
    'Litoral2017',
    'litoral2017.',
    'Caracas2016',
    '"Ambato2015"',
    '0939336715 Litoral2017',
    'EC-EXT-0045871 Caracas2016',
    'mi clave es Litoral2017',
    'Mi clave es firulais',
    'mi contraseña es perrito123',
    'la clave: abc',
    'Mi contraseña: perrito',
    'clave=secreta',
    'mi clave del IESS es Quito2020',
    'creo que mi clave es Loja2019abc, no entra',
    'password: hunter2',
  ])('flags "%s"', (text) => {
    expect(carriesClave(text)).toBe(true);
  });

  it.each([
    '',
    'hola',
    'olvidé mi clave',
    'mi clave es incorrecta',
    'mi clave es muy larga',
    'la clave es para el portal?',
    'no tengo clave',
    'quiero recuperar mi contraseña',
    'RL-2026-000042',
    'rl2026000042',
    'RI-2025-000317',
    'EC-EXT-0045871',
    'ECEXT0045871',
    '0939336715',
    'mi cédula es 0939336715',
    'jose.cedeno2017@example.ec',
    'ana.nueva2026@example.ec',
    '0991234567',
    '+593 99 123 4567',
    '21/11/1976',
    '21 de noviembre',
    '1976',
    'requisitos para la reliquidación',
    'Pesquera Manabí S.A.',
    'Colegio Nacional Mejía',
    'Tungurahua',
    'https://www.iess.gob.ec/portal2026',
    'Quiero volver a trabajar como bodeguero en una ferretería de Ambato.',
  ])('leaves "%s" alone', (text) => {
    expect(carriesClave(text)).toBe(false);
  });

  it('needs letters and digits and at least 8 characters', () => {
    expect([isClaveWord('Abc12345'), isClaveWord('Abc1234'), isClaveWord('abcdefgh'), isClaveWord('12345678')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('reads a statement only when a clave follows it', () => {
    expect([statesClave('mi clave es Firulais'), statesClave('mi clave es nueva'), statesClave('la clave = x')]).toEqual([
      true,
      false,
      true,
    ]);
  });
});
