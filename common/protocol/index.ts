export * from './model';
export * from './errors';
export * from './events';
export * from './schemas';
export * from './commands';
export * from './config-schemas';
export * from './admin-schemas';
export * from './presence';
