// Bearer-plugin scenarios of the differential harness: apps that keep no cookies and send no Origin, with the
// official client set up as Better Auth's bearer docs say (keep set-auth-token, send it with fetchOptions.auth).
// They sign in with their page's Origin (Node's fetch sends Sec-Fetch-Mode, so Better Auth checks the Origin of a
// sign-in even without cookies); afterwards the token alone authenticates, with no Origin.
// They run on the profiles whose plugins include bearer.

const PASSWORD = "differential-password-123";

/** A cookie-less app that signed up a fresh user: {app, email, token (the raw session token)}. */
async function bearerSignedUp(ctx, name = "M") {
  const app = ctx.actor(name, { bearer: true });
  const email = ctx.uniqueEmail("bearer");
  const up = ctx.expectOk(await app.client.signUp.email({ name: "Bearer", email, password: PASSWORD }), "sign-up");
  ctx.expect(app.token, "sign-up answered set-auth-token");
  return { app, email, token: up.token };
}

export default [
  {
    name: "bearer/sign-in, then the token alone",
    profiles: ["bearer"],
    async run(ctx) {
      const { email } = await bearerSignedUp(ctx);
      const app = ctx.actor("N", { bearer: true });
      const signIn = ctx.expectOk(await app.client.signIn.email({ email, password: PASSWORD }), "sign-in");
      ctx.expect(app.token?.startsWith(`${signIn.token}.`), "set-auth-token is the signed session token");
      const session = ctx.expectOk(await app.client.getSession(), "get-session with the token");
      ctx.expect(session?.session?.token === signIn.token, "the token's session");
      const list = ctx.expectOk(await app.client.listSessions(), "list-sessions with the token");
      return { session, list };
    },
  },
  {
    name: "bearer/raw token",
    profiles: ["bearer"],
    async run(ctx) {
      const { token } = await bearerSignedUp(ctx);
      const raw = ctx.actor("raw", { bearer: true, token });
      const session = ctx.expectOk(await raw.client.getSession(), "get-session with the raw token");
      ctx.expect(session?.session?.token === token, "a raw token authenticates (requireSignature off)");
      return { session };
    },
  },
  {
    name: "bearer/tampered token",
    profiles: ["bearer"],
    async run(ctx) {
      const { app, token } = await bearerSignedUp(ctx);
      const signature = app.token.slice(app.token.lastIndexOf(".") + 1);
      const forged = ctx.actor("forged", { bearer: true,
        token: `${token}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}` });
      const none = ctx.expectOk(await forged.client.getSession(), "get-session with a tampered token");
      ctx.expect(none === null, "a tampered token is no session");
      const list = await forged.client.listSessions();
      const garbage = await ctx.raw(null, "GET", "/get-session", { headers: { authorization: "Bearer %%%" } });
      return { none, list: list.data ?? list.error, garbage: garbage.status };
    },
  },
  {
    name: "bearer/sign-out with the token only",
    profiles: ["bearer"],
    async run(ctx) {
      const { app: signedUp } = await bearerSignedUp(ctx);
      const app = ctx.actor("tokenOnly", { bearer: true, origin: false, token: signedUp.token });
      const out = ctx.expectOk(await app.client.signOut(), "sign-out with the token alone");
      const after = ctx.expectOk(await app.client.getSession(), "get-session after sign-out");
      ctx.expect(after === null, "no session after sign-out");
      return { out, after };
    },
  },
];
