/**
 * Reading our own cookies (the browser's time zone "tz"). A cookie is client
 * input: a malformed value (bad percent-encoding, a NUL) reads as absent
 * instead of failing the page (issue 11 item 4).
 */
export function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value: string;
    try {
      value = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null;
    }
    return value.includes("\0") ? null : value;
  }
  return null;
}
