// Page start-up that must run without the wasm: the service worker's registration, the
// button that lets a new version take over, and the panic panel's buttons (in release
// builds a panic aborts the wasm instance). A file of its own, not an inline script, so the
// Content-Security-Policy allows no inline script but the one trunk writes (hashed at build).
(function () {
  "use strict";

  // The worker that waits to take over, once there is one.
  var waiting = null;

  // Tells the app a new version is ready: it shows "A new version is ready — Reload" in the
  // page's language (components/update_banner.rs). The attribute is for an app that starts
  // after the event fired.
  function announce(worker) {
    waiting = worker;
    document.documentElement.setAttribute("data-update-ready", "");
    window.dispatchEvent(new Event("poolcalc-update-ready"));
  }

  function watch(registration) {
    if (registration.waiting && navigator.serviceWorker.controller) {
      announce(registration.waiting);
    }
    registration.addEventListener("updatefound", function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        // Installed while another worker controls the page: a new version, not the first.
        if (worker.state === "installed" && navigator.serviceWorker.controller) {
          announce(worker);
        }
      });
    });
  }

  if ("serviceWorker" in navigator) {
    var reloading = false;
    var hadController = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      // The first visit's worker claiming the page is no reason to reload it.
      if (!hadController) {
        hadController = true;
        return;
      }
      if (reloading) return;
      reloading = true;
      location.reload();
    });
    window.addEventListener("load", function () {
      // From the site root, whatever page was opened first (/members/alpha would otherwise
      // look for /members/sw.js), with the whole site as its scope.
      navigator.serviceWorker
        .register("/sw.js", { scope: "/" })
        .then(watch)
        .catch(function (e) {
          console.warn("service worker not registered:", e);
        });
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-action]");
    if (!button) return;
    var action = button.getAttribute("data-action");
    if (action === "apply-update") {
      // The waiting worker takes over; controllerchange then reloads the page.
      if (waiting) waiting.postMessage({ type: "skip-waiting" });
      else location.reload();
    } else if (action === "reload") {
      location.reload();
    } else if (action === "copy-error") {
      var report = document.getElementById("panic-report");
      if (!report) return;
      report.focus();
      report.select();
      if (navigator.clipboard) {
        navigator.clipboard.writeText(report.value).catch(function () {
          document.execCommand && document.execCommand("copy");
        });
      } else if (document.execCommand) {
        document.execCommand("copy");
      }
    }
  });
})();
