export { createApp } from './app.js';
export { createCouncil, type CouncilRow, type NewCouncil } from './councils.js';
export { openDatabase, migrate, type Database, type DatabaseOptions, type Queryable, type QueryResult } from './db/driver.js';
export { HttpProblem } from './errors/http-problem.js';
export type { ServerOptions } from './options.js';
export { seedDemo } from './seed.js';
export { startServer, type RunningServer } from './server.js';
export { createService } from './services.js';
export { createStaffToken } from './staff-tokens.js';
