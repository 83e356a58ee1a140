import fs from 'node:fs';
import path from 'node:path';
import { SEARCH_COMMAND_ID } from '../../bot/agents/caseDesk';

const DIR = path.join(__dirname, '..', '..', 'teams');
const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as {
  manifestVersion: string;
  validDomains: string[];
  icons: { color: string; outline: string };
  bots: { scopes: string[] }[];
  composeExtensions: { commands: { id: string; type: string; parameters: { name: string }[] }[] }[];
};

/** PNG width and height from the IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = fs.readFileSync(path.join(DIR, file));
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('Teams app manifest (teams/manifest.json)', () => {
  it('declares the bot in personal scope and in team scope (the handoff queue card goes to a call-centre channel), only iess.gob.ec as valid domain', () => {
    expect(manifest.bots.map((b) => b.scopes)).toEqual([['personal', 'team']]);
    expect(manifest.validDomains).toEqual(['iess.gob.ec']);
  });

  it('declares the search message extension the case desk answers', () => {
    const [command] = manifest.composeExtensions[0].commands;
    expect(command).toMatchObject({ id: SEARCH_COMMAND_ID, type: 'query' });
    expect(command.parameters.map((p) => p.name)).toEqual(['busqueda']);
  });

  it('ships the icons Teams requires: 192×192 colour, 32×32 outline', () => {
    expect(pngSize(manifest.icons.color)).toEqual([192, 192]);
    expect(pngSize(manifest.icons.outline)).toEqual([32, 32]);
  });
});
