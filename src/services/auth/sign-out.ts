import type { ServiceContext } from "../context.ts";

/** Ends the request's session; returns the cookies that clear it. */
export async function signOut(ctx: ServiceContext, headers: Headers): Promise<{ setCookies: string[] }> {
  const response = await ctx.auth.api.signOut({ headers, asResponse: true });
  return { setCookies: response.headers.getSetCookie() };
}
