export * from './budget';
export { cached } from '../cache';
export * from './clock';
export * from './dates';
export * from './errors';
export * from './lookups';
export * from './refusals';
export * from './tasks';
export * from './transport';
