import { ConfigError, loadConfig } from '../../bot/config';

/** TEAMS_TENANT_ID: the one tenant whose staff may use the agents' side; a GUID, kept in lower case. */
describe('TEAMS_TENANT_ID', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['7A1C2E3F-0B4D-4E5F-9A6B-1C2D3E4F5A6B', '7a1c2e3f-0b4d-4e5f-9a6b-1c2d3e4f5a6b'],
  ])('%p gives %p', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { TEAMS_TENANT_ID: value }).teamsTenantId).toBe(expected);
  });

  it('refuses a value that is not a GUID, naming the variable', () => {
    expect(() => loadConfig({ TEAMS_TENANT_ID: 'iess.gob.ec' })).toThrow(ConfigError);
    expect(() => loadConfig({ TEAMS_TENANT_ID: 'iess.gob.ec' })).toThrow(/TEAMS_TENANT_ID/);
  });
});
