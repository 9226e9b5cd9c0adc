// One describe block's browser and fixture server: started before its first test, closed after
// its last, so each test file says only which browser it wants and how.
import { after, before } from 'node:test';
import { startServer } from './server.mjs';

/**
 * Registers the enclosing describe's hooks: a fixture server, then `launch(options)`, then
 * `setup(env)` if given (pages a whole describe shares). Returns `env`, whose `server` and
 * `browser` are set once the hooks have run; both are closed after the last test.
 */
export function withBrowser(launch, options = {}, setup = null) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launch(options);
    if (setup) await setup(env);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
