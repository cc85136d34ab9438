// Prints Better Auth 1.7.25's migration SQL with bearer, jwt, admin, multiSession on postgres (real, fresh schema),
// and on mysql/sqlite via Kysely's DummyDriver with a fake introspector (fresh DB, or core tables present).
import { getMigrations } from "better-auth/db/migration";
import { bearer, jwt, admin, multiSession } from "better-auth/plugins";
import { Kysely, DummyDriver, MysqlAdapter, MysqlQueryCompiler, SqliteAdapter, SqliteQueryCompiler, PostgresAdapter, PostgresQueryCompiler } from "kysely";
import pg from "pg";
const plugins = [bearer(), jwt(), admin(), multiSession()];
const base = { secret: "x".repeat(32), baseURL: "http://127.0.0.1:3000", emailAndPassword: { enabled: true }, telemetry: { enabled: false }, logger: { level: "error" } };
const core = {
  user: ["id","name","email","emailVerified","image","createdAt","updatedAt"],
  session: ["id","expiresAt","token","createdAt","updatedAt","ipAddress","userAgent","userId"],
  account: ["id","accountId","providerId","userId","accessToken","refreshToken","idToken","accessTokenExpiresAt","refreshTokenExpiresAt","scope","password","createdAt","updatedAt"],
  verification: ["id","identifier","value","expiresAt","createdAt","updatedAt"],
};
function fake(adapter, compiler, tables) {
  return new Kysely({ dialect: {
    createAdapter: () => new adapter(), createDriver: () => new DummyDriver(),
    createQueryCompiler: () => new compiler(),
    createIntrospector: () => ({ getSchemas: async () => [], getTables: async () => tables, getMetadata: async () => ({ tables }) }),
  }});
}
const tablesOf = (withCore) => withCore ? Object.entries(core).map(([name, cols]) => ({ name, isView: false, schema: undefined,
  columns: cols.map((c) => ({ name: c, dataType: "text", isNullable: false, isAutoIncrementing: false, hasDefaultValue: false })) })) : [];
for (const [type, A, C] of [["mysql", MysqlAdapter, MysqlQueryCompiler], ["sqlite", SqliteAdapter, SqliteQueryCompiler]]) {
  for (const withCore of [false, true]) {
    const { compileMigrations } = await getMigrations({ ...base, database: { db: fake(A, C, tablesOf(withCore)), type }, plugins });
    console.log(`\n-- ${type} ${withCore ? "(core tables present: plugins only)" : "(fresh database)"}\n` + await compileMigrations());
  }
}
const schema = "plan_plugins_probe";
const admin0 = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/test" });
await admin0.connect();
await admin0.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); await admin0.query(`CREATE SCHEMA ${schema}`);
const pool = new pg.Pool({ connectionString: "postgres://postgres@127.0.0.1:5432/test", options: `-c search_path=${schema}`, max: 2 });
try {
  let m = await getMigrations({ ...base, database: pool });
  await m.runMigrations();
  m = await getMigrations({ ...base, database: pool, plugins });
  console.log("\n-- postgres (core tables present: plugins only)\n" + await m.compileMigrations());
  await admin0.query(`DROP SCHEMA ${schema} CASCADE`); await admin0.query(`CREATE SCHEMA ${schema}`);
  m = await getMigrations({ ...base, database: pool, plugins });
  console.log("\n-- postgres (fresh database)\n" + await m.compileMigrations());
} finally { await pool.end(); await admin0.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); await admin0.end(); }
