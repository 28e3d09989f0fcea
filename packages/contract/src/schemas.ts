/** Named schemas published under `components/schemas` of the OpenAPI document. */
export { CouncilConfig } from './council.js';
export { FeedbackCreate, FeedbackCreated } from './feedback.js';
export { Health } from './health.js';
export { Problem, ValidationIssue } from './problem.js';
export { Service, ServiceList } from './services.js';
