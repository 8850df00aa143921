// Every test file of the `postgres` project: its databases are dropped once it is done.
import { afterAll } from 'vitest';
import { dropTestDatabases } from './test-database';

afterAll(dropTestDatabases);
