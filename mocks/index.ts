export { MockBackend, MOCK_TRIGGERS, type MockOptions, type MockResponse } from './backend.js';
export { LINKED_PHONE, MOCK_CREDENTIALS, SEED_CHATS, conferencesAround, manyChats } from './data.js';
export { API_BASE, createHandlers, type HandlerOptions } from './handlers.js';
export { SCENARIOS, SCENARIO_NAMES, faultOf, type Fault, type ScenarioName } from './scenarios.js';
