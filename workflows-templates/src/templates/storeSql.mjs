// The Postgres store's SQL, shipped as a file for those who read or review it before the hub's
// first run applies it.
import { storeSql } from '../postgresStore.mjs';

export const file = 'sql/inquiry-store-postgres.sql';

export const text = storeSql;
