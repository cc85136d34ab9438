// multi-session scenarios of the differential harness: several accounts in one browser (one cookie jar) through the
// client's multiSessionClient(): list-device-sessions, set-active, revoke, sign-out ending every account, a second
// sign-in of a user the browser holds replacing its older session, and maximumSessions (5, the default). The device
// cookies (`…_multi-<token>`) are named with their token's alias in the observation, so every Set-Cookie attribute
// of both servers is compared. They run on the profiles whose plugins include multi-session.

import { multiSessionClient } from "better-auth/client/plugins";

const PASSWORD = "differential-password-123";

/** One browser that signed up `count` fresh users in turn: {browser, accounts: [{email, token}]} (the last is active). */
async function browserWith(ctx, count) {
  const browser = ctx.actor("browser", { plugins: [multiSessionClient()] });
  const accounts = [];
  for (let i = 1; i <= count; i++) {
    const email = ctx.uniqueEmail(`multi${i}`);
    const up = ctx.expectOk(await browser.client.signUp.email({ name: `Multi ${i}`, email, password: PASSWORD }),
      `sign-up of account ${i}`);
    accounts.push({ email, token: up.token });
  }
  return { browser, accounts };
}

async function activeToken(ctx, browser) {
  return ctx.expectOk(await browser.client.getSession(), "get-session")?.session?.token ?? null;
}

async function deviceSessions(ctx, browser) {
  return ctx.expectOk(await browser.client.multiSession.listDeviceSessions(), "list-device-sessions");
}

export default [
  {
    name: "multi-session/two accounts: list, set-active, revoke",
    profiles: ["multi-session"],
    async run(ctx) {
      const { browser, accounts: [one, two] } = await browserWith(ctx, 2);
      const listed = await deviceSessions(ctx, browser);
      ctx.expect(listed.length === 2, `two device sessions, got ${listed.length}`);
      ctx.expect(await activeToken(ctx, browser) === two.token, "the last sign-up is active");
      const switched = ctx.expectOk(await browser.client.multiSession.setActive({ sessionToken: one.token }), "set-active");
      ctx.expect(await activeToken(ctx, browser) === one.token, "set-active switched the account");
      const revoked = ctx.expectOk(await browser.client.multiSession.revoke({ sessionToken: two.token }),
        "revoke of the inactive account");
      const left = await deviceSessions(ctx, browser);
      ctx.expect(left.length === 1, "one account left");
      ctx.expect(await activeToken(ctx, browser) === one.token, "the active account stays");
      return { switched, revoked, left };
    },
  },
  {
    name: "multi-session/three accounts: revoking the active one",
    profiles: ["multi-session"],
    async run(ctx) {
      const { browser, accounts } = await browserWith(ctx, 3);
      const listed = await deviceSessions(ctx, browser);
      ctx.expect(listed.length === 3, `three device sessions, got ${listed.length}`);
      const revoked = ctx.expectOk(await browser.client.multiSession.revoke({ sessionToken: accounts[2].token }),
        "revoke of the active account");
      const next = await activeToken(ctx, browser);
      ctx.expect(next !== null && next !== accounts[2].token, "another account became active");
      const left = await deviceSessions(ctx, browser);
      ctx.expect(left.length === 2, "two accounts left");
      const again = await browser.client.multiSession.revoke({ sessionToken: accounts[2].token });
      return { revoked, left, again: again.data ?? again.error };
    },
  },
  {
    name: "multi-session/sign-out ends every account",
    profiles: ["multi-session"],
    async run(ctx) {
      const { browser, accounts } = await browserWith(ctx, 3);
      // a second browser of the first user keeps its own session
      const other = ctx.actor("other", { plugins: [multiSessionClient()] });
      ctx.expectOk(await other.client.signIn.email({ email: accounts[0].email, password: PASSWORD }), "sign-in elsewhere");
      const out = ctx.expectOk(await browser.client.signOut(), "sign-out");
      ctx.expect(await activeToken(ctx, browser) === null, "no session after sign-out");
      const listed = await deviceSessions(ctx, browser);
      ctx.expect(listed.length === 0, "no device session after sign-out");
      const elsewhere = ctx.expectOk(await other.client.listSessions(), "list-sessions of the other browser");
      ctx.expect(elsewhere.length === 1, `only the other browser's session of the first user is left, got ${elsewhere.length}`);
      return { out, elsewhere };
    },
  },
  {
    name: "multi-session/signing in again replaces the older session",
    profiles: ["multi-session"],
    async run(ctx) {
      const { browser, accounts: [one, two] } = await browserWith(ctx, 2);
      const again = ctx.expectOk(await browser.client.signIn.email({ email: one.email, password: PASSWORD }),
        "second sign-in of account 1");
      ctx.expect(again.token !== one.token, "a new session");
      const listed = await deviceSessions(ctx, browser);
      ctx.expect(listed.length === 2, `still two accounts, got ${listed.length}`);
      const sessions = ctx.expectOk(await browser.client.listSessions(), "list-sessions of account 1");
      ctx.expect(sessions.length === 1, `the older session of account 1 is gone, got ${sessions.length}`);
      const stale = await browser.client.multiSession.setActive({ sessionToken: one.token });
      ctx.expect(stale.error, "the replaced session cannot be made active");
      const back = ctx.expectOk(await browser.client.multiSession.setActive({ sessionToken: two.token }), "set-active 2");
      return { listed, sessions, stale: stale.error, back };
    },
  },
  {
    name: "multi-session/maximumSessions",
    profiles: ["multi-session"],
    async run(ctx) {
      const { browser, accounts } = await browserWith(ctx, 6);
      ctx.expect(await activeToken(ctx, browser) === accounts[5].token, "the sixth account is signed in and active");
      const listed = await deviceSessions(ctx, browser);
      ctx.expect(listed.length === 5, `five device sessions (maximumSessions), got ${listed.length}`);
      const notADevice = await browser.client.multiSession.setActive({ sessionToken: accounts[5].token });
      ctx.expect(notADevice.error, "the sixth session has no device cookie");
      return { listed, notADevice: notADevice.error };
    },
  },
  {
    name: "multi-session/errors",
    profiles: ["multi-session"],
    async run(ctx) {
      const { browser, accounts: [one] } = await browserWith(ctx, 1);
      const unknown = await browser.client.multiSession.setActive({ sessionToken: "no-such-token" });
      const revokeUnknown = await browser.client.multiSession.revoke({ sessionToken: "no-such-token" });
      const noBody = await ctx.raw(browser, "POST", "/multi-session/set-active", { json: {} });
      const anonymous = ctx.actor("anonymous", { plugins: [multiSessionClient()] });
      const none = ctx.expectOk(await anonymous.client.multiSession.listDeviceSessions(), "an anonymous list");
      const revokeAnonymous = await anonymous.client.multiSession.revoke({ sessionToken: one.token });
      // a device cookie of another browser, copied by hand with a wrong signature, is not acted on
      const forged = await ctx.raw(null, "POST", "/multi-session/set-active", { json: { sessionToken: one.token },
        headers: { origin: ctx.origin,
          cookie: `better-auth.session_token_multi-${one.token.toLowerCase()}=${one.token}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%3D` } });
      return { unknown: unknown.error, revokeUnknown: revokeUnknown.error, noBody: noBody.status, none,
        revokeAnonymous: revokeAnonymous.error, forged: forged.status };
    },
  },
];
