/**
 * Rewrites connector/contract/zendesk-api.json from Zendesk's OpenAPI file
 * (../shared/zendesk/oas.yaml, or $BATON_SHARED_DIR/zendesk/oas.yaml): the paths, methods and
 * schemas the sandbox and the tests use (connector/src/sandbox/contract/derive.ts).
 *
 *   npm run contract:derive            write the file
 *   npm run contract:derive -- --check exit 1 when the committed file differs from the spec
 */
import fs from 'node:fs';
import { deriveContract, formatContract } from '../connector/src/sandbox/contract/derive.js';
import { DERIVED_CONTRACT_PATH, loadSpec, sharedSpecPath } from '../connector/src/sandbox/contract/spec-loader.js';

const spec = sharedSpecPath();
if (!fs.existsSync(spec)) {
  console.error(`No Zendesk OpenAPI file at ${spec} (set BATON_SHARED_DIR): the committed ${DERIVED_CONTRACT_PATH} stays as it is.`);
  process.exit(process.argv.includes('--check') ? 0 : 1);
}
const text = formatContract(deriveContract(loadSpec(spec)));
if (process.argv.includes('--check')) {
  const same = fs.existsSync(DERIVED_CONTRACT_PATH) && fs.readFileSync(DERIVED_CONTRACT_PATH, 'utf8') === text;
  console.log(same ? `${DERIVED_CONTRACT_PATH} agrees with ${spec}` : `${DERIVED_CONTRACT_PATH} differs from ${spec}: run npm run contract:derive`);
  process.exit(same ? 0 : 1);
}
fs.writeFileSync(DERIVED_CONTRACT_PATH, text);
console.log(`wrote ${DERIVED_CONTRACT_PATH} (${(text.length / 1024).toFixed(0)} KB) from ${spec}`);
