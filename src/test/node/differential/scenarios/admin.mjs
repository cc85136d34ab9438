// admin-plugin scenarios of the differential harness, through the client's adminClient(): the session endpoints
// (list-user-sessions, revoke-user-session, revoke-user-sessions), bans (ban-user, a banned sign-in, unban-user) and
// impersonation (impersonate-user, the admin_session cookie, stop-impersonating), with their errors. The profile
// gives every new user the admin role (defaultRole "admin") and lets admins impersonate admins, since neither server
// lets a client set a role; the permission refusals of plain users are therefore not reached here.
// They run on the profiles whose plugins include admin.

import { adminClient } from "better-auth/client/plugins";

const PASSWORD = "differential-password-123";

async function account(ctx, name, label) {
  const device = ctx.actor(name, { plugins: [adminClient()] });
  const email = ctx.uniqueEmail(label);
  const up = ctx.expectOk(await device.client.signUp.email({ name: `Admin ${label}`, email, password: PASSWORD }),
    `sign-up of ${label}`);
  return { device, email, token: up.token, id: up.user.id };
}

export default [
  {
    name: "admin/user sessions",
    profiles: ["admin"],
    async run(ctx) {
      const admin = await account(ctx, "admin", "admin");
      const user = await account(ctx, "user", "user");
      const second = ctx.actor("second", { plugins: [adminClient()] });
      ctx.expectOk(await second.client.signIn.email({ email: user.email, password: PASSWORD }), "second sign-in");
      const listed = ctx.expectOk(await admin.device.client.admin.listUserSessions({ userId: user.id }),
        "list-user-sessions");
      ctx.expect(listed.sessions.length === 2, `two sessions, got ${listed.sessions.length}`);
      const one = ctx.expectOk(await admin.device.client.admin.revokeUserSession({ sessionToken: user.token }),
        "revoke-user-session");
      ctx.expect(ctx.expectOk(await user.device.client.getSession(), "get-session") === null, "the device is out");
      const all = ctx.expectOk(await admin.device.client.admin.revokeUserSessions({ userId: user.id }),
        "revoke-user-sessions");
      const none = ctx.expectOk(await admin.device.client.admin.listUserSessions({ userId: user.id }), "list again");
      ctx.expect(none.sessions.length === 0, "no session left");
      const unknown = await admin.device.client.admin.listUserSessions({ userId: "no-such-user" });
      const missing = await ctx.raw(admin.device, "POST", "/admin/list-user-sessions", { json: {} });
      return { listed, one, all, none, unknown: unknown.data ?? unknown.error, missing: missing.status };
    },
  },
  {
    name: "admin/ban and unban",
    profiles: ["admin"],
    async run(ctx) {
      const admin = await account(ctx, "admin", "admin");
      const user = await account(ctx, "user", "user");
      const banned = ctx.expectOk(await admin.device.client.admin.banUser({ userId: user.id, banReason: "spam" }),
        "ban-user");
      ctx.expect(ctx.expectOk(await user.device.client.getSession(), "get-session") === null, "the banned user is out");
      const again = ctx.actor("again", { plugins: [adminClient()] });
      const refused = ctx.expectError(await again.client.signIn.email({ email: user.email, password: PASSWORD }), 403,
        "a banned sign-in");
      const unbanned = ctx.expectOk(await admin.device.client.admin.unbanUser({ userId: user.id }), "unban-user");
      ctx.expectOk(await again.client.signIn.email({ email: user.email, password: PASSWORD }), "sign-in after unban");
      const timed = ctx.expectOk(await admin.device.client.admin.banUser({ userId: user.id, banExpiresIn: 3600 }),
        "a ban of an hour");
      const self = await admin.device.client.admin.banUser({ userId: admin.id });
      const unknown = await admin.device.client.admin.banUser({ userId: "no-such-user" });
      const unknownUnban = await admin.device.client.admin.unbanUser({ userId: "no-such-user" });
      return { banned, refused, unbanned, timed, self: self.error, unknown: unknown.error,
        unknownUnban: unknownUnban.data ?? unknownUnban.error };
    },
  },
  {
    name: "admin/impersonation",
    profiles: ["admin"],
    async run(ctx) {
      const admin = await account(ctx, "admin", "admin");
      const user = await account(ctx, "user", "user");
      const notYet = await admin.device.client.admin.stopImpersonating();
      const as = ctx.expectOk(await admin.device.client.admin.impersonateUser({ userId: user.id }), "impersonate-user");
      const seen = ctx.expectOk(await admin.device.client.getSession(), "get-session while impersonating");
      ctx.expect(seen?.user?.id === user.id, "the admin's browser is the user");
      const own = ctx.expectOk(await user.device.client.listSessions(), "the user's own list-sessions");
      const stopped = ctx.expectOk(await admin.device.client.admin.stopImpersonating(), "stop-impersonating");
      const back = ctx.expectOk(await admin.device.client.getSession(), "get-session after stopping");
      ctx.expect(back?.user?.id === admin.id, "the admin is back");
      const unknown = await admin.device.client.admin.impersonateUser({ userId: "no-such-user" });
      return { notYet: notYet.error, as, seen, own, stopped, back, unknown: unknown.error };
    },
  },
  {
    name: "admin/without a session",
    profiles: ["admin"],
    async run(ctx) {
      const anonymous = ctx.actor("anonymous", { plugins: [adminClient()] });
      const out = {};
      for (const path of ["/admin/list-user-sessions", "/admin/revoke-user-session", "/admin/revoke-user-sessions",
        "/admin/ban-user", "/admin/unban-user", "/admin/impersonate-user", "/admin/stop-impersonating"]) {
        out[path] = (await ctx.raw(anonymous, "POST", path, { json: { userId: "x", sessionToken: "x" } })).status;
      }
      // an endpoint of the plugin we do not speak (README, admin: "Not here"), in the trace only
      await ctx.raw(anonymous, "GET", "/admin/list-users");
      return { out };
    },
  },
];
