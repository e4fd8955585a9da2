'use strict';
// The ten core checks of mwconform (the bench's tag expression), written with Wikimedia's api-testing and mocha:
// the same requests and the same conditions, including "the account exists" and "no account was created"
// through list=users and list=logevents. MediaWiki 1.39's known deviations (notoken, badtoken) are accepted
// exactly as mwconform's expectations file accepts them.
const { action, assert, utils } = require('api-testing');

const FRESH = () => `Benchjs-${utils.uniq(12)}`;
const PASSWORD = () => `Bench-${utils.uniq(10)}-${utils.uniq(10)}!`;
const RETURN_URL = 'http://127.0.0.1/';

/** The fields every announced request asks for, merged (as mwconform's client merges them). */
function announcedFields(info) {
	const fields = {};
	for (const r of info.requests) {
		Object.assign(fields, r.fields);
	}
	return fields;
}

async function fieldsAndToken(client) {
	const info = await client.meta('authmanagerinfo', { amirequestsfor: 'create' });
	const token = await client.token('createaccount');
	return { fields: announcedFields(info), token };
}

/** Every announced field filled the way mwconform fills them: username, password, retype, email, realname. */
function form(fields, token, overrides) {
	const f = {};
	for (const name of Object.keys(fields)) {
		if (name === 'username') f.username = overrides.username;
		else if (name === 'password') f.password = overrides.password;
		else if (name === 'retype') f.retype = overrides.password;
		else if (name === 'email') f.email = '';
		else if (name === 'realname') f.realname = '';
	}
	return { createtoken: token, createreturnurl: RETURN_URL, ...f, ...overrides };
}

async function create(client, params) {
	const res = await client.request({ action: 'createaccount', ...params }, true);
	assert.equal(res.status, 200);
	return res.body;
}

async function accountExists(client, username) {
	const users = await client.list('users', { ususers: username });
	return users.length === 1 && users[0].missing === undefined && users[0].userid > 0;
}

async function assertNoAccount(client, username) {
	assert.isFalse(await accountExists(client, username), `no account ${ username }`);
}

async function assertRejected(client, body, code, info, username, deviation) {
	assert.exists(body.error, JSON.stringify(body));
	const accepted = deviation ? [code, deviation.code] : [code];
	assert.include(accepted, body.error.code);
	if (body.error.code === code && !(deviation && deviation.info)) {
		assert.equal(body.error.info, info);
	}
	await assertNoAccount(client, username);
}

describe('the ten core checks', function () {
	it('token-issued', async () => {
		const client = action.getAnon();
		const tokens = await client.meta('tokens', { type: 'createaccount' });
		assert.match(tokens.createaccounttoken, /^[0-9a-f]{32,}\+\\$/);
	});

	it('authmanagerinfo-describes-fields', async () => {
		const client = action.getAnon();
		const info = await client.meta('authmanagerinfo', { amirequestsfor: 'create' });
		assert.property(info, 'cancreateaccounts');
		for (const r of info.requests) {
			for (const key of ['id', 'required', 'provider', 'account', 'fields']) {
				assert.property(r, key);
			}
		}
		for (const name of ['username', 'password', 'retype', 'email']) {
			assert.property(announcedFields(info), name);
		}
	});

	it('create-account-pass', async () => {
		const client = action.getAnon();
		const { fields, token } = await fieldsAndToken(client);
		const username = FRESH();
		const body = await create(client, form(fields, token, { username, password: PASSWORD() }));
		assert.equal(body.createaccount.status, 'PASS', JSON.stringify(body));
		assert.equal(body.createaccount.username, username);
		assert.isTrue(await accountExists(client, username));
		const log = await client.list('logevents', { letype: 'newusers', letitle: `User:${ username }` });
		assert.lengthOf(log, 1);
		assert.equal(log[0].action, 'create');
	});

	it('badretype', async () => {
		const client = action.getAnon();
		const { fields, token } = await fieldsAndToken(client);
		const username = FRESH();
		const body = await create(client, { ...form(fields, token, { username, password: PASSWORD() }), retype: PASSWORD() });
		assert.equal(body.createaccount.status, 'FAIL');
		assert.equal(body.createaccount.messagecode, 'badretype');
		await assertNoAccount(client, username);
	});

	it('userexists', async () => {
		const client = action.getAnon();
		const { fields, token } = await fieldsAndToken(client);
		const username = FRESH();
		const first = await create(client, form(fields, token, { username, password: PASSWORD() }));
		assert.equal(first.createaccount.status, 'PASS');
		const again = await create(client, form(fields, await client.token('createaccount'), { username, password: PASSWORD() }));
		assert.equal(again.createaccount.status, 'FAIL');
		assert.equal(again.createaccount.messagecode, 'userexists');
	});

	it('invalidemailaddress-no-at', async () => {
		const client = action.getAnon();
		const { fields, token } = await fieldsAndToken(client);
		const username = FRESH();
		const body = await create(client, form(fields, token, { username, password: PASSWORD(), email: 'not-an-email', realname: '' }));
		assert.equal(body.createaccount.status, 'FAIL');
		assert.equal(body.createaccount.messagecode, 'invalidemailaddress');
		await assertNoAccount(client, username);
	});

	it('badtoken', async () => {
		const client = action.getAnon();
		const { fields } = await fieldsAndToken(client);
		const username = FRESH();
		const body = await create(client, form(fields, 'not-a-token+\\', { username, password: PASSWORD() }));
		await assertRejected(client, body, 'badtoken', 'Invalid create account token', username, { code: 'badtoken', info: true });
	});

	it('notoken', async () => {
		const client = action.getAnon();
		const { fields, token } = await fieldsAndToken(client);
		const username = FRESH();
		const params = form(fields, token, { username, password: PASSWORD() });
		delete params.createtoken;
		const body = await create(client, params);
		await assertRejected(client, body, 'notoken', 'The token parameter must be set.', username, { code: 'missingparam', info: true });
	});

	it('mustpostparams', async () => {
		const client = action.getAnon();
		const { fields, token } = await fieldsAndToken(client);
		const username = FRESH();
		const params = form(fields, token, { username, password: PASSWORD() });
		delete params.createtoken;
		const res = await client.req.post(`/api.php?createtoken=${ encodeURIComponent(token) }`).type('form')
			.send({ action: 'createaccount', format: 'json', ...params });
		await assertRejected(client, res.body, 'mustpostparams',
			'The following parameter was found in the query string, but must be in the POST body: createtoken.', username);
	});

	it('missingparam', async () => {
		const client = action.getAnon();
		const { fields, token } = await fieldsAndToken(client);
		const username = FRESH();
		const params = form(fields, token, { username, password: PASSWORD() });
		delete params.createreturnurl;
		const body = await create(client, params);
		await assertRejected(client, body, 'missingparam',
			'At least one of the parameters "createcontinue" and "createreturnurl" is required.', username);
	});
});
