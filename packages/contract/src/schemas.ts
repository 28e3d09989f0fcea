/** Named schemas published under `components/schemas` of the OpenAPI document. */
export { AntiAbuse, CouncilConfig } from './council.js';
export { FeedbackCreate, FeedbackCreated, FeedbackReceipt, StaffFeedbackCreate } from './feedback.js';
export { Health } from './health.js';
export { Challenge, ProofOfWork } from './pow.js';
export { Problem, ProblemType, ValidationIssue } from './problem.js';
export { Service, ServiceList } from './services.js';
