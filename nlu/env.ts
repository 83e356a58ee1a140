/**
 * Side-effect module imported before anything that may load `natural`:
 * natural 8 pulls in dotenv, which prints a banner unless told to be quiet.
 * Keeping stdout clean matters because the CLIs print JSON lines.
 */
process.env.DOTENV_CONFIG_QUIET ??= 'true';

/** Marker export so the module can be imported for its side effect under strict settings. */
export const QUIET_DOTENV = true;
