// Lint = the n8n community-node rules (what n8n's scanner runs on published packages) plus TypeScript rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const nodesBase = (config) => ({ plugins: { 'n8n-nodes-base': n8nNodesBase }, rules: config.rules });

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, ...tseslint.configs.recommended],
		rules: { 'no-console': 'error' },
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		...n8nCommunityNodesPlugin.configs.recommended,
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		...nodesBase(n8nNodesBase.configs.community),
	},
	{
		files: ['credentials/**/*.ts'],
		...nodesBase(n8nNodesBase.configs.credentials),
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		...nodesBase(n8nNodesBase.configs.nodes),
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{
		// Tests, the simulator and scripts run on Node: timers, process and console are theirs to use.
		files: ['test/**/*.ts', 'scripts/**/*.ts'],
		rules: { 'no-console': 'off' },
	},
);
