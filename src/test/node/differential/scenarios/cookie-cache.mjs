// Cookie-cache scenarios of the differential harness (session.cookieCache on, strategies compact, jwt and jwe, and
// the jwt strategy signed with the jwt plugin's keys, jwt({ sessionCookieCache: true })): the
// session_data cookie is decoded on each side as its strategy wrote it (harness.mjs) and compared member by member.
// get-session served from the cache after the session was revoked elsewhere, ?disableCookieCache=true reading the
// store, the cache rewritten by update-user and by a store read, sign-out expiring it, and a cache large enough to be
// chunked. They run on the cookie-cache profiles.

const PASSWORD = "differential-password-123";
const CACHE_PROFILES = ["cookie-cache", "cookie-cache-jwt", "cookie-cache-jwe", "jwt-cookie-cache"];

async function signedUp(ctx, name, extra = {}) {
  const device = ctx.actor(name);
  const email = ctx.uniqueEmail("cache");
  const up = ctx.expectOk(await device.client.signUp.email({ name: "Cached", email, password: PASSWORD, ...extra }),
    "sign-up");
  return { device, email, token: up.token };
}

export default [
  {
    name: "cookie-cache/served from the cache after a revocation",
    profiles: CACHE_PROFILES,
    async run(ctx) {
      const { device, email, token } = await signedUp(ctx, "A");
      const b = ctx.actor("B");
      ctx.expectOk(await b.client.signIn.email({ email, password: PASSWORD }), "sign-in of B");
      ctx.expectOk(await b.client.revokeSession({ token }), "B revokes A's session");
      const cached = ctx.expectOk(await device.client.getSession(), "get-session of A from its cache");
      ctx.expect(cached?.session?.token === token, "the cache still answers A's session");
      const fromStore = ctx.expectOk(await device.client.getSession({ query: { disableCookieCache: true } }),
        "get-session of A from the store");
      ctx.expect(fromStore === null, "the store knows the session is gone");
      const after = ctx.expectOk(await device.client.getSession(), "get-session of A afterwards");
      ctx.expect(after === null, "the cleared cache answers nothing");
      return { cached, fromStore, after };
    },
  },
  {
    name: "cookie-cache/rewritten by update-user and a store read",
    profiles: CACHE_PROFILES,
    async run(ctx) {
      const { device } = await signedUp(ctx, "A");
      ctx.expectOk(await device.client.updateUser({ name: "Renamed" }), "update-user");
      const cached = ctx.expectOk(await device.client.getSession(), "get-session from the cache");
      const fromStore = ctx.expectOk(await device.client.getSession({ query: { disableCookieCache: "true" } }),
        "get-session from the store");
      ctx.expect(fromStore?.user?.name === "Renamed", "the store has the new name");
      const noRefresh = ctx.expectOk(await device.client.getSession({ query: { disableRefresh: true } }),
        "get-session with disableRefresh");
      return { cached, fromStore, noRefresh };
    },
  },
  {
    name: "cookie-cache/don't remember me",
    profiles: CACHE_PROFILES,
    async run(ctx) {
      const { email } = await signedUp(ctx, "A");
      const b = ctx.actor("B");
      ctx.expectOk(await b.client.signIn.email({ email, password: PASSWORD, rememberMe: false }), "sign-in");
      const cached = ctx.expectOk(await b.client.getSession(), "get-session");
      const out = ctx.expectOk(await b.client.signOut(), "sign-out");
      return { cached, out };
    },
  },
  {
    name: "cookie-cache/chunked",
    profiles: CACHE_PROFILES,
    async run(ctx) {
      // over the ~4 KB of one cookie, but with every chunk still within the 8 KB of request headers Payara's
      // listener accepts by default (Node's: 16 KB); a larger jwe cache makes the container answer 400 on its own
      const { device } = await signedUp(ctx, "A", { image: `https://example.com/${"i".repeat(3500)}.png` });
      ctx.expect(ctx.trace[0].cookies.some((c) => /session_data\.\d+$/.test(c.name)), "the cache is chunked");
      const cached = ctx.expectOk(await device.client.getSession(), "get-session from the chunked cache");
      ctx.expect(cached?.user?.image?.length > 3500, "the whole user from the chunks");
      const fromStore = ctx.expectOk(await device.client.getSession({ query: { disableCookieCache: true } }),
        "get-session from the store");
      ctx.expectOk(await device.client.updateUser({ image: null }), "a small image again");
      const small = ctx.expectOk(await device.client.getSession(), "get-session from the small cache");
      const out = ctx.expectOk(await device.client.signOut(), "sign-out");
      const after = ctx.expectOk(await device.client.getSession(), "get-session after sign-out");
      ctx.expect(after === null, "no session after sign-out");
      return { cached, fromStore, small, out };
    },
  },
  {
    name: "cookie-cache/forged and foreign caches",
    profiles: CACHE_PROFILES,
    async run(ctx) {
      const { device, token } = await signedUp(ctx, "A");
      const signedToken = device.jar.get("better-auth.session_token");
      const data = device.jar.get("better-auth.session_data");
      ctx.expect(data, "a cache cookie");
      const tampered = `${data.slice(0, -2)}${data.at(-2) === "A" ? "B" : "A"}${data.at(-1)}`;
      const withTampered = await ctx.raw(null, "GET", "/get-session", {
        headers: { cookie: `better-auth.session_token=${signedToken}; better-auth.session_data=${tampered}` } });
      const cacheOnly = await ctx.raw(null, "GET", "/get-session", {
        headers: { cookie: `better-auth.session_data=${data}` } });
      ctx.expectOk(await device.client.revokeSession({ token }), "revoke");
      return { withTampered: withTampered.status, cacheOnly: cacheOnly.status };
    },
  },
];
