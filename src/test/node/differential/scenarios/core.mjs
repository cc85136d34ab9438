// Core scenarios of the differential harness (docs/design/plugins.md §4.3): email and password, sessions, the
// revoke endpoints, update-user, sign-out and a few errors, through the official client (browser-like devices with
// cookie jars) and raw requests. Each runs on every profile (a plugin must not change them, apart from what it
// adds, which the trace shows too). Each asserts its own success first; what the servers answered is in the trace.

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
      const gone = ctx.expectOk(await b.device.client.getSession(), "get-session of the revoked device");
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
        ctx.expect(ctx.expectOk(await other.device.client.getSession(), "get-session") === null, "others are gone");
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
        ctx.expect(ctx.expectOk(await d.client.getSession(), "get-session") === null, "every session is gone");
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
