// Generated from src/registry.ts by scripts/registry.ts (run by `npm run build`); do not edit.
// Importing this module defines every Civic Loop element (each element module calls `define`).
export * from './civicloop-config/civicloop-config.js';
export * from './cocreate-feedback/cocreate-feedback.js';
export * from './you-said-we-did/you-said-we-did.js';
export * from './contact-bank-signup/contact-bank-signup.js';
export * from './cocreate-console/cocreate-console.js';
export { CivicElement } from './internal/civic-element.js';
export { define } from './internal/define.js';
export { themeStyles } from './internal/theme.styles.js';
export type { ResolvedConfig } from './internal/config.js';
export type { Locale } from './internal/locales.js';
