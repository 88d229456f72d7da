// Progressive enhancement for server-rendered pages (ADR 0003). Everything
// works without this file; with it, times also show in the browser's zone,
// and the zone is remembered (cookie "tz") so the server can render it next time.
(function () {
  "use strict";
  var tz;
  try {
    tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return;
  }
  if (!tz) return;
  if (document.cookie.indexOf("tz=") === -1) {
    document.cookie = "tz=" + encodeURIComponent(tz) + "; path=/; max-age=31536000; samesite=lax";
  }
  if (tz === "Asia/Tokyo") return;
  var lang = document.documentElement.lang || undefined;
  var nodes = document.querySelectorAll("time[data-local-time='pending']");
  for (var i = 0; i < nodes.length; i++) {
    var el = nodes[i];
    var d = new Date(el.getAttribute("datetime"));
    if (isNaN(d.getTime())) continue;
    var text = new Intl.DateTimeFormat(lang, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: tz, timeZoneName: "short" }).format(d);
    var span = document.createElement("span");
    span.className = "instant-local";
    span.textContent = " (" + (el.getAttribute("data-label") || "") + ": " + text + ")";
    el.setAttribute("data-local-time", "done");
    el.parentNode.insertBefore(span, el.nextSibling);
  }
})();
