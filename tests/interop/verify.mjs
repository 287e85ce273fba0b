// Verify a skillpath credential with independent, widely used implementations, offline.
// Usage: node verify.mjs CREDENTIAL(.json|.jwt) ISSUER_KEYS.json STATUS_LIST.json CONTEXTS_DIR
// Prints {"verified": bool, "revoked": bool|null, "errors": [...]} as JSON.
import fs from 'fs';
import path from 'path';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import multikeyContext from '@digitalbazaar/multikey-context';
import didContext from 'did-context';
import * as jose from 'jose';

const [credentialFile, keysFile, statusFile, contextsDir] = process.argv.slice(2);
const read = file => fs.readFileSync(file, 'utf8');
const keys = JSON.parse(read(keysFile));
const statusList = JSON.parse(read(statusFile));
const documents = {
  'https://www.w3.org/ns/credentials/v2': JSON.parse(read(path.join(contextsDir, 'credentials-v2.jsonld'))),
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': JSON.parse(read(path.join(contextsDir, 'ob-context-3.0.3.json'))),
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': JSON.parse(read(path.join(contextsDir, 'ob-extensions.json'))),
  [multikeyContext.CONTEXT_URL]: multikeyContext.CONTEXT,
  'https://www.w3.org/ns/did/v1': didContext.contexts.get('https://www.w3.org/ns/did/v1'),
  [statusList.id]: statusList,
};
const controllers = {};
for (const [id, method] of Object.entries(keys)) {
  documents[id] = {'@context': multikeyContext.CONTEXT_URL, id, ...method};
  (controllers[method.controller] ??= []).push({id, ...method});
}
for (const [controller, methods] of Object.entries(controllers)) {
  documents[controller] = {
    '@context': ['https://www.w3.org/ns/did/v1', multikeyContext.CONTEXT_URL],
    id: controller,
    verificationMethod: methods,
    assertionMethod: methods.map(m => m.id),
  };
}
const documentLoader = async url => {
  const bare = url.split('#')[0];
  const document = documents[url] ?? documents[bare];
  if (!document) throw new Error(`offline: no document for ${url}`);
  return {contextUrl: null, documentUrl: url, document};
};
const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
const errors = [];
let verified = false;
let credential;
const text = read(credentialFile).trim();

if (text.startsWith('{')) {
  credential = JSON.parse(text);
  const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
  verified = result.verified;
  if (result.error) errors.push(...(result.error.errors ?? [result.error]).map(e => e.message));
} else {
  const {kid, alg} = jose.decodeProtectedHeader(text);
  const method = keys[kid];
  if (!method) throw new Error(`no key ${kid}`);
  let key;
  if (method.type === 'JsonWebKey') key = await jose.importJWK(method.publicKeyJwk, alg);
  else {
    const pair = await Ed25519Multikey.from({...method, id: kid});
    key = await jose.importJWK(await Ed25519Multikey.toJwk({keyPair: pair}), 'EdDSA');
  }
  try {
    const {payload} = await jose.jwtVerify(text, key, {algorithms: [alg], issuer: method.controller});
    credential = payload;
    verified = payload.jti === payload.id && (payload.issuer?.id ?? payload.issuer) === payload.iss;
    if (!verified) errors.push('claims do not match the credential');
  } catch (error) {
    errors.push(error.message);
  }
}

let revoked = null;
if (credential?.credentialStatus) {
  const status = await checkStatus({credential, documentLoader, suite, verifyStatusListCredential: true, verifyMatchingIssuers: true});
  if (!status.verified) errors.push('status: ' + (status.error?.message ?? 'not verified'));
  else revoked = status.results.some(r => r.status === true);
}
console.log(JSON.stringify({verified: verified && errors.length === 0, revoked, errors}));
