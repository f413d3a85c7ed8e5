// The mock backend opens a flow at any of the 16 step kinds (the resume test in Chromium uses it),
// and what it answers there fits the contract.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schemasFor } from '../../src/adapter/all-schemas.js';
import type { StepKind } from '../../src/adapter/schemas.js';
import { urlPolicy } from '../../src/adapter/urls.js';
import { MockBackend } from '../../mocks/backend.js';

const ORIGIN = 'https://journal.test';
const schemas = schemasFor(urlPolicy([ORIGIN]));
const KINDS: StepKind[] = [
  'login', 'known-account', 'password', 'code', 'choose-profile', 'create-profile', 'about-you', 'consent',
  'external', 'recovery-phone', 'recovery-account', 'recovery-method', 'new-password', 'max-phone', 'max-pending', 'done',
];

describe('MockBackend.startFlowAt', () => {
  for (const kind of KINDS) {
    it(`opens a flow at «${kind}» that GET /link/flows/{id} answers validly`, () => {
      const backend = new MockBackend('unlinked', { origin: ORIGIN });
      const flowId = backend.startFlowAt(kind);
      const response = backend.getFlow(flowId);
      assert.equal(response.status, 200);
      const flow = schemas.flow.parse(response.body);
      assert.equal(flow.step.kind, kind);
      assert.equal(flow.method, kind.startsWith('max-') ? 'max' : 'vkid');
      const status = schemas.linkStatus.parse(backend.getLinkStatus().body);
      assert.equal(status.state, kind === 'done' ? 'linked' : kind === 'max-pending' ? 'pending' : 'unlinked');
    });
  }
});
