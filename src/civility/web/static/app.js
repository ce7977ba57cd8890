// Civility dashboard: keyboard shortcuts, row selection, paging and bulk ticking (no build
// step). No inline scripts or handlers anywhere: everything is wired from this file, so the
// pages run under a strict Content-Security-Policy.
(function () {
  "use strict";

  function rows() { return Array.from(document.querySelectorAll(".items .row[data-url]")); }
  // The id of the selected row. The page keeps it, not the rows' classes: a row swapped in by
  // a response (or the live poll) settles its classes 20 ms later and could otherwise mark a
  // second row as selected after `j` moved on.
  var chosen = null;

  function current() {
    if (chosen === null) {
      var first = document.querySelector(".items .row.selected");
      chosen = first ? first.dataset.id : "";
    }
    // The chosen row first: while its panel is still loading, the shown panel is older.
    var row = chosen && document.getElementById("row-" + chosen);
    if (row) return row;
    var shown = document.querySelector("#detail article[data-id]");
    return shown && document.getElementById("row-" + shown.dataset.id);
  }

  function mark() {
    if (chosen === null) return;
    rows().forEach(function (r) { r.classList.toggle("selected", r.dataset.id === chosen); });
  }
  document.addEventListener("htmx:afterSettle", mark);

  function select(row) {
    if (!row) return;
    chosen = row.dataset.id;
    mark();
    row.scrollIntoView({ block: "nearest" });
    htmx.ajax("GET", row.dataset.url, { target: "#detail", swap: "innerHTML" });
    var url = new URL(window.location.href);
    url.searchParams.set("item", row.dataset.id);
    history.replaceState(null, "", url);
  }

  function move(step) {
    var all = rows();
    if (!all.length) return;
    var at = all.indexOf(current());
    // Past either end of the page, go on with the next or previous page.
    if (at !== -1 && at + step >= all.length) return turn("next", "first");
    if (at !== -1 && at + step < 0) return turn("prev", "last");
    var next = all[Math.min(Math.max(at + step, 0), all.length - 1)];
    if (at === -1) next = all[0];
    if (next !== all[at]) select(next);
  }

  function turn(which, pick) {
    var link = document.querySelector('.pager a[data-page="' + which + '"]');
    if (!link) return;
    var url = new URL(link.href, window.location.href);
    url.searchParams.set("pick", pick);
    window.location.assign(url.toString());
  }

  function press(key) {
    var button = document.querySelector('#detail [data-key="' + key + '"]');
    if (button) button.click();
  }

  function openBan() {
    var panel = document.getElementById("ban-panel");
    if (!panel) return;
    panel.open = true;
    // The first field a moderator can use: hidden inputs cannot take focus.
    var first = panel.querySelector('input:not([type="hidden"]), select');
    if (first) first.focus();
  }

  function updateCount() {
    var label = document.querySelector("[data-selected-count]");
    if (!label) return;
    var n = document.querySelectorAll('.items input[name="ids"]:checked').length;
    label.textContent = n + " ticked";
  }

  document.addEventListener("keydown", function (e) {
    if (e.metaKey || e.ctrlKey || e.altKey) return;
    var help = document.getElementById("help");
    if (e.target.closest("input, textarea, select")) {
      if (e.key === "Escape") e.target.blur();
      return;
    }
    if (help && help.open) return;
    switch (e.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": case "h": case "r": case "e": case "c": press(e.key); break;
      case "b": openBan(); break;
      case "u": var undo = document.querySelector("#flash [data-undo]"); if (undo) undo.click(); break;
      case "n": var note = document.querySelector("#detail [data-note]"); if (note) note.focus(); break;
      case "x":
        var row = current();
        var box = row && row.querySelector('input[name="ids"]');
        if (box) { box.checked = !box.checked; updateCount(); }
        break;
      case "?": if (help) help.showModal(); break;
      default: return;
    }
    e.preventDefault();
  });

  document.addEventListener("click", function (e) {
    if (e.target.closest("[data-help]")) {
      document.getElementById("help").showModal();
      return;
    }
    if (e.target.closest("[data-open-ban]")) { openBan(); return; }
    if (e.target.closest("[data-back]")) { e.preventDefault(); history.back(); return; }
    if (e.target.closest("input, a, button, label")) return;
    var row = e.target.closest(".items .row[data-url]");
    if (row) { tapped = true; select(row); }
  });

  document.addEventListener("change", function (e) {
    if (e.target.matches("[data-select-all]")) {
      document.querySelectorAll('.items input[name="ids"]').forEach(function (box) {
        box.checked = e.target.checked;
      });
    }
    updateCount();
  });

  // On a narrow screen the panel sits below the list: bring a tapped item into view.
  var tapped = false;
  var narrow = window.matchMedia("(max-width: 900px)");
  document.addEventListener("htmx:afterSettle", function (e) {
    if (e.detail.target.id !== "detail" || !tapped) return;
    tapped = false;
    if (narrow.matches) document.getElementById("detail").scrollIntoView({ block: "start" });
  });

  // After a verdict that closes the item (and its row was swapped too), open the next one.
  document.addEventListener("htmx:afterSettle", function (e) {
    if (e.detail.target.id !== "detail") return;
    var done = document.querySelector("#detail [data-advance]");
    if (!done) return;
    done.removeAttribute("data-advance");
    // The tab counts pending items; one fewer now (the next poll recounts).
    var status = document.querySelector('.filters select[name="status"]');
    var count = document.querySelector('.tabs a[aria-current="page"] .count');
    if (count && status && status.value === "pending") {
      count.textContent = String(Math.max(0, parseInt(count.textContent, 10) - 1));
    }
    // The last item of a page: stay (the pager says what is left) rather than jump pages.
    var all = rows();
    if (all.indexOf(current()) < all.length - 1) move(1);
  });

  // Messages fade out after a while so they never cover the page for long.
  document.addEventListener("htmx:afterSettle", fadeFlash);
  document.addEventListener("DOMContentLoaded", fadeFlash);
  function fadeFlash() {
    var flash = document.getElementById("flash");
    if (!flash || !flash.firstElementChild || flash.querySelector(".error")) return;
    clearTimeout(fadeFlash.timer);
    fadeFlash.timer = setTimeout(function () { flash.innerHTML = ""; }, 4000);
  }
})();
