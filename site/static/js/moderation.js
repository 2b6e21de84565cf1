// Live updates for the moderation queue, the safeguarding list and the staff
// home counts. Progressive enhancement only: without this file every page
// still works by reloading it.
//
// The server sends ids and counts only (never anyone's words); when something
// changes, this file fetches the rendered rows over HTTP and swaps them in.
(function () {
  "use strict";

  var RETRY_MS = [1000, 2000, 5000, 10000, 30000];

  // "?state=1": the first message on every (re)connect is the current count.
  function socketUrl(path) {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    return scheme + window.location.host + path + "?state=1";
  }

  // One socket per path, shared by every element that listens on it.
  var sockets = {};

  function listen(path, onEvent) {
    if (!("WebSocket" in window)) return;
    if (!sockets[path]) {
      sockets[path] = { listeners: [], attempt: 0, opened: 0 };
      connect(path);
    }
    sockets[path].listeners.push(onEvent);
  }

  function connect(path) {
    var entry = sockets[path];
    var socket = new WebSocket(socketUrl(path));
    entry.socket = socket;
    socket.addEventListener("open", function () {
      entry.attempt = 0;
      entry.opened += 1;
      document.documentElement.dataset.liveConnected = "true";
      dispatch(path, { event: "connected" });
    });
    socket.addEventListener("message", function (message) {
      var data;
      try { data = JSON.parse(message.data); } catch (error) { return; }
      if (!data || typeof data !== "object") return;
      // The state sent first after a reconnect: whatever changed meanwhile
      // was missed, so lists and items fetch themselves again.
      if (data.event === "state") data.reconnected = entry.opened > 1;
      dispatch(path, data);
    });
    socket.addEventListener("close", function (event) {
      document.documentElement.dataset.liveConnected = "false";
      dispatch(path, { event: "disconnected" });
      if (event.code === 4403) return; // not allowed: do not keep knocking
      var wait = RETRY_MS[Math.min(entry.attempt, RETRY_MS.length - 1)];
      entry.attempt += 1;
      window.setTimeout(function () { connect(path); }, wait);
    });
  }

  function dispatch(path, data) {
    sockets[path].listeners.forEach(function (listener) { listener(data); });
  }

  // Counts: staff home cards and the badge at the top of each list.
  function setUpCounts() {
    document.querySelectorAll("[data-live-count]").forEach(function (badge) {
      var holder = badge.closest("[data-socket]");
      var path = badge.dataset.socket || (holder ? holder.dataset.socket : "");
      var key = badge.dataset.countKey;
      var value = badge.querySelector("[data-count-value]");
      if (!path || !key || !value) return;
      listen(path, function (data) {
        // A number, or words such as "1,000+" for a very long queue.
        var count = data[key];
        if (typeof count === "number" || typeof count === "string") value.textContent = String(count);
      });
    });
  }

  // A list whose rows are fetched again when the server says something changed.
  function setUpList(container, describe) {
    var rows = container.querySelector("[data-queue-rows]");
    var status = container.querySelector("[data-live-status]");
    var url = container.dataset.rowsUrl;
    if (!rows || !url) return;
    var pending = null;

    function refresh(newId) {
      if (pending) return;
      pending = window.setTimeout(function () {
        pending = null;
        var query = window.location.search;
        fetch(url + query, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
          .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
          .then(function (html) {
            rows.innerHTML = html;
            if (newId) {
              var row = rows.querySelector("[data-item-id='" + newId + "'], #concern-" + newId);
              if (row) row.classList.add("is-new");
            }
          })
          .catch(function () { /* the list stays as it was; a reload shows the latest */ });
      }, 150);
    }

    listen(container.dataset.socket, function (data) {
      if (data.event === "connected") {
        if (status) status.textContent = "Live: this list updates by itself.";
        container.dataset.live = "on";
        return;
      }
      if (data.event === "disconnected") {
        if (status) status.textContent = "Not live: reload the page to see changes.";
        container.dataset.live = "off";
        return;
      }
      if (data.event === "state" && data.reconnected) {
        refresh(null);
        return;
      }
      if (data.event === "count" || typeof data.id !== "number") return;
      var words = describe(data);
      if (words && status) status.textContent = words;
      refresh(data.event === "item.arrived" || data.event === "concern.raised" ? data.id : null);
    });
  }

  function describeQueueEvent(data) {
    switch (data.event) {
      case "item.arrived": return "Something new is waiting.";
      case "item.claimed": return "An item was claimed" + (data.by ? " by " + data.by : "") + ".";
      case "item.released": return "An item went back to the queue.";
      case "item.decided": return "An item was decided.";
      default: return "";
    }
  }

  function describeConcernEvent(data) {
    return data.event === "concern.raised" ? "A new safeguarding concern has arrived." : "A concern was updated.";
  }

  function setUpSafeguardingAlert(container) {
    var area = container.querySelector("[data-alert-area]");
    if (!area) return;
    listen(container.dataset.socket, function (data) {
      if (data.event !== "concern.raised") return;
      area.hidden = false;
      area.textContent = "A new safeguarding concern has arrived. It is at the top of the list.";
    });
  }

  // An item's own page: when someone claims, releases or decides this item,
  // fetch the page again and swap in its status and actions, so nobody is
  // offered "Claim this item" after someone else has it. The swap happens
  // only when who holds it or its status changed, so nothing typed is lost.
  function setUpItem(container) {
    var id = Number(container.dataset.moderationItem);
    var status = container.querySelector("[data-live-status]");
    var words = {
      "item.claimed": "Someone has just claimed this item.",
      "item.released": "This item has gone back to the queue.",
      "item.decided": "A decision has just been made on this item."
    };

    function swap(html) {
      var fresh = new DOMParser().parseFromString(html, "text/html");
      var actions = container.querySelector("[data-item-actions]");
      var newActions = fresh.querySelector("[data-item-actions]");
      if (!actions || !newActions) return false;
      if (actions.dataset.itemState === newActions.dataset.itemState) return false;
      actions.replaceWith(document.importNode(newActions, true));
      var shown = document.querySelector("[data-item-status]");
      var newShown = fresh.querySelector("[data-item-status]");
      if (shown && newShown) shown.textContent = newShown.textContent;
      return true;
    }

    listen(container.dataset.socket, function (data) {
      if (data.event === "connected" || data.event === "disconnected") {
        container.dataset.live = data.event === "connected" ? "on" : "off";
        return;
      }
      var missed = data.event === "state" && data.reconnected;
      if (!missed && (data.id !== id || !words[data.event])) return;
      fetch(window.location.pathname, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          if (swap(html) && status) {
            status.textContent = missed ? "This item changed while the page was not live." : words[data.event];
          }
        })
        .catch(function () { /* the page stays as it was; a reload shows the latest */ });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var item = document.querySelector("[data-moderation-item]");
    if (item) setUpItem(item);
    var queue = document.querySelector("[data-moderation-queue]");
    if (queue) setUpList(queue, describeQueueEvent);
    var concerns = document.querySelector("[data-safeguarding-list]");
    if (concerns) {
      setUpList(concerns, describeConcernEvent);
      setUpSafeguardingAlert(concerns);
    }
    setUpCounts();
  });
})();
