import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/root-redirect.tsx"),
  route("api/auth/*", "routes/api-auth.ts"),
  route("healthz", "routes/healthz.ts"),
  route(":lang", "routes/locale-layout.tsx", [
    index("routes/home.tsx"),
    route("sign-up", "routes/sign-up.tsx"),
    route("check-email", "routes/check-email.tsx"),
    route("sign-in", "routes/sign-in.tsx"),
    route("sign-in/two-factor", "routes/sign-in-two-factor.tsx"),
    route("sign-out", "routes/sign-out.tsx"),
    route("forgot-password", "routes/forgot-password.tsx"),
    route("reset-password", "routes/reset-password.tsx"),
    route("account", "routes/account.tsx"),
    route("account/two-factor", "routes/account-two-factor.tsx"),
    route("staff-invitation/:token", "routes/staff-invitation.tsx"),
    route("operator", "routes/operator/layout.tsx", [
      index("routes/operator/dashboard.tsx"),
      route("rounds/new", "routes/operator/round-new.tsx"),
      route("rounds/:roundId", "routes/operator/round.tsx"),
      route("audit", "routes/operator/audit.tsx"),
      route("outbox", "routes/operator/outbox.tsx"),
      route("staff", "routes/operator/staff.tsx"),
    ]),
    route("*", "routes/not-found.tsx"),
  ]),
] satisfies RouteConfig;
