import { isSignOutCommand, looksLikeClave } from '../../dialogs/signin/signInDialog';

describe('isSignOutCommand', () => {
  it.each([
    'cerrar sesión',
    'Cerrar sesion',
    'CERRAR MI SESIÓN',
    'cerrar mi sesion por favor',
    'quiero cerrar la sesión',
    'cierre la sesion',
    'cierra sesión porfa',
    'serrar secion',
    'cerar sesion',
    'cerrar session',
    'salir de mi cuenta',
    'salir de la sesión',
    'quiero salir de mi cuenta, gracias',
    'terminar sesión',
    'logout',
  ])('understands "%s"', (text) => {
    expect(isSignOutCommand(text)).toBe(true);
  });

  it.each([
    '',
    'salir',
    'cerrar',
    'sesión',
    'cerrar mi cuenta',
    'cancelar',
    'quiero ver mis trámites',
    'olvidé mi clave',
    'cuánto tiempo dura la sesión',
    'cómo hago para cerrar la sesión en el portal del iess si estoy en otra computadora prestada',
  ])('does not take "%s" as a sign-out', (text) => {
    expect(isSignOutCommand(text)).toBe(false);
  });
});

describe('looksLikeClave', () => {
  it.each([
    'Litoral2017',
    'litoral2017',
    '0939336715 Litoral2017',
    '0939336715 firulais',
    'mi cédula es 0939336715 y mi clave es Litoral2017',
    'mi clave es firulais',
    'Mi contraseña: perrito',
    'clave=secreta',
    'EC-EXT-0045871 Caracas2016',
    '  Abc12345  ',
  ])('flags "%s"', (text) => {
    expect(looksLikeClave(text)).toBe(true);
  });

  it.each([
    '',
    'hola',
    'ya ingresé',
    'Enviar otro enlace',
    'Cancelar',
    'no tengo clave',
    'olvidé mi clave',
    '0939336715',
    'mi cédula es 0939336715',
    'EC-EXT-0045871',
    'RL-2026-000042',
    'jose.cedeno2017@example.ec',
    'el botón no abre nada',
    '0991234567',
  ])('leaves "%s" alone', (text) => {
    expect(looksLikeClave(text)).toBe(false);
  });
});
