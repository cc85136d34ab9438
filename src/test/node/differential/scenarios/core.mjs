// Core scenarios of the differential harness (docs/design/plugins.md §4.3): email and password, sessions, the
// revoke endpoints, update-user, sign-out and a few errors, through the official client (browser-like devices with
// cookie jars) and raw requests. Each runs on every profile (a plugin must not change them, apart from what it
// adds, which the trace shows too). Each asserts its own success first; what the servers answered is in the trace.

import { createHmac } from "node:crypto";

const PASSWORD = "differential-password-123";

/** A device that signed up a fresh user: {device, email, token}. */
async function signedUp(ctx, name = "A", label = "user") {
  const device = ctx.actor(name);
  const email = ctx.uniqueEmail(label);
  const up = ctx.expectOk(await device.client.signUp.email({ name: "Diff User", email, password: PASSWORD }), "sign-up");
  return { device, email, token: up.token };
}

async function signedIn(ctx, name, email) {
  const device = ctx.actor(name);
  const data = ctx.expectOk(await device.client.signIn.email({ email, password: PASSWORD }), `sign-in of ${name}`);
  return { device, token: data.token };
}

/**
 * get-session read from the store (?disableCookieCache=true): with the cookie cache on, a device whose session was
 * revoked elsewhere is still answered from its cache until that expires (cookie-cache.mjs shows it); the store is
 * what these scenarios check.
 */
async function storeSession(ctx, device, what) {
  return ctx.expectOk(await device.client.getSession({ query: { disableCookieCache: true } }), what);
}

