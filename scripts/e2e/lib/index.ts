/**
 * The n8n launcher library shared by `npm run test:e2e` and `npm run demo`.
 *
 * - install.ts      ensureNode24(), ensureN8n(version): cached installs under $ZTS_N8N_CACHE
 *                   (default ~/.cache/zts-n8n); N8N_VERSIONS = the pinned versions.
 * - package.ts      buildAndPack({outDir}) → tarball; installPackage(userFolder, tarball, runtime).
 * - credentials.ts  simTokens(), zohoCredential(), smtpCredential(), fixed credential ids.
 * - templates.ts    prepareTemplates(values): templates/*.json with placeholders replaced and ids.
 * - n8n.ts          prepareN8n(): ports, env, `cli([...])`, `start()` → N8nProcess; freePort().
 * - api.ts          N8nClient: ownerLogin(), createApiKey(), activate()/deactivate(), executions().
 * - launch.ts       launchN8n(options): all of the above in order → LaunchedN8n (stop(), kill()).
 * - proc.ts         installExitHandlers(cleanup), killAllChildren(): no child outlives the script.
 */
export * from './api';
export * from './credentials';
export * from './install';
export * from './launch';
export * from './n8n';
export * from './package';
export * from './proc';
export * from './templates';
