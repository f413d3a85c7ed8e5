export { MAX_API_BASE, createMaxHandlers } from './handlers.js';
export { MOCK_MAX_BOT, MOCK_MAX_PEOPLE, MockMax, type MaxPersona, type MockMaxButton, type MockMaxMessage, type MockMaxOptions, type MockMaxUser } from './state.js';
