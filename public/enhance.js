// Progressive enhancement for server-rendered pages (ADR 0003). Everything
// works without this file. With it:
//  - times also show in the browser's zone, and the zone is remembered
//    (cookie "tz") so the server can render it next time;
//  - long text fields show how many characters are left;
//  - application forms save themselves a moment after typing stops.
(function () {
  "use strict";

  function localTimes() {
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
    var nodes = document.querySelectorAll("time[data-local-time='pending']");
    var formats = {};
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      var d = new Date(el.getAttribute("datetime"));
      if (isNaN(d.getTime())) continue;
      // The server's formatting locale (Thai pages: Gregorian calendar), one formatter per locale.
      var lang = el.getAttribute("data-format-locale") || document.documentElement.lang || "en";
      formats[lang] =
        formats[lang] ||
        new Intl.DateTimeFormat(lang, {
          year: "numeric",
          month: "short",
          day: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          timeZone: tz,
          timeZoneName: "short",
        });
      var text = formats[lang].format(d);
      var span = document.createElement("span");
      span.className = "instant-local";
      span.textContent = " " + (el.getAttribute("data-pattern") || "({time})").replace("{time}", text);
      el.setAttribute("data-local-time", "done");
      el.parentNode.insertBefore(span, el.nextSibling);
    }
  }

  // Character count (app/components/forms/textarea.tsx): the server renders "You can enter up to N
  // characters" under the box and the sentences for 7 (and for 1 where a language says it differently);
  // the script swaps in the real number as the person types. The server still checks the length.
  function counters() {
    var areas = document.querySelectorAll("textarea[data-counter]");
    for (var i = 0; i < areas.length; i++) {
      (function (area) {
        var max = Number(area.getAttribute("data-counter"));
        var out = document.getElementById(area.id + "-count");
        if (!out || !max) return;
        out.setAttribute("aria-live", "polite");
        var sentence = function (kind, n) {
          var one = area.getAttribute("data-counter-" + kind + "-one");
          if (n === 1 && one) return one;
          return (area.getAttribute("data-counter-" + kind) || "").replace("7", String(n));
        };
        var update = function () {
          var left = max - area.value.length;
          out.textContent = left >= 0 ? sentence("left", left) : sentence("over", -left);
          out.className = left >= 0 ? "hint counter" : "hint counter counter-over";
        };
        area.addEventListener("input", update);
        update();
      })(areas[i]);
    }
  }

  function autosave() {
    var forms = document.querySelectorAll("form[data-autosave]");
    for (var i = 0; i < forms.length; i++) {
      (function (form) {
        var timer = null;
        var status = form.querySelector(".autosave-status");
        var save = function () {
          var data = new FormData(form);
          data.set("intent", "autosave");
          fetch(form.getAttribute("action") || window.location.href, { method: "POST", body: data, credentials: "same-origin" })
            .then(function (res) {
              if (res.ok && status) status.textContent = form.getAttribute("data-autosave-label") || "";
            })
            .catch(function () {});
        };
        var schedule = function () {
          if (timer) clearTimeout(timer);
          timer = setTimeout(save, 1500);
        };
        form.addEventListener("input", schedule);
        form.addEventListener("change", schedule);
        form.addEventListener("submit", function () {
          if (timer) clearTimeout(timer);
        });
      })(forms[i]);
    }
  }

  localTimes();
  counters();
  autosave();
})();
