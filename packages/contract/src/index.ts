export * from './common.js';
export * from './council.js';
export * from './feedback.js';
export * from './health.js';
export * from './pow.js';
export * from './problem.js';
export * from './routes.js';
export * from './services.js';
