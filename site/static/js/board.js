/* Live board meetings: votes go over a websocket and counts update by themselves.
   Without JavaScript (or without a connection) the vote buttons post a plain form. */
(function () {
  "use strict";
  var root = document.querySelector("[data-board-meeting]");
  if (!root || !("WebSocket" in window)) return;
  var meetingId = root.getAttribute("data-board-meeting");
  var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
  // "?state=1": the first message on every (re)connect is the meeting as it is now.
  var url = scheme + window.location.host + "/ws/board/meetings/" + meetingId + "/?state=1";
  var status = root.querySelector("[data-live-status]");
  var socket = null;
  var retryDelay = 1000;

  function section(questionId) {
    return root.querySelector('[data-question="' + questionId + '"]');
  }

  function showState(message) {
    var box = section(message.question);
    if (!box) return;
    if (message.status !== box.getAttribute("data-question-status")) {
      window.location.reload(); // voting closed: show the saved result
      return;
    }
    Object.keys(message.counts).forEach(function (choice) {
      var cell = box.querySelector('[data-count="' + choice + '"]');
      if (cell) cell.textContent = String(message.counts[choice]);
    });
  }

  // The whole meeting, sent first on every (re)connect: counts missed while
  // the connection was down are shown, and a question opened meanwhile
  // reloads the page to show it.
  function showMeeting(message) {
    var missing = message.questions.some(function (question) { return !section(question.question); });
    if (missing) {
      window.location.reload();
      return;
    }
    message.questions.forEach(showState);
  }

  function connect() {
    socket = new WebSocket(url);
    socket.addEventListener("open", function () {
      retryDelay = 1000;
      if (status) status.hidden = false;
    });
    socket.addEventListener("message", function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (error) { return; }
      if (message.type === "meeting") showMeeting(message);
      else if (message.type === "state") showState(message);
      else if (message.type === "opened" && !section(message.question)) window.location.reload();
      else if (message.type === "error") {
        var note = root.querySelector("[data-vote-message]");
        if (note) note.textContent = message.message;
      }
    });
    socket.addEventListener("close", function () {
      if (status) status.hidden = true;
      socket = null;
      window.setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 30000);
    });
  }

  root.addEventListener("click", function (event) {
    var button = event.target.closest(".board-vote__choice");
    if (!button || !socket || socket.readyState !== WebSocket.OPEN) return;
    var box = button.closest("[data-question]");
    event.preventDefault();
    socket.send(JSON.stringify({
      type: "vote",
      question: Number(box.getAttribute("data-question")),
      choice: button.value
    }));
    box.querySelectorAll(".board-vote__choice").forEach(function (other) {
      other.setAttribute("aria-pressed", other === button ? "true" : "false");
    });
    var note = box.querySelector("[data-vote-message]");
    if (note) note.textContent = "Your vote: " + button.textContent + ".";
  });

  connect();
})();
