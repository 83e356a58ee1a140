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
});