export default [
  {
    name: "core/sign-up",
    profiles: "*",
    async run(ctx) {
      const { device } = await signedUp(ctx);
      const session = ctx.expectOk(await device.client.getSession(), "get-session");
      ctx.expect(session?.user, "a session after sign-up");
      return { session };
    },
  },
  {
    name: "core/sign-up of an existing e-mail",
    profiles: "*",
    async run(ctx) {
      const { email } = await signedUp(ctx);
      const again = ctx.actor("B");
      return { error: ctx.expectError(await again.client.signUp.email({ name: "Again", email, password: PASSWORD }), 422,
        "a second sign-up") };
    },
  },
  {
    name: "core/sign-in",
    profiles: "*",
    async run(ctx) {
      const { email } = await signedUp(ctx);
      const b = ctx.actor("B");
      const data = ctx.expectOk(await b.client.signIn.email({ email: email.toUpperCase(), password: PASSWORD }), "sign-in");
      const forgetful = ctx.actor("C");
      ctx.expectOk(await forgetful.client.signIn.email({ email, password: PASSWORD, rememberMe: false }),
        "sign-in without rememberMe");
      ctx.expectOk(await forgetful.client.getSession(), "get-session of a don't-remember session");
      return { data };
    },
  },
  {
    name: "core/get-session",
    profiles: "*",
    async run(ctx) {
      const { device } = await signedUp(ctx);
      const live = ctx.expectOk(await device.client.getSession(), "get-session");
      const fromStore = ctx.expectOk(await device.client.getSession({ query: { disableCookieCache: true } }),
        "get-session from the store");
      const anonymous = ctx.actor("anonymous");
      const none = ctx.expectOk(await anonymous.client.getSession(), "an anonymous get-session");
      ctx.expect(none === null, "no session without a cookie");
      const forged = await ctx.raw(null, "GET", "/get-session", {
        headers: { cookie: "better-auth.session_token=not-a-token.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%3D" } });
      return { live, fromStore, none, forged: forged.status };
    },
  },
  {
    name: "core/list-sessions",
    profiles: "*",
    async run(ctx) {
      const { device, email } = await signedUp(ctx);
      await signedIn(ctx, "B", email);
      const list = ctx.expectOk(await device.client.listSessions(), "list-sessions");
      ctx.expect(list.length === 2, `two sessions, got ${list.length}`);
      const anonymous = ctx.actor("anonymous");
      const refused = ctx.expectError(await anonymous.client.listSessions(), 401, "an anonymous list-sessions");
      return { list, refused };
    },
  },
  {
    name: "core/revoke-session",
    profiles: "*",
    async run(ctx) {
      const { device, email } = await signedUp(ctx);
      const b = await signedIn(ctx, "B", email);
      const revoked = ctx.expectOk(await device.client.revokeSession({ token: b.token }), "revoke-session");
      const gone = await storeSession(ctx, b.device, "get-session of the revoked device");
      ctx.expect(gone === null, "the revoked device has no session");
      const unknown = await device.client.revokeSession({ token: "no-such-token" });
      const still = ctx.expectOk(await device.client.getSession(), "get-session of the revoker");
      ctx.expect(still !== null, "the revoker keeps its session");
      return { revoked, unknown: unknown.data ?? unknown.error };
    },
  },
  {
    name: "core/revoke-other-sessions",
    profiles: "*",
    async run(ctx) {
      const { device, email } = await signedUp(ctx);
      const b = await signedIn(ctx, "B", email);
      const c = await signedIn(ctx, "C", email);
      const revoked = ctx.expectOk(await device.client.revokeOtherSessions(), "revoke-other-sessions");
      for (const other of [b, c]) {
        ctx.expect(await storeSession(ctx, other.device, "get-session") === null, "others are gone");
      }
      const list = ctx.expectOk(await device.client.listSessions(), "list-sessions");
      ctx.expect(list.length === 1, "one session left");
      return { revoked, list };
    },
  },
  {
    name: "core/revoke-sessions",
    profiles: "*",
    async run(ctx) {
      const { device, email } = await signedUp(ctx);
      const b = await signedIn(ctx, "B", email);
      const revoked = ctx.expectOk(await device.client.revokeSessions(), "revoke-sessions");
      for (const d of [device, b.device]) {
        ctx.expect(await storeSession(ctx, d, "get-session") === null, "every session is gone");
      }
      return { revoked };
    },
  },
  {
    name: "core/update-user",
    profiles: "*",
    async run(ctx) {
      const { device } = await signedUp(ctx);
      const updated = ctx.expectOk(await device.client.updateUser({ name: "Renamed", image: "https://example.com/a.png" }),
        "update-user");
      const session = ctx.expectOk(await device.client.getSession(), "get-session");
      ctx.expect(session.user.name === "Renamed", "the new name is read back");
      const emailChange = await device.client.updateUser({ email: "other@example.com" });
      return { updated, session, emailChange: emailChange.data ?? emailChange.error };
    },
  },
  {
    name: "core/sign-out",
    profiles: "*",
    async run(ctx) {
      const { device } = await signedUp(ctx);
      const out = ctx.expectOk(await device.client.signOut(), "sign-out");
      const after = ctx.expectOk(await device.client.getSession(), "get-session after sign-out");
      ctx.expect(after === null, "no session after sign-out");
      const anonymous = ctx.actor("anonymous");
      const again = await anonymous.client.signOut();
      return { out, again: again.data ?? again.error };
    },
  },
  {
    name: "core/get-session by POST and with an unknown token",
    profiles: "*",
    async run(ctx) {
      const { device } = await signedUp(ctx);
      const posted = await ctx.raw(device, "POST", "/get-session", { json: {} });
      ctx.expect(posted.status < 500, "POST /get-session answers");
      // a correctly signed cookie whose token no session has: no session, and the cookies are cleared
      const unknownToken = "UnknownSessionToken0123456789abc";
      const signature = createHmac("sha256", ctx.secret).update(unknownToken).digest("base64");
      const unknown = await ctx.raw(null, "GET", "/get-session", {
        headers: { cookie: `better-auth.session_token=${encodeURIComponent(`${unknownToken}.${signature}`)}` } });
      ctx.expect(unknown.status === 200, "an unknown token is no error");
      return { posted: posted.body, unknown: unknown.body };
    },
  },
  {
    name: "core/update-session",
    profiles: "*",
    async run(ctx) {
      const { device } = await signedUp(ctx);
      const empty = await ctx.raw(device, "POST", "/update-session", { json: {} });
      const undeclared = await ctx.raw(device, "POST", "/update-session", { json: { ipAddress: "10.0.0.1", foo: "bar" } });
      const array = await ctx.raw(device, "POST", "/update-session", { json: [1] });
      const anonymous = await ctx.raw(ctx.actor("anonymous"), "POST", "/update-session", { json: {} });
      return { empty: empty.status, undeclared: undeclared.status, array: array.status, anonymous: anonymous.status };
    },
  },
  {
    name: "core/change-password",
    profiles: "*",
    async run(ctx) {
      const { device, email } = await signedUp(ctx);
      const b = await signedIn(ctx, "B", email);
      const kept = ctx.expectOk(await device.client.changePassword({ currentPassword: PASSWORD,
        newPassword: `${PASSWORD}-2` }), "change-password");
      ctx.expect(kept.token === null, "no new token without revokeOtherSessions");
      ctx.expect(await storeSession(ctx, b.device, "get-session of B") !== null, "B keeps its session");
      const revoking = ctx.expectOk(await device.client.changePassword({ currentPassword: `${PASSWORD}-2`,
        newPassword: `${PASSWORD}-3`, revokeOtherSessions: true }), "change-password revoking the others");
      ctx.expect(typeof revoking.token === "string", "a new token");
      ctx.expect(await storeSession(ctx, b.device, "get-session of B") === null, "B was signed out");
      const still = ctx.expectOk(await device.client.getSession(), "get-session of A");
      ctx.expect(still?.session?.token === revoking.token, "A holds the new session");
      const wrong = ctx.expectError(await device.client.changePassword({ currentPassword: "wrong-password-123",
        newPassword: `${PASSWORD}-4` }), 400, "a wrong current password");
      const short = await device.client.changePassword({ currentPassword: `${PASSWORD}-3`, newPassword: "short" });
      const missing = await ctx.raw(device, "POST", "/change-password", { json: { newPassword: `${PASSWORD}-5` } });
      const anonymous = await ctx.actor("anonymous").client.changePassword({ currentPassword: PASSWORD,
        newPassword: `${PASSWORD}-6` });
      const c = ctx.actor("C");
      ctx.expectOk(await c.client.signIn.email({ email, password: `${PASSWORD}-3` }), "sign-in with the new password");
      return { kept, revoking, wrong, short: short.error, missing: missing.status, anonymous: anonymous.error };
    },
  },
  {
    name: "core/delete-user when it is off",
    profiles: "*",
    async run(ctx) {
      const { device } = await signedUp(ctx);
      const off = await ctx.raw(device, "POST", "/delete-user", { json: { password: PASSWORD } });
      const anonymous = await ctx.raw(ctx.actor("anonymous"), "POST", "/delete-user", { json: {} });
      ctx.expectOk(await device.client.getSession(), "the user is still there");
      return { off: off.status, anonymous: anonymous.status };
    },
  },
  {
    name: "core/error: bad bodies",
    profiles: "*",
    async run(ctx) {
      const { device, email } = await signedUp(ctx);
      const out = {};
      for (const [path, body] of [["/sign-up/email", "{"], ["/sign-in/email", "[]"], ["/sign-in/email", "null"],
        ["/sign-in/email", "\"not an object\""], ["/update-user", "{"], ["/revoke-session", "{}"],
        ["/revoke-session", "{\"token\":5}"], ["/change-password", "{"], ["/change-password", "null"],
        ["/update-user", "[]"], ["/update-session", "\"x\""], ["/sign-up/email", "[]"],
        ["/revoke-other-sessions", "[]"], ["/revoke-other-sessions", "{"]]) {
        const answer = await ctx.raw(device, "POST", path, { body, headers: { "content-type": "application/json" } });
        out[`${path} ${body}`] = answer.status;
      }
      const badEmail = await ctx.raw(null, "POST", "/sign-up/email", { headers: { origin: ctx.origin },
        json: { name: "Bad", email: "not-an-email", password: PASSWORD } });
      const shortPassword = await ctx.raw(null, "POST", "/sign-up/email", { headers: { origin: ctx.origin },
        json: { name: "Short", email: ctx.uniqueEmail("short"), password: "short" } });
      const noName = await ctx.raw(null, "POST", "/sign-up/email", { headers: { origin: ctx.origin },
        json: { email: ctx.uniqueEmail("noname"), password: PASSWORD } });
      const wrongType = await ctx.raw(null, "POST", "/sign-in/email", { headers: { origin: ctx.origin },
        json: { email, password: 12345678 } });
      return { out, badEmail: badEmail.status, shortPassword: shortPassword.status, noName: noName.status,
        wrongType: wrongType.status };
    },
  },
  {
    name: "core/error: wrong password",
    profiles: "*",
    async run(ctx) {
      const { email } = await signedUp(ctx);
      const b = ctx.actor("B");
      const wrong = ctx.expectError(await b.client.signIn.email({ email, password: `${PASSWORD}x` }), 401,
        "a wrong password");
      const nobody = ctx.expectError(await b.client.signIn.email({ email: ctx.uniqueEmail("nobody"), password: PASSWORD }),
        401, "an unknown e-mail");
      return { wrong, nobody };
    },
  },
  {
    name: "core/error: missing field",
    profiles: "*",
    async run(ctx) {
      const a = ctx.actor("A");
      const noPassword = await a.client.signUp.email({ name: "No Password", email: ctx.uniqueEmail("nopassword") });
      ctx.expect(noPassword.error, "sign-up without a password fails");
      const noEmail = await ctx.raw(a, "POST", "/sign-in/email", { json: { password: PASSWORD } });
      ctx.expect(noEmail.status >= 400, "sign-in without an e-mail fails");
      const notJson = await ctx.raw(a, "POST", "/sign-in/email", { body: "{", headers: { "content-type": "application/json" } });
      return { noPassword: noPassword.error, noEmail: noEmail.status, notJson: notJson.status };
    },
  },
  {
    name: "core/error: sign-in without Origin",
    profiles: "*",
    async run(ctx) {
      const { email } = await signedUp(ctx);
      // Node's fetch sends Sec-Fetch-Mode: cors, as browsers do: Better Auth then wants an Origin even without cookies
      const noOrigin = await ctx.raw(null, "POST", "/sign-in/email", { json: { email, password: PASSWORD } });
      const foreign = await ctx.raw(null, "POST", "/sign-in/email", { json: { email, password: PASSWORD },
        headers: { origin: "https://evil.example" } });
      const device = ctx.actor("B");
      const withCookie = await ctx.raw(device, "POST", "/sign-out", { headers: { origin: "https://evil.example",
        cookie: "better-auth.session_token=x" } });
      return { noOrigin: noOrigin.status, foreign: foreign.status, withCookie: withCookie.status };
    },
  },
  {
    name: "core/error: unknown route",
    profiles: "*",
    async run(ctx) {
      const a = ctx.actor("A");
      const get = await ctx.raw(a, "GET", "/no-such-endpoint");
      const post = await ctx.raw(a, "POST", "/no-such-endpoint", { json: {} });
      const wrongMethod = await ctx.raw(a, "GET", "/sign-in/email");
      ctx.expect(get.status >= 400 && post.status >= 400, "an unknown route is refused");
      return { get: get.status, post: post.status, wrongMethod: wrongMethod.status };
    },
  },
];
