/** Keeps dotenv (loaded by natural) from printing its banner into test output. */
process.env.DOTENV_CONFIG_QUIET = 'true';
