// n8n-core's InstanceSettings writes an encryption key under N8N_USER_FOLDER (default $HOME/.n8n).
// Give every jest worker a throwaway folder so tests never touch the developer's n8n.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
if (!process.env.N8N_USER_FOLDER) process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'zts-n8n-'));
