// jwt-plugin scenarios of the differential harness: the client's jwtClient() (token(), jwks()) and set-auth-jwt on
// get-session. Every JWT is decoded and verified against the answering server's own /jwks (harness.mjs), never
// compared; its claims are (iss and aud as <origin>, iat and exp as date deltas, sub as the user's alias).
// They run on the profiles whose plugins include jwt.

import { jwtClient } from "better-auth/client/plugins";

const PASSWORD = "differential-password-123";

export default [
  {
    name: "jwt/token, jwks and set-auth-jwt",
    profiles: ["jwt"],
    async run(ctx) {
      const device = ctx.actor("A", { plugins: [jwtClient()] });
      ctx.expectOk(await device.client.signUp.email({ name: "Jwt", email: ctx.uniqueEmail("jwt"), password: PASSWORD }),
        "sign-up");
      const token = ctx.expectOk(await device.client.token(), "token()");
      ctx.expect(typeof token?.token === "string", "token() answers a JWT");
      const keys = ctx.expectOk(await device.client.jwks(), "jwks()");
      ctx.expect(keys?.keys?.length >= 1, "a key set");
      ctx.expectOk(await device.client.getSession(), "get-session");
      ctx.expect(ctx.trace.at(-1).headers["set-auth-jwt"], "get-session answers set-auth-jwt");
      return { token, keys };
    },
  },
  {
    name: "jwt/token without a session",
    profiles: ["jwt"],
    async run(ctx) {
      const anonymous = ctx.actor("anonymous", { plugins: [jwtClient()] });
      const refused = ctx.expectError(await anonymous.client.token(), 401, "token() without a session");
      const none = ctx.expectOk(await anonymous.client.getSession(), "an anonymous get-session");
      return { refused, none };
    },
  },
];
