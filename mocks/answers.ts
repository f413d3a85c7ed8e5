// The right answer to each step of the mock backend: what a person who knows the mock
// credentials would enter. Used by the Node scenario test to walk every flow, and by the demo to
// open its gallery tiles at a given step.
import type { StepAnswer } from '../src/adapter/adapter.js';
import type { FlowState } from '../src/adapter/schemas.js';
import { MOCK_CREDENTIALS } from './data.js';

export function answerFor(flow: FlowState): StepAnswer | 'external' | 'poll' | 'done' {
  const step = flow.step;
  switch (step.kind) {
    case 'login':
      return { action: 'continue', values: { login: MOCK_CREDENTIALS.phone } };
    case 'known-account':
    case 'create-profile':
    case 'recovery-account':
    case 'consent':
      return { action: 'continue' };
    case 'password':
      return { action: 'continue', values: { password: MOCK_CREDENTIALS.password } };
    case 'code': {
      const code = step.channel === 'call' ? MOCK_CREDENTIALS.callCode : step.channel === 'email' ? MOCK_CREDENTIALS.emailCode : MOCK_CREDENTIALS.smsCode;
      return { action: 'continue', values: { code } };
    }
    case 'choose-profile':
      return { action: 'choose', values: { profileId: step.profiles[0]!.id } };
    case 'about-you':
      return { action: 'continue', values: { lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович', birthDate: '1978-12-12', gender: 'male' } };
    case 'recovery-phone':
      return { action: 'continue', values: { phone: MOCK_CREDENTIALS.phone } };
    case 'recovery-method':
      return { action: 'choose', values: { method: 'email' } };
    case 'new-password':
      return { action: 'continue', values: { password: MOCK_CREDENTIALS.newPassword, repeat: MOCK_CREDENTIALS.newPassword } };
    case 'max-phone':
      return { action: 'continue', values: { phone: '+7 952 123-45-67' } };
    case 'external':
      return 'external';
    case 'max-pending':
      return 'poll';
    case 'done':
      return 'done';
  }
}
