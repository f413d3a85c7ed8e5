export { VKID_BASE, createVkidHandlers } from './handlers.js';
export { MOCK_VKID_ACCOUNT, MOCK_VKID_APP, MockVkid, VKID_SCENARIOS, type AuthorizeResult, type MockVkidAccount, type MockVkidOptions, type VkidScenario } from './state.js';
