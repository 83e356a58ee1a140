import { createLogger, maskIdentifier, maskText } from '../../bot/logger';

describe('logger masking', () => {
  it.each([
    ['1714307103', '17*******3'],
    ['EC-EXT-0045871', 'EC***********1'],
  ])('masks identifier %s', (value, masked) => {
    expect(maskIdentifier(value)).toBe(masked);
  });

  it('masks cédulas and e-mails inside free text', () => {
    expect(maskText('cédula 1714307103, correo jose.cedeno@example.ec')).toBe('cédula 17*******3, correo j***@example.ec');
  });

  it('hides secret fields and masks the rest of a log line', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', (l) => lines.push(l));
    logger.info('evento', { cedula: '0939336715', clave: 'Litoral2017', token: 'abc', nested: { respuesta: 'Firulais' } });
    const line = lines[0];
    expect(line).not.toContain('0939336715');
    expect(line).not.toContain('Litoral2017');
    expect(line).not.toContain('Firulais');
    expect(JSON.parse(line)).toMatchObject({ event: 'evento', cedula: '09*******5', clave: '[oculto]', token: '[oculto]' });
  });

  it('drops lines below the level', () => {
    const lines: string[] = [];
    createLogger('warn', (l) => lines.push(l)).info('x');
    expect(lines).toHaveLength(0);
  });

  it('writes one JSON line with a level label, an ISO time and the event', () => {
    const lines: string[] = [];
    createLogger('info', (l) => lines.push(l)).warn('solo.evento');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const parsed = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(parsed).toMatchObject({ level: 'warn', event: 'solo.evento' });
    expect(new Date(String(parsed.time)).toISOString()).toBe(parsed.time);
    expect(parsed).not.toHaveProperty('pid');
    expect(parsed).not.toHaveProperty('hostname');
    createLogger('info', (l) => lines.push(l)).info('con.campos', { reason: 'browser' });
    expect(lines[1]).toMatch(/^\{"level":"info","time":"[^"]+","event":"con\.campos","reason":"browser"\}$/);
  });

  it('hides secrets at any depth and under any name that contains a secret word', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', (l) => lines.push(l));
    logger.info('evento', {
      a: { b: { c: { password: 'Profundo1', appSecret: 'SecretoX', accessToken: 'TokY' } } },
      list: [{ authorization: 'Bearer abc.def' }, { respuestaSeguridad: 'Firulais' }],
      MicrosoftAppPassword: 'pw-azure',
    });
    const line = lines[0];
    for (const secret of ['Profundo1', 'SecretoX', 'TokY', 'Bearer abc.def', 'Firulais', 'pw-azure']) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line)).toMatchObject({
      a: { b: { c: { password: '[oculto]', appSecret: '[oculto]', accessToken: '[oculto]' } } },
      list: [{ authorization: '[oculto]' }, { respuestaSeguridad: '[oculto]' }],
      MicrosoftAppPassword: '[oculto]',
    });
  });

  it('writes errors as name and masked message, without the stack, also when nested', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', (l) => lines.push(l));
    const failure = new TypeError('no existe 1714307103 (jose.cedeno@example.ec)');
    logger.error('fallo', { err: failure, error: failure, context: { cause: new RangeError('cédula 0939336715') } });
    const line = lines[0];
    expect(line).not.toContain('1714307103');
    expect(line).not.toContain('jose.cedeno');
    expect(line).not.toContain('0939336715');
    expect(line).not.toContain('at ');
    const masked = { name: 'TypeError', message: 'no existe 17*******3 (j***@example.ec)' };
    expect(JSON.parse(line)).toEqual({
      level: 'error',
      time: expect.any(String),
      event: 'fallo',
      err: masked,
      error: masked,
      context: { cause: { name: 'RangeError', message: 'cédula 09*******5' } },
    });
  });
});
