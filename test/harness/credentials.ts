import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

/**
 * Serves test credentials to n8n-core and keeps what n8n writes back (a refreshed OAuth token),
 * as n8n's database would. `oauthUpdates` counts those writes.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	oauthUpdates = 0;

	constructor(public data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(name: string): string[] {
		return name.endsWith('OAuth2Api') ? ['oAuth2Api'] : [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(_c: ICredentialDataDecryptedObject, _t: string, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return options;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by the engine harness');
	}

	async getDecrypted(_ad: unknown, _nc: unknown, type: string): Promise<ICredentialDataDecryptedObject> {
		const found = this.data[type];
		if (!found) throw new Error(`no test credential of type ${type}`);
		return structuredClone(found);
	}

	async updateCredentials(_nc: unknown, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.data[type] = structuredClone(data);
	}

	async updateCredentialsOauthTokenData(_nc: unknown, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.oauthUpdates++;
		this.data[type] = structuredClone(data);
	}

	getCredentialsProperties(): INodeProperties[] {
		return [];
	}
}
